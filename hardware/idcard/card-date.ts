/** Dates as stored on the card (YYYYMMDD digits, or 长期 for a long-term card). */

/** `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO date for a real calendar date written as YYYYMMDD; undefined otherwise. */
export function parseCardDate(raw: string): IsoDate | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Date.UTC rolls 0230 over into March; comparing back rejects impossible dates.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${y}-${mo}-${d}`;
}

export const LONG_TERM = 'long-term';

/** Valid-to dates may say 长期 (no expiry: issued to people over 45). */
export function parseValidTo(raw: string): IsoDate | typeof LONG_TERM | undefined {
  if (raw === '长期') return LONG_TERM;
  return parseCardDate(raw);
}
