import { describe, expect, it } from 'vitest';
import { rendererBundleSize } from '../renderer/bundle-size';
import { rendererDir } from '../support/test-host';

/**
 * The renderer's budgets (the root README), checked on every CI run against the real build (not a
 * timing): what the hall's screens load ≤ 300 kB gzipped, so a kiosk on a slow disk paints within a
 * second; the staff consoles (technician, manager with its charts), loaded only when opened on a
 * desk PC, have a budget of their own so they too stay in check.
 */
const SCREENS_BUDGET_GZIP_BYTES = 300 * 1024;
const CONSOLES_BUDGET_GZIP_BYTES = 500 * 1024;

describe('renderer bundle budget', () => {
  const size = rendererBundleSize(rendererDir);
  console.log(
    `renderer JS: ${size.files} chunks, ${(size.totalGzipBytes / 1024).toFixed(1)} kB gzipped in all: ` +
      `screens ${(size.screensGzipBytes / 1024).toFixed(1)} kB (${(size.initialGzipBytes / 1024).toFixed(1)} kB before first paint), ` +
      `consoles ${(size.consolesGzipBytes / 1024).toFixed(1)} kB`,
  );

  it("the hall's screens' JavaScript (kiosk and all its flows, counter, display), gzipped, stays under 300 kB", () => {
    expect(size.files).toBeGreaterThan(1);
    expect(size.screensGzipBytes).toBeGreaterThan(0);
    expect(size.screensGzipBytes).toBeLessThan(SCREENS_BUDGET_GZIP_BYTES);
  });

  it('the staff consoles load apart from the screens and stay under their own budget', () => {
    expect(size.consolesGzipBytes).toBeGreaterThan(0);
    expect(size.consolesGzipBytes).toBeLessThan(CONSOLES_BUDGET_GZIP_BYTES);
  });
});
