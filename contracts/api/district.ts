import { NearbyHalls, NearbyHallsQuery } from '../nearby-halls';
import { access, defineOperations, errorReplies } from './operation';

/** The district around the hall, as the district platform sees it. */
export const districtOperations = defineOperations({
  /**
   * 就近办: other halls' waiting for one service, for the kiosk's tiles. Answered by each host from
   * the platform (a secondary kiosk asks it too, with its hall's id), so a hall link that is down
   * does not take it away.
   */
  nearbyHalls: {
    method: 'GET',
    path: '/nearby-halls',
    tags: ['district'],
    access: access.kiosk,
    query: NearbyHallsQuery,
    responses: { 200: NearbyHalls, ...errorReplies(400) },
  },
});
