import type { HallEventType } from '../../../contracts/events';
import type { FloorAlert, FloorSnapshot } from '../../../contracts/floor';
import { MANAGER_KEYS } from '../session';

/** The section's query keys, under the console's, so signing out drops them. */
export const FLOOR_KEYS = {
  floor: [...MANAGER_KEYS.all, 'floor'] as const,
};

/**
 * Hall events after which the floor is read again: the queue's (a call, a finish, a pause, the
 * waiting counts), a device's state, a settings change, a 差评's follow-up moving on, and
 * `floor.changed` for what no other event announces (time-raised alerts, 差评, sign-ins).
 */
export const FLOOR_EVENTS: ReadonlySet<HallEventType> = new Set<HallEventType>([
  'queue.counts',
  'ticket.called',
  'ticket.finished',
  'ticket.held',
  'ticket.resumed',
  'ticket.skipped',
  'ticket.transferred',
  'window.paused',
  'device.status',
  'settings.changed',
  'review.updated',
  'floor.changed',
]);

/** A message key with its values, for `t(key, values)`. */
export interface Words {
  key: string;
  values: Record<string, string | number>;
}

/** A duration as words: under a minute, minutes, or hours and minutes. */
export function durationWords(seconds: number): Words {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return { key: 'mgrFloor.duration.underMinute', values: {} };
  if (minutes < 60) return { key: 'mgrFloor.duration.minutes', values: { minutes } };
  return { key: 'mgrFloor.duration.hours', values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}

const older = (seconds: number | null, by: number): number | null => (seconds === null ? null : seconds + by);

/**
 * The floor `seconds` after the host read it: every running duration grown by that much. The page
 * counts the seconds on its own monotonic clock since the reply came, so a page whose clock is
 * off still shows the host's durations; what changes besides time comes with the next read.
 */
export function ageFloor(floor: FloorSnapshot, seconds: number): FloorSnapshot {
  const by = Math.max(0, Math.floor(seconds));
  if (by === 0) return floor;
  return {
    ...floor,
    hall: { ...floor.hall, longestWaitSeconds: older(floor.hall.longestWaitSeconds, by) },
    services: floor.services.map((s) => ({ ...s, longestWaitSeconds: older(s.longestWaitSeconds, by) })),
    windows: floor.windows.map((w) => ({
      ...w,
      pausedSeconds: older(w.pausedSeconds, by),
      serving: w.serving && { ...w.serving, servingSeconds: w.serving.servingSeconds + by },
    })),
    alerts: floor.alerts.map((a): FloorAlert => {
      switch (a.kind) {
        case 'window_paused':
          return { ...a, pausedSeconds: a.pausedSeconds + by };
        case 'wait_over_target':
          return { ...a, longestWaitSeconds: a.longestWaitSeconds + by };
        case 'sync_stuck':
          return { ...a, oldestPendingSeconds: older(a.oldestPendingSeconds, by) };
        default:
          return a;
      }
    }),
  };
}

const PRINTER_WORDS = new Set(['paper-near-end', 'paper-end', 'cover-open', 'offline']);
const LEVEL_WORDS = new Set(['dissatisfied', 'very_dissatisfied']);

/**
 * An alert's sentence: its message key and values. `duration` turns seconds into words and
 * `word` looks a message up (both the page's `t`), so the sentence reads in the page's language.
 */
export function alertWords(alert: FloorAlert, duration: (seconds: number) => string, word: (key: string) => string): Words {
  switch (alert.kind) {
    case 'window_paused':
      return {
        key: 'mgrFloor.alerts.window_paused',
        values: {
          window: alert.windowNumber,
          name: alert.windowName,
          duration: duration(alert.pausedSeconds),
          threshold: alert.thresholdMinutes,
        },
      };
    case 'wait_over_target':
      return {
        key: 'mgrFloor.alerts.wait_over_target',
        values: {
          service: alert.serviceName,
          count: alert.tickets,
          target: alert.targetWaitMin,
          ticket: alert.oldestTicket,
          duration: duration(alert.longestWaitSeconds),
        },
      };
    case 'printer':
      return {
        key: `mgrFloor.alerts.printer.${PRINTER_WORDS.has(alert.state) ? alert.state : 'other'}`,
        values: { device: alert.deviceId },
      };
    case 'sync_stuck':
      // Critical: records have waited past the threshold; a warning: only the breaker is open.
      return alert.severity === 'critical' && alert.oldestPendingSeconds !== null
        ? { key: 'mgrFloor.alerts.syncStuck', values: { count: alert.pending, duration: duration(alert.oldestPendingSeconds) } }
        : { key: 'mgrFloor.alerts.syncBreaker', values: { count: alert.pending } };
    case 'bad_review': {
      const level = word(`mgrFloor.alerts.levels.${LEVEL_WORDS.has(alert.level) ? alert.level : 'other'}`);
      if (alert.ticketNumber !== null)
        return {
          key: 'mgrFloor.alerts.badReviewTicket',
          values: { level, window: alert.windowNumber ?? '—', staff: alert.staffNumber ?? '—', ticket: alert.ticketNumber },
        };
      return { key: 'mgrFloor.alerts.badReviewCase', values: { level, case: alert.caseNumber ?? '—' } };
    }
  }
}

/** How many windows are open, paused and closed (the grid's heading). */
export function windowCounts(floor: FloorSnapshot): { open: number; paused: number; closed: number } {
  const counts = { open: 0, paused: 0, closed: 0 };
  for (const w of floor.windows) counts[w.status]++;
  return counts;
}
