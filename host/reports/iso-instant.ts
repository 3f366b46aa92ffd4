const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Milliseconds since the epoch of an instant as the host stores them (`toISOString()`:
 * `YYYY-MM-DDTHH:MM:SS.sssZ`), read digit by digit: a year's report reads ~300,000 of them, and
 * this is several times cheaper than Date.parse. Anything of another shape goes to Date.parse.
 */
export function isoMs(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return Date.parse(iso);
  return Date.UTC(
    digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3),
    digit(iso, 5) * 10 + digit(iso, 6) - 1,
    digit(iso, 8) * 10 + digit(iso, 9),
    digit(iso, 11) * 10 + digit(iso, 12),
    digit(iso, 14) * 10 + digit(iso, 15),
    digit(iso, 17) * 10 + digit(iso, 18),
    digit(iso, 20) * 100 + digit(iso, 21) * 10 + digit(iso, 22),
  );
}
