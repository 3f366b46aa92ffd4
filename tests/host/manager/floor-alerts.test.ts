import { describe, expect, it } from 'vitest';
import { HallAlertThresholds } from '../../../contracts/hall-settings';
import type { BreakerState } from '../../../contracts/sync';
import { floorAlerts, type FloorFacts } from '../../../host/manager/floor-alerts';

/** 10:30 in Beijing. */
const NOW = new Date('2026-06-01T02:30:00.000Z');
const minutesBefore = (m: number, s = 0) => new Date(NOW.getTime() - m * 60_000 - s * 1000).toISOString();

const calm: FloorFacts = {
  now: NOW,
  thresholds: HallAlertThresholds.parse({}),
  pausedWindows: [],
  overTarget: [],
  printers: [],
  sync: { pending: 0, oldestPendingAt: null, breaker: 'closed', breakerOpenSince: null },
  badReviews: [],
};
const alertsOf = (facts: Partial<FloorFacts>) => floorAlerts({ ...calm, ...facts });

describe('floor alerts', () => {
  it('raises nothing on a calm floor', () => {
    expect(alertsOf({})).toEqual([]);
  });

  it('alerts on a staffed window paused past the threshold, not at it, and not on an empty one', () => {
    const paused = (minutes: number, seconds = 0, staffed = true) => ({
      number: 3,
      name: '社保医保',
      pausedAt: minutesBefore(minutes, seconds),
      staffed,
    });
    expect(alertsOf({ pausedWindows: [paused(15)] })).toEqual([]);
    expect(alertsOf({ pausedWindows: [paused(15, 1, false)] })).toEqual([]);
    expect(alertsOf({ pausedWindows: [paused(15, 1)] })).toEqual([
      {
        kind: 'window_paused',
        key: 'window_paused:3',
        severity: 'warning',
        since: minutesBefore(15, 1),
        windowNumber: 3,
        windowName: '社保医保',
        pausedSeconds: 15 * 60 + 1,
        thresholdMinutes: 15,
      },
    ]);
    expect(alertsOf({ pausedWindows: [paused(30)] })[0]?.severity).toBe('critical');
  });

  it('follows the hall’s own pause threshold', () => {
    const thresholds = HallAlertThresholds.parse({ windowPausedMinutes: 5 });
    const pausedWindows = [{ number: 1, name: '综合受理 1', pausedAt: minutesBefore(6), staffed: true }];
    expect(alertsOf({ thresholds, pausedWindows })).toMatchObject([{ kind: 'window_paused', thresholdMinutes: 5 }]);
  });

  it('alerts per service on tickets waiting past target, critical past twice the target', () => {
    const over = (waitedMinutes: number) => ({
      serviceCode: 'social-security',
      serviceName: '社保医保',
      targetWaitMin: 20,
      tickets: 4,
      oldestTicket: 'C012',
      oldestIssuedAt: minutesBefore(waitedMinutes),
    });
    expect(alertsOf({ overTarget: [over(25)] })).toEqual([
      {
        kind: 'wait_over_target',
        key: 'wait_over_target:social-security',
        severity: 'warning',
        since: minutesBefore(25),
        serviceCode: 'social-security',
        serviceName: '社保医保',
        tickets: 4,
        oldestTicket: 'C012',
        longestWaitSeconds: 25 * 60,
        targetWaitMin: 20,
      },
    ]);
    expect(alertsOf({ overTarget: [over(40)] })[0]?.severity).toBe('critical');
    expect(alertsOf({ overTarget: [{ ...over(25), tickets: 0 }] })).toEqual([]);
  });

  it('alerts on the printer: paper low is a warning, paper out a critical one; a healthy printer is quiet', () => {
    const printer = (state: FloorFacts['printers'][number]['state']) => [
      { deviceId: 'printer-1', state, since: minutesBefore(2) },
    ];
    expect(alertsOf({ printers: printer('ok') })).toEqual([]);
    expect(alertsOf({ printers: printer('starting') })).toEqual([]);
    expect(alertsOf({ printers: printer('paper-near-end') })).toEqual([
      {
        kind: 'printer',
        key: 'printer:printer-1:paper-near-end',
        severity: 'warning',
        since: minutesBefore(2),
        deviceId: 'printer-1',
        state: 'paper-near-end',
      },
    ]);
    expect(alertsOf({ printers: printer('paper-end') })).toMatchObject([{ severity: 'critical', state: 'paper-end' }]);
    expect(alertsOf({ printers: printer('cover-open') })).toMatchObject([{ severity: 'critical' }]);
  });

  it('calls the sync stuck past its threshold (critical) or with the breaker open (warning)', () => {
    const sync = (oldestMinutes: number | null, breaker: BreakerState = 'closed', openSince: string | null = null) => ({
      pending: 3,
      oldestPendingAt: oldestMinutes === null ? null : minutesBefore(oldestMinutes),
      breaker,
      breakerOpenSince: openSince,
    });
    expect(alertsOf({ sync: sync(null) })).toEqual([]);
    expect(alertsOf({ sync: sync(10) })).toEqual([]);
    expect(alertsOf({ sync: { ...sync(10), oldestPendingAt: minutesBefore(10, 1) } })).toEqual([
      {
        kind: 'sync_stuck',
        key: 'sync_stuck',
        severity: 'critical',
        since: minutesBefore(10, 1),
        pending: 3,
        oldestPendingSeconds: 601,
        breaker: 'closed',
        thresholdMinutes: 10,
      },
    ]);
    // The breaker opened two minutes ago; the oldest record is young: a warning since the opening.
    expect(alertsOf({ sync: sync(1, 'open', minutesBefore(2)) })).toMatchObject([
      { kind: 'sync_stuck', severity: 'warning', since: minutesBefore(2), breaker: 'open' },
    ]);
    // Both: since the older of the two.
    expect(alertsOf({ sync: sync(12, 'half-open', minutesBefore(30)) })).toMatchObject([
      { severity: 'critical', since: minutesBefore(30) },
    ]);
  });

  it('names what a 差评 was about, never who gave it', () => {
    const review = {
      id: 'ev-1',
      level: 'very_dissatisfied' as const,
      evaluatedAt: minutesBefore(5),
      ticketNumber: 'A007',
      windowNumber: '2',
      staffNumber: '1001',
      caseNumber: null,
    };
    expect(alertsOf({ badReviews: [review] })).toEqual([
      {
        kind: 'bad_review',
        key: 'bad_review:ev-1',
        severity: 'warning',
        since: minutesBefore(5),
        evaluationId: 'ev-1',
        level: 'very_dissatisfied',
        ticketNumber: 'A007',
        windowNumber: '2',
        staffNumber: '1001',
        caseNumber: null,
      },
    ]);
  });

  it('lists critical alerts first, then the oldest first', () => {
    const alerts = alertsOf({
      pausedWindows: [{ number: 1, name: 'w1', pausedAt: minutesBefore(16), staffed: true }],
      printers: [{ deviceId: 'printer-1', state: 'paper-end', since: minutesBefore(1) }],
      badReviews: [
        {
          id: 'ev-2',
          level: 'dissatisfied',
          evaluatedAt: minutesBefore(40),
          ticketNumber: null,
          windowNumber: null,
          staffNumber: null,
          caseNumber: 'C-1',
        },
      ],
    });
    expect(alerts.map((a) => a.key)).toEqual(['printer:printer-1:paper-end', 'bad_review:ev-2', 'window_paused:1']);
  });
});
