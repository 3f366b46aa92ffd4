/**
 * Small helpers for benchmarks: percentiles, CPU time, and one report format
 * (`name: value unit (ratio x vs baseline, target ≤ T)`) so every bench reads alike.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Wall-clock milliseconds of a high-resolution timer. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** User + system CPU milliseconds of this process so far. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface RatioReport {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
  /** Ratio value/baseline that the issue asks for, if any. */
  target?: number;
}

export function report(r: RatioReport): void {
  const ratio = r.value / r.baseline;
  const target = r.target === undefined ? '' : `, target ≤ ${r.target}: ${ratio <= r.target ? 'met' : 'NOT met'}`;
  console.log(
    `${r.name}: ${r.value.toFixed(3)} ${r.unit} | baseline ${r.baselineName}: ${r.baseline.toFixed(3)} ${r.unit} | ratio ${ratio.toFixed(3)}${target}`,
  );
}
