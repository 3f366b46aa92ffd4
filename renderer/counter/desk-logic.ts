import type { ApiErrorCode } from '../../contracts/errors';
import type { DayStatistics, StatFigures } from '../../contracts/stats';
import type { Ticket } from '../../contracts/queue';

/** What a clerk can do at the window; each has a big button and a function key. */
export type DeskCommand = 'callNext' | 'recall' | 'skip' | 'finish' | 'holdResume' | 'transfer' | 'evaluate' | 'pause';

/**
 * F1–F4 are the keys the hall's clerks already know from the skeleton counter
 * and most caller keypads; F5–F8 follow in the order of the button grid.
 */
export const SHORTCUTS: readonly { key: string; command: DeskCommand }[] = [
  { key: 'F1', command: 'callNext' },
  { key: 'F2', command: 'recall' },
  { key: 'F3', command: 'skip' },
  { key: 'F4', command: 'finish' },
  { key: 'F5', command: 'holdResume' },
  { key: 'F6', command: 'transfer' },
  { key: 'F7', command: 'evaluate' },
  { key: 'F8', command: 'pause' },
];

export function commandForKey(key: string): DeskCommand | undefined {
  return SHORTCUTS.find((s) => s.key === key)?.command;
}

export function keyOf(command: DeskCommand): string {
  return SHORTCUTS.find((s) => s.command === command)?.key ?? '';
}

/** Who is called once the window is free: the next in line (F1) or a ticket picked from the queue. */
export type CallTarget = { kind: 'next' } | { kind: 'ticket'; ticket: Ticket };

/** The outcome dialog of the citizen at the window, and the call that follows it. */
export interface FinishThenCall {
  ticket: Ticket;
  then: CallTarget;
}

/**
 * A call while a citizen is being served ends their visit first, through the same outcome dialog
 * as F4 (办结 preselected: one key for the usual outcome), then a rating request: calling straight
 * away would have the host finish them as 办结 itself, with no outcome chosen. Null when nobody is
 * at the window and the call goes at once.
 */
export function finishBeforeCall(current: Ticket | null, target: CallTarget): FinishThenCall | null {
  return current ? { ticket: current, then: target } : null;
}

/**
 * The steps once the outcome is chosen, in order: finish with it, ask the citizen for the rating
 * (as F7 does), call. Nobody left to call (`isQueueEmpty`) is no failure: the visit is ended and
 * rated, `called` is null. Any other refusal of the call is thrown to the caller.
 */
export async function finishThenCall<C>(
  steps: { finish(): Promise<Ticket>; requestEvaluation(): Promise<unknown>; call(): Promise<C> },
  isQueueEmpty: (error: unknown) => boolean,
): Promise<{ finished: Ticket; called: C | null }> {
  const finished = await steps.finish();
  // A step of 转办并返回 sends the citizen back to their first window, still waiting: the rating
  // is asked for where the visit ends, not here.
  if (finished.status === 'finished') await steps.requestEvaluation();
  try {
    return { finished, called: await steps.call() };
  } catch (error) {
    if (isQueueEmpty(error)) return { finished, called: null };
    throw error;
  }
}

/** The host request behind an action, which decides how an `invalid_state` reads. */
export type DeskOperation =
  'callNext' | 'callTicket' | 'recall' | 'skip' | 'hold' | 'resume' | 'transfer' | 'finish' | 'evaluate' | 'pause';

/** Why the host (or the way to it) refused a request. */
export type FailureCode = ApiErrorCode | 'network' | 'bad_response' | 'generic';

/**
 * The `counterUi.errors.*` key for a refused action. The host's own message is
 * Chinese only and phrased for logs, so the page says it in the clerk's
 * language; `invalid_state` means something different for each request.
 */
export function actionErrorKey(operation: DeskOperation, code: FailureCode): string {
  switch (code) {
    case 'queue_empty':
    case 'window_paused':
    case 'window_busy':
    case 'window_unknown':
    case 'ticket_unknown':
    case 'service_unknown':
    case 'unauthorized':
    case 'forbidden':
    case 'network':
    case 'invalid_request':
      return `counterUi.errors.${code}`;
    case 'invalid_state':
      if (operation === 'callTicket') return 'counterUi.errors.notWaiting';
      if (operation === 'resume') return 'counterUi.errors.notHeld';
      if (operation === 'evaluate') return 'counterUi.errors.nothingToEvaluate';
      return 'counterUi.errors.noCurrent';
    default:
      return 'counterUi.errors.generic';
  }
}

