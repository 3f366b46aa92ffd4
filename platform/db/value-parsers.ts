/**
 * How column values become JavaScript values, the same on both adapters. Their defaults differ
 * (node-postgres gives a bigint as a string and a `date` as a local-midnight Date; PGlite gives a
 * bigint as a number and a `date` as a UTC-midnight Date), so both are told the same thing:
 *
 * - `bigint` (ids, cursors, counts): a number. Every such value here stays far below 2^53; one
 *   that does not is an error, never a silently rounded id.
 * - `date` (business days, promised dates): the `YYYY-MM-DD` text. A calendar day has no time
 *   zone, and a Date would give it one.
 *
 * Everything else keeps both drivers' common default: `timestamptz` → Date, `json`/`jsonb` →
 * parsed, `numeric` → string, `integer` → number, `boolean` → boolean.
 */
export const OID = { int8: 20, date: 1082 } as const;

export function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return value;
}

export function parseDate(text: string): string {
  return text;
}

/** Parser overrides by type OID, in the shape both drivers take. */
export const VALUE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseBigint,
  [OID.date]: parseDate,
};
