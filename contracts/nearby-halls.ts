/**
 * 就近办 at the kiosk (GET /api/v1/nearby-halls): the other halls of the district serving the same
 * queue service and their waiting now, as the district platform last said (contracts/central-api.ts
 * `NearbyHall`; the host keeps an answer 30 s). Empty when the platform cannot be reached: the kiosk
 * then shows nothing, never an error.
 */
import { z } from 'zod';
import { NearbyHall } from './central-api';
import { ServiceCode } from './queue';

export const NearbyHallsQuery = z.object({ service: ServiceCode });
export type NearbyHallsQuery = z.infer<typeof NearbyHallsQuery>;

/** Best first (fresh, issuing now, the shortest estimated wait). */
export const NearbyHalls = z.object({ halls: z.array(NearbyHall) });
export type NearbyHalls = z.infer<typeof NearbyHalls>;
