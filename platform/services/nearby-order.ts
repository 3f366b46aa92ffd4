import type { NearbyHall } from '../../contracts/central-api';

/**
 * The order a kiosk is offered other halls in (就近办): a hall heard from lately before one gone
 * quiet, one issuing numbers for the service before one that is not, then the shortest estimated
 * wait, the fewest waiting, and the hall id so that equal halls keep one order on every instance.
 * Distance is not known to the platform yet (the district is small, and every hall of it counts
 * as near); a registry with places would add it here first.
 */
export function compareNearby(a: NearbyHall, b: NearbyHall): number {
  return (
    Number(a.stale) - Number(b.stale) ||
    Number(b.open) - Number(a.open) ||
    a.estimatedWaitMinutes - b.estimatedWaitMinutes ||
    a.waiting - b.waiting ||
    (a.hallId < b.hallId ? -1 : a.hallId > b.hallId ? 1 : 0)
  );
}
