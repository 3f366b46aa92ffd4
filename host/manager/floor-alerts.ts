import type { FloorAlert } from '../../contracts/floor';
import type { HallAlertThresholds } from '../../contracts/hall-settings';
import type { DeviceState } from '../../contracts/health';
import type { BreakerState } from '../../contracts/sync';

/**
 * The floor's alerts from the facts the floor service read: pure, so each threshold is tested at
 * its edge without a host. `since` is when the condition began (the pause, the ticket's issue,
 * the printer's state, the oldest record owed or the breaker's opening, the rating), so a page
 * can say "since 10:02"; the severity doubles past twice the threshold where it has one.
 */

export interface PausedWindowFact {
  number: number;
  name: string;
  /** ISO instant the pause began. */
  pausedAt: string;
  /** Someone is signed in there: a pause with nobody at the window is a closed window, not an alert. */
  staffed: boolean;
}

export interface OverTargetFact {
  serviceCode: string;
  serviceName: string;
  targetWaitMin: number;
  /** Tickets waiting for their first call past the target. */
  tickets: number;
  oldestTicket: string;
  oldestIssuedAt: string;
}

export interface PrinterFact {
  deviceId: string;
  state: DeviceState;
  /** ISO instant the printer entered this state. */
  since: string;
}

export interface SyncFact {
  pending: number;
  oldestPendingAt: string | null;
  breaker: BreakerState;
  breakerOpenSince: string | null;
}

export interface BadReviewFact {
  id: string;
  level: Extract<FloorAlert, { kind: 'bad_review' }>['level'];
  evaluatedAt: string;
  ticketNumber: string | null;
  windowNumber: string | null;
  staffNumber: string | null;
  caseNumber: string | null;
}

export interface FloorFacts {
  now: Date;
  thresholds: HallAlertThresholds;
  pausedWindows: readonly PausedWindowFact[];
  overTarget: readonly OverTargetFact[];
  printers: readonly PrinterFact[];
  sync: SyncFact;
  badReviews: readonly BadReviewFact[];
}

/** Printer states worth a supervisor's attention: a citizen at the kiosk gets no paper ticket. */
const PRINTER_TROUBLE: ReadonlySet<DeviceState> = new Set([
  'paper-near-end',
  'paper-end',
  'cover-open',
  'offline',
  'error',
  'no-device',
]);

const MINUTE_MS = 60_000;
const secondsBetween = (from: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 1000));

export function floorAlerts(f: FloorFacts): FloorAlert[] {
  const alerts: FloorAlert[] = [
    ...pauseAlerts(f),
    ...overTargetAlerts(f),
    ...printerAlerts(f),
    ...syncAlerts(f),
    ...f.badReviews.map((r): FloorAlert => ({
      kind: 'bad_review',
      key: `bad_review:${r.id}`,
      severity: 'warning',
      since: r.evaluatedAt,
      evaluationId: r.id,
      level: r.level,
      ticketNumber: r.ticketNumber,
      windowNumber: r.windowNumber,
      staffNumber: r.staffNumber,
      caseNumber: r.caseNumber,
    })),
  ];
  return alerts.sort(
    (a, b) =>
      Number(b.severity === 'critical') - Number(a.severity === 'critical') ||
      Date.parse(a.since) - Date.parse(b.since) ||
      a.key.localeCompare(b.key),
  );
}

function pauseAlerts(f: FloorFacts): FloorAlert[] {
  const limitMs = f.thresholds.windowPausedMinutes * MINUTE_MS;
  return f.pausedWindows.flatMap((w): FloorAlert[] => {
    const pausedMs = f.now.getTime() - Date.parse(w.pausedAt);
    if (!w.staffed || pausedMs <= limitMs) return [];
    return [
      {
        kind: 'window_paused',
        key: `window_paused:${w.number}`,
        severity: pausedMs >= 2 * limitMs ? 'critical' : 'warning',
        since: w.pausedAt,
        windowNumber: w.number,
        windowName: w.name,
        pausedSeconds: secondsBetween(w.pausedAt, f.now),
        thresholdMinutes: f.thresholds.windowPausedMinutes,
      },
    ];
  });
}

function overTargetAlerts(f: FloorFacts): FloorAlert[] {
  return f.overTarget.flatMap((s): FloorAlert[] => {
    if (s.tickets === 0) return [];
    const longest = secondsBetween(s.oldestIssuedAt, f.now);
    return [
      {
        kind: 'wait_over_target',
        key: `wait_over_target:${s.serviceCode}`,
        severity: longest * 1000 >= 2 * s.targetWaitMin * MINUTE_MS ? 'critical' : 'warning',
        since: s.oldestIssuedAt,
        serviceCode: s.serviceCode,
        serviceName: s.serviceName,
        tickets: s.tickets,
        oldestTicket: s.oldestTicket,
        longestWaitSeconds: longest,
        targetWaitMin: s.targetWaitMin,
      },
    ];
  });
}

function printerAlerts(f: FloorFacts): FloorAlert[] {
  return f.printers.flatMap((p): FloorAlert[] =>
    PRINTER_TROUBLE.has(p.state)
      ? [
          {
            kind: 'printer',
            key: `printer:${p.deviceId}:${p.state}`,
            severity: p.state === 'paper-near-end' ? 'warning' : 'critical',
            since: p.since,
            deviceId: p.deviceId,
            state: p.state,
          },
        ]
      : [],
  );
}

/**
 * Records owed longer than the threshold are critical (the province is missing what citizens
 * filed and rated); an open breaker alone is a warning: the central API stopped answering, and
 * nothing has waited long yet.
 */
function syncAlerts(f: FloorFacts): FloorAlert[] {
  const { sync } = f;
  const limitMs = f.thresholds.syncStuckMinutes * MINUTE_MS;
  const stuckSince =
    sync.oldestPendingAt !== null && f.now.getTime() - Date.parse(sync.oldestPendingAt) > limitMs ? sync.oldestPendingAt : null;
  const breakerSince = sync.breaker === 'closed' ? null : (sync.breakerOpenSince ?? f.now.toISOString());
  const starts = [stuckSince, breakerSince].filter((at): at is string => at !== null);
  if (starts.length === 0) return [];
  const since = starts.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  return [
    {
      kind: 'sync_stuck',
      key: 'sync_stuck',
      severity: stuckSince === null ? 'warning' : 'critical',
      since,
      pending: sync.pending,
      oldestPendingSeconds: sync.oldestPendingAt === null ? null : secondsBetween(sync.oldestPendingAt, f.now),
      breaker: sync.breaker,
      thresholdMinutes: f.thresholds.syncStuckMinutes,
    },
  ];
}
