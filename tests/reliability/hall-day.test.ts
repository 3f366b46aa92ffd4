import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { CatalogView } from '../../contracts/cases';
import type { HostConfigInput } from '../../contracts/config';
import { ApiError } from '../../contracts/errors';
import { WindowList, type Window } from '../../contracts/queue';
import { ManualClock, listenCentral, tempDir, token } from '../host/sync/support';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { adminAuth } from '../platform/support/platform';
import { fillableForm, reliabilitySeed, seededRandom } from './support';

/**
 * 24 hours of one hall, compressed: the host runs on a ManualClock moved a minute at a time from
 * 04:00 to 04:00 the next day (Asia/Shanghai). Citizens arrive through the opening hours (08:30–
 * 12:00, lunch duty 12:00–14:00 with one window open, 14:00–17:30), five windows call, finish,
 * skip (no-shows come back after three places, twice) and transfer; some citizens file cases
 * (outbox → the district platform, which is down for an hour before lunch); the once-a-minute
 * housekeeping runs each simulated minute, and the business day turns over at the reset hour
 * (03:00). At the end: no ticket in an open state, no window serving anybody, the outbox empty,
 * and the heap (after GC) no bigger at the end of the day than after the morning, within a loose
 * bound. Real time is only what the work takes.
 */
const DAY_START = Date.parse('2026-11-26T20:00:00Z'); // Fri 27 Nov, 04:00 in Shanghai
const MINUTE = 60_000;
const period = [
  { from: '08:30', to: '12:00' },
  { from: '12:00', to: '14:00', duty: true },
  { from: '14:00', to: '17:30' },
];
const HOURS = { mon: period, tue: period, wed: period, thu: period, fri: period, sat: period, sun: period };
/** Arrivals per minute by local hour (a morning peak, a quiet lunch, an afternoon tail). */
const ARRIVALS: Record<number, number> = {
  8: 0.5,
  9: 0.9,
  10: 1.1,
  11: 0.8,
  12: 0.15,
  13: 0.2,
  14: 0.8,
  15: 0.7,
  16: 0.5,
  17: 0.3,
};
const SERVICES = ['consulting', 'business-startup', 'real-estate', 'livelihood', 'social-security', 'business-appeal'];
/** Minutes after which a served citizen leaves the window (uniform). */
const SERVICE_MINUTES: [number, number] = [3, 9];
/** Staff stop calling at 17:00 (the hall closes at 17:30): who is still waiting expires at the reset. */
const LAST_CALL_HOUR = 17;
const OUTAGE: [number, number] = [11, 12]; // central API down (local hours)

const hosts: TestHost[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const h of hosts.splice(0)) await h.dispose();
  for (const c of cleanups.splice(0)) await c();
});

