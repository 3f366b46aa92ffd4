/**
 * Citizen identity numbers (GB 11643): 6-digit area code, 8-digit birth date,
 * 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * The same scheme covers residence permits (81/82/83…) and the 2023
 * foreigner card (9…).
 */
import type { IsoDate } from './card-date';
import { parseCardDate } from './card-date';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits; undefined if they are not 17 digits. */
export function computeCheckDigit(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem =
  /** Not 17 digits followed by a digit or X. */
  | 'format'
  /** Digits 7–14 are not a real date. */
  | 'birth-date'
  | 'check-digit'
  /** Digits 7–14 differ from the birth date printed on the card. */
  | 'birth-mismatch';

export type IdNumberCheck = { ok: true; birthDate: IsoDate } | { ok: false; problem: IdNumberProblem };

/**
 * Validates an 18-character ID number. A lower-case x is accepted (people type
 * it); cards carry X. When `birthDate` (ISO) is given, it must match digits 7–14.
 */
export function validateIdNumber(idNumber: string, birthDate?: IsoDate): IdNumberCheck {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return { ok: false, problem: 'format' };
  const embedded = parseCardDate(idNumber.slice(6, 14));
  if (!embedded) return { ok: false, problem: 'birth-date' };
  if (computeCheckDigit(idNumber.slice(0, 17)) !== idNumber.slice(17).toUpperCase()) {
    return { ok: false, problem: 'check-digit' };
  }
  if (birthDate !== undefined && birthDate !== embedded) return { ok: false, problem: 'birth-mismatch' };
  return { ok: true, birthDate: embedded };
}
