/**
 * The hall's wall clock, one rule for the host and the renderer: an instant read in the hall's
 * time zone with Intl (never the machine's zone, never UTC days), and a wall time typed in a form
 * mapped back to an instant with the offset of that very moment, so a zone with summer time keeps
 * working on the days its offset changes. The host names its backups and counts its business days
 * with it; the manager console reads and writes the times of its forms with it.
 */

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/**
 * Wall-clock parts already read, per zone and epoch second (the formatter's resolution), so the
 * same instant is formatted once: one ticket asks the host for the business day, the opening hours
 * and the slot of the same second several times, and formatToParts is the costly step of each.
 */
const recentParts = new Map<string, Readonly<WallParts>>();
const RECENT_PARTS_MAX = 512;

/** The hall's wall clock at an instant, to the second. */
export function wallParts(instant: Date | number, timeZone: string): Readonly<WallParts> {
  const epochSecond = Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / 1000);
  const key = `${timeZone} ${epochSecond}`;
  let parts = recentParts.get(key);
  if (!parts) {
    parts = readWallParts(epochSecond * 1000, timeZone);
    if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear();
    recentParts.set(key, parts);
  }
  return parts;
}

function readWallParts(epochMs: number, timeZone: string): Readonly<WallParts> {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Object.freeze({
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines print midnight as 24 even with h23; it is hour 0 of the same date.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  });
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive: Beijing +8 h). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const p = wallParts(epochMs, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant on the hall's clock to the second, `YYYY-MM-DDTHH:mm:ss`. */
export function wallDateTime(instant: Date | number, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The hall-local date of an instant, `YYYY-MM-DD`: what "today" means in the hall. */
export function wallDate(instant: Date | number, timeZone: string): string {
  return wallDateTime(instant, timeZone).slice(0, 10);
}

/** An instant as a `datetime-local` field's value on the hall's clock: `YYYY-MM-DDTHH:mm`. */
export function wallTime(instant: Date | number, timeZone: string): string {
  return wallDateTime(instant, timeZone).slice(0, 16);
}

/**
 * The instant (ISO) of a `datetime-local` value (`YYYY-MM-DDTHH:mm`) read on the hall's clock;
 * null for a value that is no such wall time. A time a clock change skips lands just after it.
 */
export function instantOfWallTime(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Twice: the offset at the first guess may differ from the offset at the answer near a change.
  const guess = naive - offsetAt(naive, timeZone);
  return new Date(naive - offsetAt(guess, timeZone)).toISOString();
}
