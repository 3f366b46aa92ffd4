/**
 * A whole kiosk visit on a weak board (issue 22, point 5): the built kiosk on a real host with
 * simulated devices, in Chromium with the CPU slowed 4× (DevTools `Emulation.setCPUThrottlingRate`),
 * from the page load to a submitted 企业开办 case: the card on the reader, a ticket, then the
 * case with its fields typed on the on-screen keyboard (kiosk-visit-steps.ts lists the taps).
 *
 * Each tap is timed from the touch to the next painted frame (Event Timing `duration`, and a
 * probe for the taps under Event Timing's 16 ms floor), or, when the tap should bring a screen,
 * to the frame that shows it (kiosk-visit-probe.ts). Three steps wait for a device, not the kiosk:
 * the card's greeting (the reader's protocol), the ticket (the host answers once the printer
 * confirmed it) and the document camera (its first frame; the page straightened in the worker,
 * which loads OpenCV the first time); their step lines show the whole wait, without a target, and
 * the taps' p95 and maximum count their tap to its next painted frame. Targets from the issue, at 4×: p95 ≤ 100 ms
 * over all taps, no tap over 200 ms, first contentful paint ≤ 1 s. Baseline: the same visit
 * without throttling, measured in the same run (alternating with the slowed one), so the ratio
 * says how much of the time is CPU the board does not have.
 *
 * Each visit gets a fresh host (its own database: the same card takes the same ticket each
 * time) and a fresh browser context (a cold page: the first 取号 and 办事申报 of a day). The
 * attract screen stands idle for a few seconds before the card comes, as it does in a hall
 * before anyone walks up; the taps follow one another at a brisk citizen's pace.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { FAKE_CAMERA_ARGS, FAKE_CAMERA_LABEL } from '../support/fake-camera';
import { signIn, testStaffSeeds } from '../support/staff';
import type { HostConfigInput } from '../../contracts/config';
import { ALL_DAY_HOURS, startTestHost } from '../support/test-host';
import { median, percentile, report } from './harness';
import { installVisitProbe, type EventEntry, type TapTiming } from './kiosk-visit-probe';
import { VISIT } from './kiosk-visit-steps';

/** The kiosk's devices as the e2e harness has them (tests/support/kiosk-harness.ts): all simulated. */
const DEVICES: NonNullable<HostConfigInput['devices']> = [
  { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
  { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' }, options: { printer: { paperWidth: 80 } } },
];
const LANDSCAPE = { width: 1920, height: 1080 };
/** Visits of each kind; KIOSK_VISIT_RUNS=1 for a quick look while working on a screen. */
const RUNS = Number(process.env.KIOSK_VISIT_RUNS ?? 3);
const SLOWDOWN = 4;
/**
 * The attract screen idle before the citizen's card, once the page's requests have settled: a
 * hall's kiosk waits minutes between visits, and what it prefetches meanwhile is ready by then.
 */
const ATTRACT_IDLE_MS = 3000;
/** Between two taps: a citizen reads a screen, or moves a finger to the next key. */
const THINK_MS = { screen: 600, key: 150 };
const TAP_TARGET_P95_MS = 100;
const TAP_TARGET_MAX_MS = 200;
const FCP_TARGET_MS = 1000;

interface VisitResult {
  fcp: number;
  attract: number;
  /** Per step (VISIT's order), the time of each of its taps, to its outcome. */
  steps: number[][];
  /** Every tap's time as the p95 and maximum count it: a device's wait left out (Tap.device). */
  taps: number[];
}

/**
 * One tap's times: to its next painted frame (the longest of its events, by Event Timing or the
 * probe), and to the paint of its outcome (the same when it expects none).
 */
function tapMs(tap: TapTiming, events: readonly EventEntry[]): { paint: number; outcome: number } {
  const own = events.filter((e) => tap.eventStarts.some((start) => Math.abs(e.startTime - start) < 0.5));
  const paint = Math.max(0, tap.probeMs, ...own.map((e) => e.duration));
  return { paint, outcome: Math.max(paint, tap.outcomeMs ?? 0) };
}

async function visit(browser: Awaited<ReturnType<typeof launchChromium>>, rate: number): Promise<VisitResult> {
  const host = await startTestHost({
    withRenderer: true,
    config: { devices: DEVICES, hours: ALL_DAY_HOURS, staff: await testStaffSeeds() },
  });
  const base = await host.app.listen({ host: '127.0.0.1', port: 0 });
  // The materials step photographs a page: the technician has chosen the (fake) document camera.
  const technician = await signIn(host.app, '8001');
  const chosen = await host.app.inject({
    method: 'PUT',
    url: '/api/v1/terminal/camera',
    headers: technician,
    payload: { label: FAKE_CAMERA_LABEL },
  });
  if (chosen.statusCode !== 200) throw new Error(`choosing the camera failed: ${chosen.statusCode}`);
  const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
  try {
    await context.addInitScript(installVisitProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${base}/kiosk`);
    await page.waitForFunction(() => Number.isFinite(window.__visitProbe?.attractMs), null, { polling: 50 });
    const load = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      attract: window.__visitProbe?.attractMs ?? Number.NaN,
    }));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(ATTRACT_IDLE_MS);

    for (const step of VISIT) {
      for (const tap of step.taps) {
        await page.evaluate(([label, outcome]) => window.__visitProbe?.arm(label, outcome), [tap.label, tap.outcome] as const);
        await tap.press(page);
        await page.waitForFunction(() => window.__visitProbe?.settled() ?? false, null, { polling: 'raf', timeout: 20_000 });
        await page.waitForTimeout(
          tap.label.startsWith('key') || tap.label.startsWith('candidate') ? THINK_MS.key : THINK_MS.screen,
        );
      }
    }
    // Event Timing reports after the paint, in its own task: one more frame and a pause for the last.
    await settle(page);
    const { taps, events } = await page.evaluate(() => ({
      taps: window.__visitProbe?.taps ?? [],
      events: window.__visitProbe?.events ?? [],
    }));
    const times = taps.map((t) => tapMs(t, events));
    const planned = VISIT.flatMap((step) => step.taps);
    let at = 0;
    const steps = VISIT.map((step) => times.slice(at, (at += step.taps.length)).map((t) => t.outcome));
    const pooled = times.map((t, i) => (planned[i]?.device === undefined ? t.outcome : t.paint));
    await cdp.detach();
    return { ...load, steps, taps: pooled };
  } finally {
    await context.close();
    await host.dispose();
  }
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
}

const browser = await launchChromium(FAKE_CAMERA_ARGS);
const slowed: VisitResult[] = [];
const baseline: VisitResult[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await visit(browser, 1));
  slowed.push(await visit(browser, SLOWDOWN));
}
await browser.close();

const allTaps = (runs: VisitResult[]) => runs.flatMap((r) => r.taps);
const label = `${SLOWDOWN}× CPU`;
report({
  name: `kiosk visit at ${label}: first contentful paint (median)`,
  value: median(slowed.map((r) => r.fcp)),
  unit: 'ms',
  baseline: median(baseline.map((r) => r.fcp)),
  baselineName: 'same page unthrottled',
  target: FCP_TARGET_MS,
  targetKind: 'value≤',
});
report({
  name: `kiosk visit at ${label}: page load → attract screen painted (median)`,
  value: median(slowed.map((r) => r.attract)),
  unit: 'ms',
  baseline: median(baseline.map((r) => r.attract)),
  baselineName: 'same page unthrottled',
});
report({
  name: `kiosk visit at ${label}: tap → next paint, p95 of ${allTaps(slowed).length} taps over ${RUNS} visits`,
  value: percentile(allTaps(slowed), 95),
  unit: 'ms',
  baseline: percentile(allTaps(baseline), 95),
  baselineName: 'same visit unthrottled',
  target: TAP_TARGET_P95_MS,
  targetKind: 'value≤',
});
report({
  name: `kiosk visit at ${label}: tap → next paint, slowest tap`,
  value: Math.max(...allTaps(slowed)),
  unit: 'ms',
  baseline: Math.max(...allTaps(baseline)),
  baselineName: 'same visit unthrottled',
  target: TAP_TARGET_MAX_MS,
  targetKind: 'value≤',
});
for (let run = 0; run < RUNS; run++) {
  const taps = slowed[run]?.taps ?? [];
  const base = baseline[run]?.taps ?? [];
  console.log(
    `  visit ${run + 1}: p95 ${percentile(taps, 95).toFixed(0)} ms, max ${Math.max(...taps).toFixed(0)} ms` +
      ` (unthrottled p95 ${percentile(base, 95).toFixed(0)} ms, max ${Math.max(...base).toFixed(0)} ms)`,
  );
}
VISIT.forEach((step, i) => {
  if (step.taps.length === 0) return;
  // Per step, its slowest tap in each visit; the median of those over the visits.
  const worst = (runs: VisitResult[]) => median(runs.map((r) => Math.max(...(r.steps[i] ?? []))));
  // A device's wait is the device's, not a tap's: shown whole, held to no tap target.
  const device = step.taps.some((t) => t.device !== undefined);
  const taps = `${step.taps.length} tap${step.taps.length > 1 ? 's' : ''}`;
  report({
    name: `kiosk visit at ${label}: ${step.name} (slowest of ${taps}${device ? ', device wait included' : ''}, median of visits)`,
    value: worst(slowed),
    unit: 'ms',
    baseline: worst(baseline),
    baselineName: 'same visit unthrottled',
    ...(device ? {} : { target: TAP_TARGET_MAX_MS, targetKind: 'value≤' as const }),
  });
});
