/**
 * Case numbers: `HK` + the Asia/Shanghai date of receipt (YYYYMMDD) + a per-day sequence of
 * six digits. The date is the hall's local date, not UTC: a case received at 07:30 Beijing
 * time belongs to that day, although it is still yesterday in UTC.
 */
export const CASE_NUMBER_PREFIX = 'HK';

const shanghaiParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date of an instant as `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  const parts = shanghaiParts.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The sequence key for an instant: its Asia/Shanghai date as `YYYYMMDD`. */
export function caseNumberDay(at: Date): string {
  return shanghaiDate(at).replaceAll('-', '');
}

export function formatCaseNumber(day: string, sequence: number): string {
  return `${CASE_NUMBER_PREFIX}${day}${String(sequence).padStart(6, '0')}`;
}

/**
 * Adds working days (Monday to Friday) to a `YYYY-MM-DD` date. Public holidays and the
 * make-up working weekends (调休) are not modelled: this is a demo's promise date.
 */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
