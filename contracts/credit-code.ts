import { z } from 'zod';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from 31
 * (the digits and the capitals without I, O, S, V, Z, so none is mistaken for another):
 * the registering authority (1), the entity type (1), the administrative division of the
 * registration (6 digits), the entity's identifier (9, the former 组织机构代码) and a check
 * character. The check character makes a typed code trustworthy enough to match an enterprise
 * across channels (the kiosk, the hotline, 民心网), which the duplicate rule relies on.
 */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * The check character of the first 17 characters: weights 3^(i−1) mod 31, then
 * 31 − (Σ value × weight mod 31), where 31 is written as 0. Null when a character is outside
 * the code's set.
 */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  let weight = 1;
  for (const character of first17) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(character);
    if (value < 0) return null;
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARACTERS.charAt((31 - (sum % 31)) % 31);
}

/** Whether a code (already upper-case, without spaces) has the shape and the check character of GB 32100-2015. */
export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

/**
 * A code as typed by an operator or an enterprise: spaces dropped and letters made capitals
 * (the standard has no lower case, so nothing is lost), then held to the check character.
 * Look-alikes (O for 0, I for 1) are refused, never guessed: a guess could name another company.
 */
export const CreditCode = z
  .string()
  .transform((typed) => typed.replace(/\s+/g, '').toUpperCase())
  .refine(isValidCreditCode, { message: 'not a unified social credit code (GB 32100-2015): check its 18 characters' });
export type CreditCode = z.infer<typeof CreditCode>;

/**
 * How far a code being typed is from a valid one, for a form that checks it as the user types:
 * `empty`; `typing` (fewer than 18 characters, all from the code's set so far); `bad_character`
 * (a character the standard never uses, such as I, O, S, V, Z or punctuation, at `position`,
 * 1-based); `too_long`; `check_mismatch` (18 characters whose check character is wrong: a typo
 * somewhere, never corrected for the user); `valid`. Typed as `CreditCode` reads it: spaces
 * dropped, letters made capitals.
 */
export type CreditCodeProgress =
  | { kind: 'empty' }
  | { kind: 'typing'; length: number }
  | { kind: 'bad_character'; position: number; character: string }
  | { kind: 'too_long'; length: number }
  | { kind: 'check_mismatch' }
  | { kind: 'valid'; code: string };

export function creditCodeProgress(typed: string): CreditCodeProgress {
  const code = typed.replace(/\s+/g, '').toUpperCase();
  if (code === '') return { kind: 'empty' };
  const bad = [...code].findIndex((character, i) =>
    i >= 2 && i < 8 ? !/\d/.test(character) : !CREDIT_CODE_CHARACTERS.includes(character),
  );
  if (bad >= 0) return { kind: 'bad_character', position: bad + 1, character: code.charAt(bad) };
  if (code.length < 18) return { kind: 'typing', length: code.length };
  if (code.length > 18) return { kind: 'too_long', length: code.length };
  return isValidCreditCode(code) ? { kind: 'valid', code } : { kind: 'check_mismatch' };
}
