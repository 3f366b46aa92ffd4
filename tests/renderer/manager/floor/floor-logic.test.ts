import { describe, expect, it } from 'vitest';
import type { FloorAlert, FloorSnapshot } from '../../../../contracts/floor';
import { ageFloor, alertWords, durationWords } from '../../../../renderer/manager/floor/floor-logic';

const AT = '2026-06-01T02:30:00.000Z';
const floor: FloorSnapshot = {
  at: AT,
  businessDay: '2026-06-01',
  timeZone: 'Asia/Shanghai',
  hall: { waiting: 1, longestWaitSeconds: 60, called: 0, served: 0, serviceLevelPct: null },
  services: [
    {
      code: 'c',
      name: '咨询',
      waiting: 1,
      longestWaitSeconds: 60,
      longestWaitTicket: 'F001',
      targetWaitMin: 10,
      called: 0,
      serviceLevelPct: null,
    },
  ],
  windows: [
    {
      id: 1,
      number: 1,
      name: 'w',
      services: ['c'],
      status: 'paused',
      pausedAt: AT,
      pausedSeconds: 0,
      staff: null,
      serving: null,
      held: 0,
      servedToday: 0,
    },
  ],
  alerts: [],
  thresholds: { windowPausedMinutes: 15, syncStuckMinutes: 10 },
};

const sync = (severity: 'warning' | 'critical', oldest: number | null): FloorAlert => ({
  kind: 'sync_stuck',
  key: 'sync_stuck',
  severity,
  since: AT,
  pending: 4,
  oldestPendingSeconds: oldest,
  breaker: 'open',
  thresholdMinutes: 10,
});
const words = (a: FloorAlert) =>
  alertWords(
    a,
    (s) => `${s}s`,
    (k) => k,
  );

describe('the floor’s pure logic', () => {
  it('says durations in minutes, then hours and minutes', () => {
    expect(durationWords(59)).toEqual({ key: 'mgrFloor.duration.underMinute', values: {} });
    expect(durationWords(60 * 59 + 59)).toEqual({ key: 'mgrFloor.duration.minutes', values: { minutes: 59 } });
    expect(durationWords(3600 * 2 + 60 * 5)).toEqual({ key: 'mgrFloor.duration.hours', values: { hours: 2, minutes: 5 } });
  });

  it('grows every running duration by the time since the read, and nothing else', () => {
    const aged = ageFloor(floor, 90.7);
    expect(aged.hall.longestWaitSeconds).toBe(150);
    expect(aged.services[0]?.longestWaitSeconds).toBe(150);
    expect(aged.windows[0]?.pausedSeconds).toBe(90);
    expect(aged.at).toBe(AT);
    expect(ageFloor(floor, -5)).toBe(floor);
  });

  it('tells a stuck sync from a central API that stopped answering', () => {
    expect(words(sync('critical', 700))).toEqual({ key: 'mgrFloor.alerts.syncStuck', values: { count: 4, duration: '700s' } });
    expect(words(sync('warning', 30))).toEqual({ key: 'mgrFloor.alerts.syncBreaker', values: { count: 4 } });
  });

  it('words a printer state it has no sentence for as a failure', () => {
    const printer: FloorAlert = {
      kind: 'printer',
      key: 'p',
      severity: 'critical',
      since: AT,
      deviceId: 'printer-1',
      state: 'no-device',
    };
    expect(words(printer)).toEqual({ key: 'mgrFloor.alerts.printer.other', values: { device: 'printer-1' } });
  });
});
