import { describe, expect, it } from 'vitest';
import { WaitEstimator } from '../../../host/queue/wait-estimator';

describe('WaitEstimator', () => {
  it('assumes 5 minutes a citizen until a service has data', () => {
    const e = new WaitEstimator();
    expect(e.hasData('consulting')).toBe(false);
    expect(e.averageSeconds('consulting')).toBe(300);
    expect(e.estimateSeconds('consulting', 4, 1)).toBe(1200);
    expect(e.estimateSeconds('consulting', 4, 2)).toBe(600);
  });

  it('starts the average at the first observation, then weighs new ones by alpha = 0.3', () => {
    const e = new WaitEstimator();
    e.observe('real-estate', 600);
    expect(e.averageSeconds('real-estate')).toBe(600);
    e.observe('real-estate', 300); // 0.3 × 300 + 0.7 × 600 = 510
    expect(e.averageSeconds('real-estate')).toBeCloseTo(510, 10);
    e.observe('real-estate', 900); // 0.3 × 900 + 0.7 × 510 = 627
    expect(e.averageSeconds('real-estate')).toBeCloseTo(627, 10);
    // 5 ahead × 627 s ÷ 3 windows = 1045 s.
    expect(e.estimateSeconds('real-estate', 5, 3)).toBe(1045);
  });

  it('keeps one average per service', () => {
    const e = new WaitEstimator();
    e.observe('consulting', 120);
    expect(e.averageSeconds('consulting')).toBe(120);
    expect(e.averageSeconds('livelihood')).toBe(300);
  });

  it('takes alpha and the prior from its options', () => {
    const e = new WaitEstimator({ alpha: 0.5, priorSeconds: 240 });
    expect(e.estimateSeconds('x', 3, 1)).toBe(720);
    e.observe('x', 100);
    e.observe('x', 300); // 0.5 × 300 + 0.5 × 100
    expect(e.averageSeconds('x')).toBe(200);
    expect(() => new WaitEstimator({ alpha: 0 })).toThrow(RangeError);
    expect(() => new WaitEstimator({ alpha: 1.5 })).toThrow(RangeError);
  });

  it('counts a closed hall as one window, and nobody ahead as no wait', () => {
    const e = new WaitEstimator();
    expect(e.estimateSeconds('consulting', 2, 0)).toBe(600);
    expect(e.estimateSeconds('consulting', 0, 3)).toBe(0);
    expect(e.estimateSeconds('consulting', -1, 3)).toBe(0);
  });

  it('rounds the estimate to whole seconds', () => {
    const e = new WaitEstimator();
    e.observe('a', 100);
    expect(e.estimateSeconds('a', 1, 3)).toBe(33); // 33.33…
    expect(e.estimateSeconds('a', 2, 3)).toBe(67); // 66.67…
  });

  it('drops impossible and forgotten-finish samples instead of averaging them', () => {
    const e = new WaitEstimator({ maxSampleSeconds: 3600 });
    expect(e.observe('a', -5)).toBe(false);
    expect(e.observe('a', Number.NaN)).toBe(false);
    expect(e.observe('a', 3601)).toBe(false);
    expect(e.hasData('a')).toBe(false);
    expect(e.observe('a', 3600)).toBe(true);
    expect(e.averageSeconds('a')).toBe(3600);
  });

  it('warms up from finished tickets in order, as if observed one by one', () => {
    const seeded = new WaitEstimator();
    seeded.seedFrom([
      { serviceCode: 'a', serviceSeconds: 200 },
      { serviceCode: 'b', serviceSeconds: 50 },
      { serviceCode: 'a', serviceSeconds: 400 }, // 0.3 × 400 + 0.7 × 200 = 260
    ]);
    expect(seeded.averageSeconds('a')).toBeCloseTo(260, 10);
    expect(seeded.averageSeconds('b')).toBe(50);
    expect(seeded.estimateSeconds('a', 10, 4)).toBe(650);
  });
});
