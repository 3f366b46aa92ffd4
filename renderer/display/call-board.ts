import type { Call } from '../../contracts/queue';

/**
 * What the hall board shows, as plain data: the calls newest first (the first one shown large),
 * which of them are fresh (called in the last few seconds: they flash in the list), and every call
 * the board has already seen, so a reload after a reconnect can tell the calls it missed (to show
 * and announce) from the ones it knew. Pure functions: the React hook holds the state.
 */

export interface BoardCall extends Call {
  key: string;
  /** When the board learnt of the call (display clock, ms). */
  arrivedAt: number;
  /** Until when (display clock, ms) the call counts as fresh; null when it never was or no longer is. */
  freshUntil: number | null;
}

export interface BoardState {
  calls: readonly BoardCall[];
  /** Keys of every call seen today, oldest first (bounded). */
  seen: ReadonlySet<string>;
  /** Whether the first load happened: calls already on the board when it opened are not news. */
  baseline: boolean;
}

export interface BoardOptions {
  /** Calls kept: the current one plus the listed ones. */
  size: number;
  /** How long a new call stays fresh. */
  freshMs: number;
}

/** A few seconds, so calls made together at several windows flash together in the list. */
export const FRESH_MS = 10_000;
const SEEN_LIMIT = 5_000;

/** One call of one ticket: a recall or a call after a transfer is a new call (a new calledAt). */
export function callKey(call: Call): string {
  return `${call.ticketId}@${call.calledAt}`;
}

export function emptyBoard(): BoardState {
  return { calls: [], seen: new Set(), baseline: false };
}

function remember(seen: ReadonlySet<string>, keys: readonly string[]): ReadonlySet<string> {
  const next = new Set(seen);
  for (const key of keys) next.add(key);
  // A hall calls a few thousand numbers a day; forget the oldest beyond that.
  for (const key of next) {
    if (next.size <= SEEN_LIMIT) break;
    next.delete(key);
  }
  return next;
}

/**
 * A call pushed by the event stream: on top, fresh, any earlier call of the same ticket removed.
 * `isNew` is false when the board already had this very call (a replayed or duplicated event).
 */
export function addCall(
  state: BoardState,
  call: Call,
  now: number,
  options: BoardOptions,
): { state: BoardState; isNew: boolean } {
  const key = callKey(call);
  const isNew = !state.seen.has(key);
  if (!isNew) return { state, isNew };
  const entry: BoardCall = { ...call, key, arrivedAt: now, freshUntil: now + options.freshMs };
  return {
    isNew,
    state: {
      ...state,
      calls: [entry, ...state.calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, options.size),
      seen: remember(state.seen, [key]),
    },
  };
}

/** A ticket that left the board: skipped (过号) or transferred back into a queue. */
export function removeTicket(state: BoardState, ticketId: number): BoardState {
  if (!state.calls.some((c) => c.ticketId === ticketId)) return state;
  return { ...state, calls: state.calls.filter((c) => c.ticketId !== ticketId) };
}

/**
 * The host's list of recent calls (GET /calls/recent, newest first), loaded at `startedAt`.
 * The first load is the baseline: nothing in it is news. A later load (after a reconnect or a host
 * restart) returns the calls the board missed as `missed`, oldest first, and shows them fresh.
 * Calls the board learnt from events after the load started are kept on top: the load may predate them.
 */
export function applyLoad(
  state: BoardState,
  loaded: readonly Call[],
  now: number,
  startedAt: number,
  options: BoardOptions,
): { state: BoardState; missed: Call[] } {
  const known = new Map(state.calls.map((c) => [c.key, c]));
  const missed: Call[] = [];
  const fromHost: BoardCall[] = loaded.map((call) => {
    const key = callKey(call);
    const had = known.get(key);
    if (had) return had;
    const news = state.baseline && !state.seen.has(key);
    if (news) missed.push(call);
    return { ...call, key, arrivedAt: now, freshUntil: news ? now + options.freshMs : null };
  });
  const loadedKeys = new Set(fromHost.map((c) => c.key));
  const newer = state.calls.filter((c) => c.arrivedAt >= startedAt && !loadedKeys.has(c.key));
  const calls = [...newer, ...fromHost]
    // One line per ticket: a call pushed after the load began beats the host's older call of it.
    .filter((c, i, all) => all.findIndex((o) => o.ticketId === c.ticketId) === i)
    .slice(0, options.size);
  return {
    state: {
      calls,
      seen: remember(
        state.seen,
        fromHost.map((c) => c.key),
      ),
      baseline: true,
    },
    missed: missed.reverse(),
  };
}

/** Clears freshness that ran out; the same state object when nothing changed. */
export function expireFresh(state: BoardState, now: number): BoardState {
  if (!state.calls.some((c) => c.freshUntil !== null && c.freshUntil <= now)) return state;
  return {
    ...state,
    calls: state.calls.map((c) => (c.freshUntil !== null && c.freshUntil <= now ? { ...c, freshUntil: null } : c)),
  };
}

/** When the next call stops being fresh (to schedule a re-render), or null. */
export function nextExpiry(state: BoardState): number | null {
  const times = state.calls.map((c) => c.freshUntil).filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * Whether a call is recent enough to be said aloud: one that happened while the board was away
 * for long (a night's outage replayed) is shown but not announced. `hostNow` is the host's clock.
 */
export function worthAnnouncing(call: Call, hostNow: number, maxAgeMs: number): boolean {
  const age = hostNow - Date.parse(call.calledAt);
  return Number.isFinite(age) && age <= maxAgeMs;
}