/** Failures after which this page may no longer act at its window: back to sign-in. */
export function endsSession(code: FailureCode): 'unauthorized' | 'forbidden' | null {
  return code === 'unauthorized' || code === 'forbidden' ? code : null;
}

/** The `counterUi.signInErrors.*` key for a refused sign-in. */
export function signInErrorKey(code: FailureCode): string {
  switch (code) {
    case 'unauthorized':
      return 'counterUi.signInErrors.badCredentials';
    case 'locked_out':
      return 'counterUi.signInErrors.lockedOut';
    case 'forbidden':
      return 'counterUi.signInErrors.technician';
    case 'window_unknown':
      return 'counterUi.signInErrors.windowUnknown';
    case 'invalid_request':
      return 'counterUi.signInErrors.invalidInput';
    case 'network':
      return 'counterUi.signInErrors.network';
    default:
      return 'counterUi.signInErrors.generic';
  }
}

/** `details.lockedUntil` of a locked_out refusal, when the host sent one. */
export function lockedUntilOf(details: unknown): Date | null {
  if (typeof details !== 'object' || details === null || !('lockedUntil' in details)) return null;
  const value = (details as { lockedUntil: unknown }).lockedUntil;
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Whole minutes from `fromIso` to `to` (never negative: clocks of host and browser differ a little). */
export function minutesSince(fromIso: string, to: Date | string): number {
  const end = typeof to === 'string' ? Date.parse(to) : to.getTime();
  return Math.max(0, Math.floor((end - Date.parse(fromIso)) / 60_000));
}

/** This clerk's and this window's figures of the day (null before they handled anything). */
export function ownFigures(
  stats: DayStatistics | undefined,
  staffId: number,
  windowId: number,
): { mine: StatFigures | null; window: StatFigures | null } {
  return {
    mine: stats?.staff.find((s) => s.staffId === staffId) ?? null,
    window: stats?.windows.find((w) => w.windowId === windowId) ?? null,
  };
}

/** A filter of the waiting list: everything, one of the window's services, or tickets sent here from elsewhere. */
export type WaitingFilter = { kind: 'all' } | { kind: 'service'; code: string } | { kind: 'other' };

/**
 * Splits the window's waiting list (already in the host's calling order) by
 * service. A ticket of a service the window does not serve is there only
 * because it was transferred to this window by name.
 */
export function waitingGroups(
  tickets: readonly Ticket[],
  windowServices: readonly string[],
): { filter: WaitingFilter; count: number }[] {
  const groups: { filter: WaitingFilter; count: number }[] = [{ filter: { kind: 'all' }, count: tickets.length }];
  for (const code of windowServices)
    groups.push({ filter: { kind: 'service', code }, count: tickets.filter((t) => t.serviceCode === code).length });
  const other = tickets.filter((t) => !windowServices.includes(t.serviceCode)).length;
  if (other > 0) groups.push({ filter: { kind: 'other' }, count: other });
  return groups;
}

export function applyWaitingFilter(
  tickets: readonly Ticket[],
  filter: WaitingFilter,
  windowServices: readonly string[],
): Ticket[] {
  if (filter.kind === 'all') return [...tickets];
  if (filter.kind === 'service') return tickets.filter((t) => t.serviceCode === filter.code);
  return tickets.filter((t) => !windowServices.includes(t.serviceCode));
}

export function sameFilter(a: WaitingFilter, b: WaitingFilter): boolean {
  return a.kind === b.kind && (a.kind !== 'service' || (b.kind === 'service' && a.code === b.code));
}

/** Seconds as whole minutes and seconds, for the average wait and service times. */
export function splitDuration(seconds: number): { m: number; s: number } {
  const total = Math.max(0, Math.round(seconds));
  return { m: Math.floor(total / 60), s: total % 60 };
}
