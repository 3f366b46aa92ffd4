import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FloorSnapshot } from '../../../contracts/floor';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { ageFloor, FLOOR_EVENTS, FLOOR_KEYS } from './floor-logic';

/** How often running durations (a pause, a wait) move on screen between reads. */
const TICK_MS = 15_000;

export interface LiveFloor {
  query: UseQueryResult<FloorSnapshot>;
  /** The floor as read, its durations grown by the time since (undefined before the first read). */
  floor: FloorSnapshot | undefined;
}

/**
 * The live floor: read once, then again after the hall events that change it, never on a timer.
 * A call publishes several events at once (finished, called, counts); a 200-window hall publishes
 * them all day. So the events of one turn read the floor once, at most one read is on the wire, and
 * events heard while it is ask for exactly one more after it: the page always ends on a floor
 * read after the last event, without a request per event.
 */
export function useFloor(): LiveFloor {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: FLOOR_KEYS.floor, queryFn: api.managerFloor });
  const read = useCallback(() => refreshAfterEvent(queryClient, FLOOR_KEYS.floor), [queryClient]);
  const refresh = useCoalescedRefresh(read);
  useHallEvents((event) => {
    if (FLOOR_EVENTS.has(event.type)) refresh();
  }, refresh);

  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // When this page received the floor, on its own monotonic clock.
  const received = useMemo(() => ({ data: query.data, at: performance.now() }), [query.data]);
  const floor = useMemo(() => received.data && ageFloor(received.data, (now - received.at) / 1000), [received, now]);
  return { query, floor };
}

/** `read` at the end of the turn; while one runs, one more after it, however many asked meanwhile. */
function useCoalescedRefresh(read: () => Promise<unknown>): () => void {
  const state = useRef({ scheduled: false, running: false, again: false });
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  }, [read]);
  return useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    if (s.scheduled) return;
    s.scheduled = true;
    setTimeout(() => {
      s.scheduled = false;
      s.running = true;
      void (async () => {
        try {
          do {
            s.again = false;
            await latest.current().catch(() => undefined);
          } while (s.again);
        } finally {
          s.running = false;
        }
      })();
    }, 0);
  }, []);
}
