import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call } from '../../contracts/queue';
import { useApi } from '../api/context';
import { useLatest } from '../ui/use-latest';
import {
  addCall,
  applyLoad,
  emptyBoard,
  expireFresh,
  FRESH_MS,
  nextExpiry,
  removeTicket,
  type BoardOptions,
  type BoardState,
} from './call-board';

/** A failed load is tried again after this long (the host may be restarting). */
const RETRY_MS = 5_000;
/** The board re-reads the host's list now and then, to heal any drift the events did not cover. */
const HEAL_MS = 2 * 60_000;

export interface CallBoard {
  state: BoardState;
  /** A call pushed by the event stream. */
  called(call: Call): void;
  /** A ticket that left the board (skipped, transferred). */
  left(ticketId: number): void;
  /** Reloads from the host: after a resync (host restart, missed events) the calls missed are news. */
  reload(): void;
}

/**
 * The board's calls for its lifetime. `onNews` receives each call the hall has not seen yet, in the
 * order they were made, whether pushed live or found by a reload after a reconnect.
 */
export function useCallBoard(size: number, onNews: (call: Call) => void): CallBoard {
  const api = useApi();
  const [state, setState] = useState<BoardState>(emptyBoard);
  // The board as the last change left it, for handlers that run before the next render.
  const stateRef = useRef<BoardState>(state);
  const optionsRef = useLatest<BoardOptions>({ size, freshMs: FRESH_MS });
  const newsRef = useLatest(onNews);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const commit = useCallback((next: BoardState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const called = useCallback(
    (call: Call) => {
      const { state: next, isNew } = addCall(stateRef.current, call, Date.now(), optionsRef.current);
      commit(next);
      if (isNew) newsRef.current(call);
    },
    [commit, optionsRef, newsRef],
  );

  const left = useCallback((ticketId: number) => commit(removeTicket(stateRef.current, ticketId)), [commit]);

  const reload = useCallback(
    // Named, so a failed load can schedule itself again.
    function load() {
      clearTimeout(retry.current);
      const startedAt = Date.now();
      api.recentCalls(optionsRef.current.size).then(
        (loaded) => {
          if (!alive.current) return;
          const { state: next, missed } = applyLoad(stateRef.current, loaded.calls, Date.now(), startedAt, optionsRef.current);
          commit(next);
          missed.forEach((call) => newsRef.current(call));
        },
        () => {
          if (alive.current) retry.current = setTimeout(load, RETRY_MS);
        },
      );
    },
    [api, commit, optionsRef, newsRef],
  );

  useEffect(() => {
    alive.current = true;
    reload();
    const heal = setInterval(reload, HEAL_MS);
    return () => {
      alive.current = false;
      clearInterval(heal);
      clearTimeout(retry.current);
    };
  }, [reload]);

  // A size change (settings loaded) reloads so the list fills to its new length.
  useEffect(() => {
    if (stateRef.current.baseline) reload();
  }, [size, reload]);

  // Fresh calls stop flashing after a few seconds.
  useEffect(() => {
    const at = nextExpiry(state);
    if (at === null) return;
    const timer = setTimeout(() => commit(expireFresh(stateRef.current, Date.now())), Math.max(0, at - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [state, commit]);

  return { state, called, left, reload };
}
