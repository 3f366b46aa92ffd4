import { DEFAULT_HALL_HOURS, DEFAULT_HALL_ID } from '../../contracts/config';
import { CreateHallRequest, type CreateHallInput } from '../../contracts/platform-halls';

/**
 * The invented district the demo and the tests run on (星河区 is made up, as are its streets):
 * its district centre and four community centres. The demo host's hall (`hall-01`, the default
 * `hallId` of contracts/config.ts) is the district centre, which offers the 41 全域通办 items
 * and the enterprise matters (contracts/catalog-scope.ts): the demo kiosk shows them all, and
 * the hosts' tests keep the start-up bundle and 营商诉求 they file. The community centres are
 * `hall-02`…`hall-05`, for the tests of another hall and the console's list.
 *
 * Seeded only when no hall is registered and the platform accepts the static dev tokens (which
 * sign in as the demo hall): a production platform starts with none and registers its halls.
 */

/** The community centres' weekdays: two periods, no lunch duty (that is the district centre's 午间不打烊). */
const communityWeekday = [
  { from: '09:00', to: '12:00' },
  { from: '14:00', to: '17:30' },
];
const communityHours = {
  mon: communityWeekday,
  tue: communityWeekday,
  wed: communityWeekday,
  thu: communityWeekday,
  fri: communityWeekday,
};

const community = (hallId: string, name: string, address: string, windows: number, saturday = false): CreateHallInput => ({
  hallId,
  name,
  level: 'community-centre',
  address,
  hours: saturday ? { ...communityHours, sat: [{ from: '09:00', to: '12:00' }] } : communityHours,
  windows,
});

const DEMO_HALLS: readonly CreateHallInput[] = [
  {
    hallId: DEFAULT_HALL_ID,
    name: '星河区政务服务中心',
    level: 'district-centre',
    address: '星河区市民中心大道88号',
    // Weekdays with lunch-time duty and weekend mornings: the hall open when the community centres are not.
    hours: DEFAULT_HALL_HOURS,
    windows: 48,
  },
  community('hall-02', '星河区湖滨街道社区政务服务中心', '星河区湖滨路126号', 6, true),
  community('hall-03', '星河区桂园街道社区政务服务中心', '星河区桂园北街15号', 5),
  community('hall-04', '星河区青石街道社区政务服务中心', '星河区青石巷2号', 4),
  community('hall-05', '星河区梅岭街道社区政务服务中心', '星河区梅岭东路301号', 4, true),
];

/** The demo district's halls, checked by the contract they are registered under. */
export const DEMO_DISTRICT: readonly CreateHallRequest[] = DEMO_HALLS.map((hall) => CreateHallRequest.parse(hall));

/** The hall the static dev tokens sign in as. */
export const DEMO_HALL_ID = DEFAULT_HALL_ID;
