import { maskText } from './mask-text';
import { isPersonalKey } from './personal-keys';

/** What replaces the value of a personal or secret key (the same word pino's redaction writes). */
export const REDACTED = '[redacted]';

export interface MaskLimits {
  /** Longer strings are cut (a log line is for reading, not for carrying data). */
  maxString: number;
  /** Deeper objects are replaced by a marker. */
  maxDepth: number;
  /** Longer arrays are cut. */
  maxItems: number;
}

const DEFAULT_LIMITS: MaskLimits = { maxString: 500, maxDepth: 6, maxItems: 50 };

/** Cuts a string to `max` characters (code points), marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…(+${chars.length - max})`;
}

/**
 * A deep copy of a JSON-like value with personal data removed: values of personal or secret
 * keys (`name`, `address`, `phone`, `idNumber`, `token`, ... at any depth) become `[redacted]`,
 * ID and mobile numbers inside any text are masked, and the value is kept small.
 */
export function maskValue(value: unknown, limits: Partial<MaskLimits> = {}): unknown {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return truncate(maskText(v), l.maxString);
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v !== 'object') return v === undefined ? null : String(v);
    if (depth >= l.maxDepth) return '[…]';
    if (Array.isArray(v)) return v.slice(0, l.maxItems).map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([key, item]) => [key, isPersonalKey(key) ? REDACTED : walk(item, depth + 1)] as const),
    );
  };
  return walk(value, 0);
}
