import type { NearbyHall } from '../../contracts/central-api';

/** From this estimated wait on, an open tile names a nearby hall with a shorter one (就近办). */
export const NEARBY_FROM_MINUTES = 15;

/** What a trip to another hall must save, at least: a citizen walks or rides there. */
const SAVES_MINUTES = 10;

/**
 * The hall a tile suggests, if any: the first (the platform puts the best first) that was heard
 * from lately, issues numbers for the service now, and saves the trip's worth of waiting.
 */
export function nearbyWorthGoing(halls: readonly NearbyHall[], hereMinutes: number): NearbyHall | undefined {
  return halls.find((h) => !h.stale && h.open && h.estimatedWaitMinutes + SAVES_MINUTES <= hereMinutes);
}
