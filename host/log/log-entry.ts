import type { LogEntry, LogLevel } from '../../contracts/logs';
import { maskText } from './mask-text';
import { maskValue, truncate } from './mask-value';

/** pino's numeric levels. */
const LEVELS: ReadonlyArray<readonly [number, LogLevel]> = [
  [60, 'fatal'],
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
  [20, 'debug'],
  [10, 'trace'],
];

export function levelName(level: number): LogLevel {
  return LEVELS.find(([n]) => level >= n)?.[1] ?? 'trace';
}

export function levelNumber(level: LogLevel): number {
  return LEVELS.find(([, name]) => name === level)?.[0] ?? 10;
}

/** Fields every pino line has (or that say nothing to a technician): not part of the context. */
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);
/** A context larger than this is cut: the console shows one line per entry. */
const MAX_CONTEXT_KEYS = 24;
const MAX_CONTEXT_STRING = 300;
const MAX_MSG = 1000;

type Flat = LogEntry['context'];

/** `{ err: { message } }` → `{ 'err.message': … }`; arrays are indexed (`list.0`). */
function flatten(value: unknown, prefix: string, into: Flat): void {
  if (Object.keys(into).length >= MAX_CONTEXT_KEYS) return;
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (typeof value === 'string') into[prefix] = truncate(value, MAX_CONTEXT_STRING);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) into[prefix] = value;
}

/**
 * One pino record (the parsed JSON line, already through the redact paths) as the console
 * shows it: masked first (personal keys, ID and phone numbers in any text), then flattened
 * and cut small.
 */
export function toLogEntry(record: Record<string, unknown>, seq: number): LogEntry {
  const rawTime = record.time;
  const time = new Date(typeof rawTime === 'number' || typeof rawTime === 'string' ? rawTime : Date.now());
  const level = levelName(typeof record.level === 'number' ? record.level : 30);
  const msg = typeof record.msg === 'string' ? truncate(maskText(record.msg), MAX_MSG) : '';
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !OWN_FIELDS.has(key)));
  const context: Flat = {};
  flatten(maskValue(rest), '', context);
  return { seq, time: (Number.isNaN(time.getTime()) ? new Date() : time).toISOString(), level, msg, context };
}
