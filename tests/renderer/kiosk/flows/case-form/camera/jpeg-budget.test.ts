import { describe, expect, it } from 'vitest';
import {
  boundedSize,
  encodeWithinBudget,
  MAX_PAGE_BYTES,
  QUALITY_STEPS,
  type PageSize,
} from '../../../../../../renderer/kiosk/flows/case-form/camera/jpeg-budget';

/** A stand-in for the browser's JPEG encoder: bytes grow with pixels and quality (no encoder in Node). */
function fakeEncoder(bytesPerPixelAtFull: number) {
  const calls: { size: PageSize; quality: number }[] = [];
  const encode = async (size: PageSize, quality: number) => {
    calls.push({ size, quality });
    return new Blob([new Uint8Array(Math.round(size.width * size.height * bytesPerPixelAtFull * quality))]);
  };
  return { calls, encode };
}

describe('a captured page’s size bound (JPEG, long side ≤ 2000 px, ≤ 500 kB)', () => {
  it('scales a large page down to 2000 px on its long side, keeping its shape, and never up', () => {
    expect(boundedSize({ width: 2480, height: 3508 })).toEqual({ width: 1414, height: 2000 });
    expect(boundedSize({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
  });

  it('keeps the best quality when the page fits', async () => {
    const { calls, encode } = fakeEncoder(0.1);
    const page = await encodeWithinBudget({ width: 1414, height: 2000 }, encode);
    expect(page.quality).toBe(QUALITY_STEPS[0]);
    expect(calls).toHaveLength(1);
  });

  it('lowers the quality step by step, then the size, until the page fits', async () => {
    const { calls, encode } = fakeEncoder(0.5);
    const page = await encodeWithinBudget({ width: 2480, height: 3508 }, encode);
    expect(page.blob.size).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    // Every quality was tried at full size before the page was made smaller.
    expect(calls.slice(0, QUALITY_STEPS.length).map((c) => c.quality)).toEqual(QUALITY_STEPS);
    expect(Math.max(page.size.width, page.size.height)).toBeLessThan(2000);
  });

  it('gives the smallest readable page rather than none when nothing fits', async () => {
    const { encode } = fakeEncoder(50);
    const page = await encodeWithinBudget({ width: 1414, height: 2000 }, encode);
    expect(page.quality).toBe(QUALITY_STEPS.at(-1));
    expect(Math.max(page.size.width, page.size.height)).toBeGreaterThanOrEqual(600);
  });
});
