import { createHash } from 'node:crypto';

/**
 * What terminals match an appointment on, instead of the ID number itself: hex sha256 of
 * `<hallId>:<ID number, trimmed and upper-cased>`. Upper-casing makes a trailing `x` and `X`
 * the same number; the hall id as salt keeps one hall's list useless for matching in another.
 * (ID numbers are guessable, so this is pseudonymisation, not secrecy: lists stay behind the token.)
 */
export function idNumberHash(hallId: string, idNumber: string): string {
  return createHash('sha256').update(`${hallId}:${idNumber.trim().toUpperCase()}`).digest('hex');
}

/** First 6 and last 4 characters kept (110105********002X); shorter numbers keep only the last 2. */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim().toUpperCase();
  if (id.length >= 12) return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
  if (id.length <= 2) return '*'.repeat(id.length);
  return `${'*'.repeat(id.length - 2)}${id.slice(-2)}`;
}
