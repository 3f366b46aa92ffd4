import { maskIdNumber } from '../../hardware/idcard';

/**
 * 18-character resident ID numbers (17 digits and a check character, 0-9 or X). Any such run
 * is masked, whether or not its check character is right: a mistyped number is still somebody's.
 */
const ID_18 = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
/**
 * First-generation 15-digit numbers: area code, YYMMDD birth date, sequence. The date must be
 * plausible, so that 15-digit counters and case sequences are left alone.
 */
const ID_15 = /(?<!\d)[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
/** Mainland mobile numbers, with or without +86 and separators: 13800138000, 138-0013-8000. */
const MOBILE = /(?<!\d)((?:\+?86[-\s]?)?1[3-9]\d)[-\s]?\d{4}[-\s]?(\d{4})(?!\d)/g;

/**
 * Masks what looks like personal data inside free text: ID numbers keep their area code and
 * last four (`110105********002X`, as everywhere else in the product), mobiles their first
 * three and last four (`138****8000`).
 */
export function maskText(text: string): string {
  return decodePercentEscapes(text)
    .replace(ID_18, (id) => maskIdNumber(id))
    .replace(ID_15, (id) => maskIdNumber(id))
    .replace(MOBILE, (_all, head: string, tail: string) => `${head}****${tail}`);
}

/** Runs of %XX escapes (a URL's query): a number right after `%20` would hide behind the escape's digits. */
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes percent-escapes so that masking sees the characters a URL carried; undecodable runs stay as they are. */
function decodePercentEscapes(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(ESCAPES, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
