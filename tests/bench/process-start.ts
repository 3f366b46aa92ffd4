import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { nowMs } from './harness';

/**
 * Timing a server program's start, for the start benches (host-start, platform-start): spawn it,
 * poll its health route every 5 ms with node:http (no client warm-up billed to the first start),
 * stop the clock at the first 200, then stop the program with SIGTERM (it closes cleanly, as a
 * restart the next morning finds it).
 */

/** The bare floor of any Node + Fastify service here: imports Fastify, serves `healthPath`, listens on BENCH_PORT. */
export function bareFastify(healthPath: string): string {
  return `
import Fastify from 'fastify';
const app = Fastify();
app.get('${healthPath}', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
`;
}

function healthStatus(port: number, path: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(null);
    });
  });
}

/**
 * CPU ms (user + system) a live process has used, from /proc (Linux; NaN elsewhere). Printed
 * next to the wall times: on a busy machine it shows how much of a slow start was waiting.
 */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return Number.NaN;
  }
}

export interface Start {
  wallMs: number;
  cpuMs: number;
}

export interface StartProbe {
  port: number;
  /** The program's health route (200 once it is ready). */
  healthPath: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

/** Spawns node with `args`; ms from spawn to the first 200 of the health route (and its CPU by then); stops it. */
export async function timeToReady(args: string[], probe: StartProbe): Promise<Start> {
  const t0 = nowMs();
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, ...probe.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ready:\n${stderr}`);
      if ((await healthStatus(probe.port, probe.healthPath)) === 200) return { wallMs: nowMs() - t0, cpuMs: cpuOf(child.pid) };
      if (nowMs() - t0 > probe.timeoutMs) throw new Error(`not ready within ${probe.timeoutMs} ms:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
