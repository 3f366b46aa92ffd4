/**
 * Small helpers for benchmarks: percentiles, CPU time, and one report format so every bench
 * reads alike. `report()` prints one line and, when `npm run bench` runs the bench
 * (scripts/bench.mjs sets BENCH_RESULTS_FILE), appends the same figures as one JSON line for
 * the summary table and bench-results/latest.json.
 */
import { appendFileSync } from 'node:fs';

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

/** Forces a full collection (benches run with --expose-gc; without it this does nothing). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * What a target bounds: the ratio value/baseline (`ratio≤ 1.2`: at most 1.2× the baseline) or
 * the value itself (`value< 50`: under 50 units).
 */
export type TargetKind = 'ratio≤' | 'ratio<' | 'ratio≥' | 'value≤' | 'value<';

export interface BenchReport {
  name: string;
  value: number;
  unit: string;
  /** The reference measured in the same run (physical limit or raw library), if there is one. */
  baseline?: number;
  baselineName?: string;
  /** The target the issue (or the bench, where it says why) sets. */
  target?: number;
  /** Default `ratio≤`. */
  targetKind?: TargetKind;
}

/** One line of the JSONL file that scripts/bench.mjs gathers. */
export interface BenchRecord {
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  target: number | null;
  targetKind: TargetKind | null;
  met: boolean | null;
}

function isMet(kind: TargetKind, target: number, value: number, ratio: number | null): boolean | null {
  const x = kind.startsWith('ratio') ? ratio : value;
  if (x === null || !Number.isFinite(x)) return null;
  switch (kind) {
    case 'ratio≤':
    case 'value≤':
      return x <= target;
    case 'ratio<':
    case 'value<':
      return x < target;
    case 'ratio≥':
      return x >= target;
  }
}

export function toRecord(r: BenchReport): BenchRecord {
  const baseline = r.baseline ?? null;
  const ratio = baseline === null || baseline === 0 ? null : r.value / baseline;
  const targetKind = r.target === undefined ? null : (r.targetKind ?? 'ratio≤');
  const target = r.target ?? null;
  return {
    metric: r.name,
    value: r.value,
    unit: r.unit,
    baseline,
    baselineName: baseline === null ? null : (r.baselineName ?? null),
    ratio,
    target,
    targetKind,
    met: targetKind === null || target === null ? null : isMet(targetKind, target, r.value, ratio),
  };
}

export function report(r: BenchReport): void {
  const rec = toRecord(r);
  const parts = [`${rec.metric}: ${rec.value.toFixed(3)} ${rec.unit}`];
  if (rec.baseline !== null) {
    parts.push(`baseline ${rec.baselineName ?? ''}: ${rec.baseline.toFixed(3)} ${rec.unit}`);
    parts.push(`ratio ${rec.ratio === null ? '—' : rec.ratio.toFixed(3)}`);
  }
  if (rec.targetKind !== null && rec.target !== null) {
    parts.push(`target ${rec.targetKind} ${rec.target}: ${rec.met ? 'met' : 'NOT met'}`);
  }
  console.log(parts.join(' | '));
  const file = process.env.BENCH_RESULTS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(rec)}\n`);
}
