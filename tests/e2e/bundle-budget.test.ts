import { describe, expect, it } from 'vitest';
import { rendererBundleSize } from '../renderer/bundle-size';
import { rendererDir } from '../support/test-host';

/**
 * The renderer's budget (the root README: 300 kB gzipped, so a kiosk on a slow disk paints within
 * a second), checked on every CI run against the real build (not a timing).
 */
const BUDGET_GZIP_BYTES = 300 * 1024;

describe('renderer bundle budget', () => {
  it('all renderer JavaScript, gzipped and without fonts, stays under 300 kB', () => {
    const size = rendererBundleSize(rendererDir);
    console.log(
      `renderer JS: ${size.files} chunks, ${(size.totalGzipBytes / 1024).toFixed(1)} kB gzipped in all, ${(size.initialGzipBytes / 1024).toFixed(1)} kB before first paint`,
    );
    expect(size.files).toBeGreaterThan(1);
    expect(size.totalGzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
