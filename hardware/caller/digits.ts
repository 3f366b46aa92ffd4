/**
 * Ticket text ⇄ the six digit codes of a keypad's 7-segment display.
 *
 * The display shows digits 0–9 (codes 00–09) and blank; the keypad protocol as we have it names no
 * letter codes, and guessing them would show garbage on a model that lacks
 * them. So the queue letter is DROPPED: "A012" shows "   012", right-aligned
 * like a counter. Staff see the full ticket on their screen and citizens on
 * the LED window screen and hall display; A012 and B012 look alike here only.
 * More than six digits keep the last six (the part that changes).
 */
import type { KeypadModel } from './model';

export const DISPLAY_DIGITS = 6;

export function digitCodes(model: KeypadModel, text: string): number[] {
  const digits = [...text].filter((c) => c >= '0' && c <= '9').slice(-DISPLAY_DIGITS);
  const codes = digits.map((c) => c.charCodeAt(0) - 0x30);
  while (codes.length < DISPLAY_DIGITS) codes.unshift(model.blankDigit);
  return codes;
}

/** What a display shows for these codes: digits, spaces for blank, `?` for anything else. */
export function renderDigitCodes(model: KeypadModel, codes: Uint8Array): string {
  return [...codes].map((c) => (c <= 9 ? String(c) : c === model.blankDigit ? ' ' : '?')).join('');
}
