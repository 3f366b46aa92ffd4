/**
 * "YYYY-MM-DD HH:mm" in the hall's time zone. The host machine's own zone is
 * not trusted (a kiosk image may ship with UTC); an unknown zone name falls
 * back to UTC, marked as such, rather than failing the print.
 */
export function formatLocalTime(date: Date, timeZone: string): string {
  if (Number.isNaN(date.getTime())) return '----------';
  let parts: Intl.DateTimeFormatPart[];
  let suffix = '';
  try {
    parts = formatter(timeZone).formatToParts(date);
  } catch {
    parts = formatter('UTC').formatToParts(date);
    suffix = ' UTC';
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}${suffix}`;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}
