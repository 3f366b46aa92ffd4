import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { backoffDelay } from './backoff';

/**
 * Relaunch after a fatal error in main, slowed down when it keeps happening: each fatal error is
 * recorded (a timestamp) in a small JSON file under the user data folder before the shell
 * relaunches itself; the new instance waits according to how many fatal errors the last
 * `WINDOW_MS` saw before it opens anything. A shell that stays up `HEALTHY_MS` clears the record.
 */
export const WINDOW_MS = 15 * 60_000;
export const HEALTHY_MS = 10 * 60_000;
const DELAY = { baseMs: 2_000, maxMs: 5 * 60_000 };

export interface RelaunchState {
  crashes: number[];
}

/** The fatal errors of the last window (a missing or unreadable file is a clean start). */
export function readRelaunchState(file: string, now: number): RelaunchState {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const crashes = typeof raw === 'object' && raw !== null && 'crashes' in raw && Array.isArray(raw.crashes) ? raw.crashes : [];
    return { crashes: crashes.filter((t): t is number => typeof t === 'number' && t <= now && now - t < WINDOW_MS) };
  } catch {
    return { crashes: [] };
  }
}

export function writeRelaunchState(file: string, state: RelaunchState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state));
}

/** How long a starting shell waits: nothing after a clean stop, 2 s, 4 s, … up to 5 min in a loop. */
export function startDelay(state: RelaunchState): number {
  return backoffDelay(state.crashes.length, DELAY);
}

/** Records a fatal error now; returns the state written (the next start's delay follows from it). */
export function recordCrash(file: string, now: number): RelaunchState {
  const state = readRelaunchState(file, now);
  const next = { crashes: [...state.crashes, now].slice(-20) };
  writeRelaunchState(file, next);
  return next;
}
