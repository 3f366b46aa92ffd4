import { z } from 'zod';
import { TicketNumber } from './queue';

/**
 * The hall's spoken call (叫号播报), one rule for the display (browser speech) and the host (espeak-ng):
 *
 *   A012 at window 3  →  请A零一二号，到三号窗口办理
 *
 * The ticket number is read the way Chinese halls read it: the letter as a letter, then each digit
 * on its own (零一二, never 十二: "A十二号" and "A一百二十号" would be different tickets). The window
 * is a counted number (三号, 十二号窗口), as staff and signs say it. The comma gives every voice the
 * same short pause before the window. Nothing else is ever spoken: no names, no free text.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** The highest window number the template says (a hall has tens of windows; 9999 bounds the words). */
export const MAX_ANNOUNCED_WINDOW = 9999;

/** The ticket number as called: its letter, then each digit in Chinese (A012 → A零一二). */
export function spokenTicketNumber(ticketNumber: string): string {
  if (!TicketNumber.safeParse(ticketNumber).success) throw new RangeError(`not a ticket number: ${ticketNumber}`);
  return ticketNumber.replace(/\d/g, (d) => DIGITS[Number(d)] ?? d);
}

/** A window number in counted Chinese: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function spokenWindowNumber(windowNumber: number): string {
  if (!Number.isInteger(windowNumber) || windowNumber < 1 || windowNumber > MAX_ANNOUNCED_WINDOW) {
    throw new RangeError(`not a window number: ${windowNumber}`);
  }
  const digits = String(windowNumber).split('').map(Number);
  let words = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (digit === 0) {
      pendingZero = words !== '';
      return;
    }
    if (pendingZero) words += '零';
    pendingZero = false;
    // 10–19 are said 十, 十一 … (not 一十一) when the number starts with them.
    const spokenDigit = digit === 1 && unit === '十' && words === '' ? '' : (DIGITS[digit] ?? '');
    words += spokenDigit + unit;
  });
  return words;
}

/** The spoken call: 请A零一二号，到三号窗口办理. */
export function announcementText(ticketNumber: string, windowNumber: number): string {
  return `请${spokenTicketNumber(ticketNumber)}号，到${spokenWindowNumber(windowNumber)}号窗口办理`;
}

const TEMPLATE = /^请([A-Z])([零一二三四五六七八九]{3,4})号，到([零一二三四五六七八九十百千]{1,8})号窗口办理$/;

/**
 * The call an announcement text says, or null when the text is not exactly what
 * `announcementText` builds for some ticket and window (so nothing else can be spoken).
 */
export function parseAnnouncementText(text: string): { ticketNumber: string; windowNumber: number } | null {
  const match = TEMPLATE.exec(text);
  if (!match) return null;
  const [, letter = '', spokenDigits = '', spokenWindow = ''] = match;
  const ticketNumber = letter + [...spokenDigits].map((c) => String(DIGITS.indexOf(c as (typeof DIGITS)[number]))).join('');
  const windowNumber = windowFromWords(spokenWindow);
  if (windowNumber === null) return null;
  // Canonical form only: the same call said any other way (一十二, 零三) is refused.
  return announcementText(ticketNumber, windowNumber) === text ? { ticketNumber, windowNumber } : null;
}

/** Reads counted Chinese (十二, 一百零五) back to a number; loose, the caller checks the canonical form. */
function windowFromWords(words: string): number | null {
  const unitValue: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let digit: number | null = null;
  for (const c of words) {
    const d = DIGITS.indexOf(c as (typeof DIGITS)[number]);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = unitValue[c];
    if (unit === undefined) return null;
    total += (digit ?? (unit === 10 ? 1 : 0)) * unit;
    digit = null;
  }
  total += digit ?? 0;
  return total >= 1 && total <= MAX_ANNOUNCED_WINDOW ? total : null;
}

/** How the hall display announces calls (config `display`), with what the host can render. */
export const DisplaySettings = z.object({
  hallName: z.string(),
  timeZone: z.string(),
  /** How many times each call is said (a recall is said as many times again). */
  announceRepeat: z.number().int().min(1).max(5),
  /**
   * `browser`: the display's speech synthesis, the host's audio when it has no Chinese voice;
   * `host`: always the host's audio (espeak-ng); `off`: silent board.
   */
  voice: z.enum(['browser', 'host', 'off']),
  /** Calls listed under the current one. */
  recentCalls: z.number().int().min(1).max(20),
  /** Whether GET /announcements/speech can render (espeak-ng installed on the host). */
  hostSpeech: z.boolean(),
  /** The host's clock, so the display can tell a fresh call from an old one whatever its own clock says. */
  now: z.iso.datetime(),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

/** GET /announcements/speech?text=…: only texts `announcementText` builds are accepted. */
export const SpeechQuery = z.object({
  text: z
    .string()
    .max(64)
    .refine((text) => parseAnnouncementText(text) !== null, { message: 'only the call announcement can be spoken' }),
});
export type SpeechQuery = z.infer<typeof SpeechQuery>;

/** URL path (under /api/v1) of the host-rendered WAV of one announcement. */
export function speechPath(text: string): string {
  return `/announcements/speech?text=${encodeURIComponent(text)}`;
}