/** global.gc without starting Node with --expose-gc. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('24 h of hall traffic on an injected clock', () => {
  it('ends with no stuck ticket or window, the outbox empty, and no heap growth across the day', async () => {
    const started = Date.now();
    const seed = reliabilitySeed();
    const random = seededRandom(seed);
    const gc = gcFunction();
    const clock = new ManualClock(DAY_START);
    const tmp = tempDir('hall-day-');
    cleanups.push(() => tmp.cleanup());
    const central = await listenCentral();
    cleanups.push(() => central.close());
    const seeds = await testStaffSeeds();
    const pinHash = seeds[0]?.pinHash ?? '';
    const staff = ['2001', '2002', '2003', '2004', '2005'];
    const config: HostConfigInput = {
      hours: HOURS,
      staff: [...seeds, ...staff.map((staffNo, i) => ({ staffNo, name: `窗口${i + 1}`, role: 'staff' as const, pinHash }))],
      centralApi: { url: central.baseUrl, token },
      sync: { pullIntervalMs: 1_000 },
    };
    const host = await startTestHost({ clock, config });
    hosts.push(host);
    const { app } = host;
    const windows = WindowList.parse((await app.inject({ method: 'GET', url: '/api/v1/windows' })).json()).windows;
    const catalog = CatalogView.parse((await app.inject({ method: 'GET', url: '/api/v1/catalog' })).json());
    const item = catalog.items.find((i) => i.formFields.every((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0));
    if (!item) throw new Error('no catalog item to fill');

    /** Local hours since midnight of the first day: 4 → 28 over the simulation. */
    const localHour = () => (clock.now().getTime() - DAY_START) / 3_600_000 + 4;
    const counts = { issued: 0, closedRefusals: 0, calls: 0, finished: 0, skipped: 0, transferred: 0, cases: 0, caseRefusals: 0 };
    const heap: { hour: number; mb: number }[] = [];
    const sampleHeap = () => {
      gc();
      gc();
      heap.push({ hour: Math.round(localHour() * 10) / 10, mb: process.memoryUsage().heapUsed / 1_048_576 });
    };

    interface Desk {
      window: Window;
      auth: { authorization: string } | null;
      servingUntil: number | null;
      paused: boolean;
    }
    const desks: Desk[] = windows.map((window) => ({ window, auth: null, servingUntil: null, paused: false }));
    const post = (url: string, auth: { authorization: string } | null, payload: object = {}) =>
      app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth ?? {}, payload });

    async function signInAll(): Promise<void> {
      for (const [i, desk] of desks.entries()) {
        const res = await post('/auth/sign-in', null, { staffNo: staff[i], pin: TEST_PIN, windowId: desk.window.id });
        expect(res.statusCode).toBe(200);
        desk.auth = { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
      }
    }

    async function fileCase(): Promise<void> {
      // A citizen at the kiosk: card on the reader, the case filed, card taken away.
      host.devices.placeSimulatedCard('zhangSan');
      await waitFor(() => host.identity.currentCard() ?? undefined, 'the card to be read', 10_000);
      const res = await post('/cases', null, { itemCode: item?.code, form: item ? fillableForm(item) : {}, materials: [] });
      if (res.statusCode === 201) counts.cases += 1;
      else counts.caseRefusals += 1;
      host.devices.placeSimulatedCard(null);
      await waitFor(() => (host.identity.currentCard() === null ? true : undefined), 'the card to be taken', 10_000);
    }

    const totalMinutes = 24 * 60;
    let signedIn = false;
    let outage = false;
    for (let minute = 0; minute < totalMinutes; minute++) {
      clock.advance(MINUTE);
      const hour = localHour();
      const now = clock.now().getTime();
      if (!signedIn && hour >= 8.4 && hour < 9) {
        await signInAll();
        signedIn = true;
      }
      // 午休值班: windows 2–5 pause over lunch (each once its citizen is done), window 1 stays on duty.
      const lunch = hour >= 12 && hour < 14;
      for (const desk of signedIn ? desks.slice(1) : []) {
        if (desk.paused === lunch || desk.servingUntil !== null) continue;
        const res = await post(`/windows/${desk.window.id}/pause`, desk.auth, { paused: lunch });
        expect(res.statusCode).toBe(200);
        desk.paused = lunch;
      }
      // The central API is down for an hour; the outbox holds what is filed meanwhile.
      const down = hour >= OUTAGE[0] && hour < OUTAGE[1];
      if (down !== outage) {
        outage = down;
        const res = await central.api.app.inject({
          method: 'POST',
          url: '/v1/admin/faults',
          headers: adminAuth,
          payload: { failRate: down ? 1 : 0 },
        });
        expect(res.statusCode).toBe(200);
      }

      // Arrivals (a few also outside the hours: refused with service_closed).
      const rate = ARRIVALS[Math.floor(hour)] ?? 0.01;
      let arriving = 0;
      for (let r = rate; r > 0; r -= 1) if (random() < Math.min(1, r)) arriving += 1;
      for (let a = 0; a < arriving; a++) {
        const serviceCode = SERVICES[Math.floor(random() * SERVICES.length)] ?? 'consulting';
        const res = await post('/tickets', null, { serviceCode, withIdentity: false });
        if (res.statusCode === 201) counts.issued += 1;
        else {
          expect(ApiError.parse(res.json()).error.code).toBe('service_closed');
          counts.closedRefusals += 1;
        }
        if (res.statusCode === 201 && random() < 0.06) await fileCase();
      }

      // Windows: finish (or skip, or transfer) whoever is done, then call the next.
      if (signedIn) {
        for (const desk of desks) {
          if (desk.servingUntil !== null && now >= desk.servingUntil) {
            const r = random();
            const url = `/windows/${desk.window.id}`;
            let res;
            if (r < 0.07) {
              res = await post(`${url}/skip`, desk.auth);
              counts.skipped += 1;
            } else if (r < 0.13) {
              const elsewhere = SERVICES.filter((s) => !desk.window.services.includes(s));
              const toService = elsewhere[Math.floor(random() * elsewhere.length)] ?? 'consulting';
              res = await post(`${url}/transfer`, desk.auth, { toService });
              counts.transferred += 1;
            } else {
              res = await post(`${url}/finish`, desk.auth, { outcome: r < 0.2 ? 'needs_materials' : 'done' });
              counts.finished += 1;
            }
            expect(res.statusCode).toBe(200);
            desk.servingUntil = null;
          }
          if (desk.servingUntil === null && !desk.paused && hour < LAST_CALL_HOUR) {
            const res = await post(`/windows/${desk.window.id}/call-next`, desk.auth);
            if (res.statusCode === 200) {
              counts.calls += 1;
              const [lo, hi] = SERVICE_MINUTES;
              desk.servingUntil = now + Math.round(lo + random() * (hi - lo)) * MINUTE;
            } else expect(ApiError.parse(res.json()).error.code).toBe('queue_empty');
          }
        }
      }

      // The once-a-minute housekeeping (expiry at the reset hour, sessions, purge, day figures).
      host.housekeeping();
      if ([10, 13, 16, 19, 22].includes(minute / 60 + 4)) sampleHeap();
    }
    sampleHeap();

    // Every ticket of the day ended: served, no-show, or expired (cancelled) at the reset.
    const open = host.db.prepare(`SELECT count(*) AS n FROM tickets WHERE status IN ('waiting', 'called', 'held')`).get();
    expect(open).toEqual({ n: 0 });
    const byStatus = host.db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status ORDER BY status').all() as {
      status: string;
      n: number;
    }[];
    // The daily reset (housekeeping at 03:00) closed what was left waiting, once.
    const resets = host.db.prepare(`SELECT details FROM audit_log WHERE action = 'queue.daily_reset'`).all() as {
      details: string;
    }[];
    expect(resets).toHaveLength(1);
    const expired = (JSON.parse(resets[0]?.details ?? '{}') as { expired?: number }).expired ?? 0;
    expect(expired).toBeGreaterThan(0);
    expect(byStatus.find((s) => s.status === 'cancelled')?.n).toBe(expired);
    // No window serving anybody, and it is the next business day now.
    const after = WindowList.parse((await app.inject({ method: 'GET', url: '/api/v1/windows' })).json()).windows;
    expect(after.filter((w) => w.current !== null || w.held.length > 0)).toEqual([]);
    expect(host.queue.businessDay()).toBe('2026-11-28');
    // The outbox drains with the central API up: cases and the day's queue figures, once each.
    await waitFor(
      () =>
        (host.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state <> 'delivered'`).get() as { n: number }).n === 0
          ? true
          : undefined,
      'the outbox to drain',
      30_000,
    );
    const outbox = host.db.prepare('SELECT kind, count(*) AS n FROM outbox GROUP BY kind ORDER BY kind').all();

    // Heap after GC: from the first sample (after the morning peak) to the end of the day.
    const first = heap[0]?.mb ?? 0;
    const last = heap.at(-1)?.mb ?? 0;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `hall-day (seed ${seed}): ${counts.issued} tickets issued (${counts.closedRefusals} refused outside hours), ${counts.calls} calls, ${counts.finished} finished, ${counts.skipped} skipped, ${counts.transferred} transferred, ${counts.cases} cases filed; tickets by status ${byStatus.map((s) => `${s.status} ${s.n}`).join(', ')} (${expired} expired at the 03:00 reset); outbox ${JSON.stringify(outbox)}; heap after GC ${heap.map((h) => `${h.hour}h ${h.mb.toFixed(1)} MB`).join(' → ')}; ${seconds.toFixed(1)} s real`,
    );
    expect(counts.issued).toBeGreaterThan(200);
    expect(counts.cases).toBeGreaterThan(3);
    expect(counts.caseRefusals).toBe(0);
    // Loose: a leak of even a few hundred bytes per operation over the day's ~10,000 requests shows.
    expect(last - first).toBeLessThan(32);
  }, 180_000);
});
