import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CatalogViewItem } from '../../contracts/cases';
import { repoRoot } from '../support/test-host';

/**
 * Shared by the reliability tests: the built host as a child process (so it can be killed
 * with SIGKILL), plain JSON over fetch, a seeded random source and a form the host accepts.
 */

export interface RunningHost {
  child: ChildProcess;
  url: string;
}

/** Starts `dist/host/main.js` on a config file and resolves with its address once it listens. */
export async function startBuiltHost(configFile: string, children: ChildProcess[]): Promise<RunningHost> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist/host/main.js'), '--env', 'test', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 600; i++) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`host did not start:\n${output}`);
}

export const alive = (host: RunningHost) => host.child.exitCode === null && host.child.signalCode === null;

/** SIGKILL (no shutdown code runs) and wait for the process to be gone. */
export async function kill9(host: RunningHost): Promise<void> {
  if (alive(host)) {
    const exited = new Promise((r) => host.child.once('exit', r));
    host.child.kill('SIGKILL');
    await exited;
  }
}

/** SIGTERM and wait: the host closes its database cleanly. */
export async function stopHost(host: RunningHost): Promise<void> {
  if (!alive(host)) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
}

export async function json(url: string, init: RequestInit & { body?: string } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of a randomised reliability test: RELIABILITY_SEED when set (to replay a failure),
 * else a fresh one. Every test prints the seed it used.
 */
export function reliabilitySeed(): number {
  const fromEnv = process.env.RELIABILITY_SEED;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.floor(Math.random() * 2 ** 31);
}

/** A form for `item` that passes the host's check: card fields come from the card. */
export function fillableForm(item: CatalogViewItem): Record<string, string> {
  const form: Record<string, string> = {};
  for (const field of item.formFields) {
    if (field.prefill !== undefined) continue;
    if (field.type === 'phone') form[field.key] = '13800000000';
    else if (field.type === 'date') form[field.key] = '2020-01-01';
    else if (field.type === 'select') form[field.key] = field.options?.[0] ?? '';
    else form[field.key] = `测试 ${field.key}`;
  }
  return form;
}
