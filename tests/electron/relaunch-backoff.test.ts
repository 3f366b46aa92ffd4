import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/backoff';
import { readRelaunchState, recordCrash, startDelay, WINDOW_MS, writeRelaunchState } from '../../electron/relaunch-state';
import { RendererRecovery } from '../../electron/renderer-recovery';

describe('shell-logic: relaunch back-off', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-shell-'));
    file = join(dir, 'state', 'shell-relaunch.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('doubles from a base up to a ceiling', () => {
    const o = { baseMs: 2_000, maxMs: 300_000 };
    expect([0, 1, 2, 3, 4, 8, 9, 50].map((n) => backoffDelay(n, o))).toEqual([
      0, 2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000,
    ]);
  });

  it('starts at once after a clean stop, and slower after each fatal error in a row', () => {
    const t0 = 1_700_000_000_000;
    expect(startDelay(readRelaunchState(file, t0))).toBe(0);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      recordCrash(file, t0 + i * 1_000);
      delays.push(startDelay(readRelaunchState(file, t0 + i * 1_000 + 1)));
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000]);
  });

  it('forgets fatal errors older than its window, and a healthy run clears them', () => {
    const t0 = 1_700_000_000_000;
    recordCrash(file, t0);
    recordCrash(file, t0 + 1);
    expect(readRelaunchState(file, t0 + WINDOW_MS + 2).crashes).toEqual([]);
    writeRelaunchState(file, { crashes: [] });
    expect(startDelay(readRelaunchState(file, t0 + 5))).toBe(0);
  });

  it('treats a damaged state file as a clean start', () => {
    recordCrash(file, 5);
    writeFileSync(file, '{not json');
    expect(readRelaunchState(file, 10)).toEqual({ crashes: [] });
    writeFileSync(file, JSON.stringify({ crashes: ['x', null, 9, 99] }));
    expect(readRelaunchState(file, 10)).toEqual({ crashes: [9] });
  });
});

describe('shell-logic: renderer recovery after render-process-gone', () => {
  it('reloads with a growing delay, then shows the out-of-service page and tries again later', () => {
    const recovery = new RendererRecovery({ cap: 3, windowMs: 60_000, retryMs: 300_000 });
    const t0 = 1_000_000;
    expect(recovery.gone(t0)).toEqual({ action: 'reload', delayMs: 1_000 });
    expect(recovery.gone(t0 + 10)).toEqual({ action: 'reload', delayMs: 2_000 });
    expect(recovery.gone(t0 + 20)).toEqual({ action: 'reload', delayMs: 4_000 });
    expect(recovery.gone(t0 + 30)).toEqual({ action: 'out-of-service', retryInMs: 300_000 });
    // After the pause, a fresh series.
    expect(recovery.gone(t0 + 300_100)).toEqual({ action: 'reload', delayMs: 1_000 });
  });

  it('forgets crashes long past', () => {
    const recovery = new RendererRecovery({ cap: 2, windowMs: 60_000 });
    recovery.gone(0);
    recovery.gone(10);
    expect(recovery.gone(120_000)).toEqual({ action: 'reload', delayMs: 1_000 });
  });
});
