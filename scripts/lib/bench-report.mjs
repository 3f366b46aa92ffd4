// The summary of `npm run bench`: one table of every bench's records (tests/bench/harness.ts
// `report()`), and the run's machine facts for bench-results/*.json.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Three significant digits at most, never exponent notation. */
export function formatNumber(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  if (abs === 0) return '0';
  return x.toPrecision(2);
}

function targetText(r) {
  if (r.target === null || r.targetKind === null) return '—';
  const [, op] = /^(?:ratio|value)(.+)$/.exec(r.targetKind) ?? [];
  return r.targetKind.startsWith('ratio')
    ? `${op} ${r.target}×`
    : `${op} ${Number.isInteger(r.target) ? r.target : formatNumber(r.target)} ${r.unit}`;
}

function row(r) {
  return [
    r.metric,
    `${formatNumber(r.value)} ${r.unit}`,
    r.baseline === null ? '—' : `${formatNumber(r.baseline)} ${r.unit} (${r.baselineName ?? ''})`,
    r.ratio === null ? '—' : `${formatNumber(r.ratio)}×`,
    targetText(r),
    r.met === null ? '—' : r.met ? 'met' : 'NOT met',
  ];
}

/** A Markdown table (readable in a terminal, pasteable into docs) of records and crashed benches. */
export function formatTable(records, benches) {
  const rows = [['metric', 'value', 'baseline (what)', 'ratio', 'target', 'met'], ...records.map(row)];
  for (const b of benches.filter((b) => b.exitCode !== 0)) {
    rows.push([b.file, `CRASHED (exit ${b.exitCode})`, '—', '—', '—', '—']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

function git(root, args) {
  const run = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}

/** Where and on what the numbers were taken (read-only git queries). */
export function machineFacts(root) {
  const cpuList = cpus();
  const status = git(root, ['status', '--porcelain']);
  return {
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu: { model: cpuList[0]?.model ?? 'unknown', count: cpuList.length },
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    // Other work on the machine makes every figure slower: the 1-minute load when the run began.
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    git: { commit: git(root, ['rev-parse', 'HEAD']), dirty: status === null ? null : status.length > 0 },
  };
}
