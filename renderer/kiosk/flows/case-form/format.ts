/** Dates and times as the hall states them, in the citizen's language and the hall's time zone. */

/** A calendar date (YYYY-MM-DD, the hall's local date) written out: 2026年11月30日 / 30 Nov 2026. */
export function formatDay(date: string, language: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  // The date is already the hall's local date: format it in UTC so no zone shifts it a day.
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', dateStyle: 'long' }).format(at);
}

/** An instant as date and time in the hall's zone. */
export function formatMoment(iso: string, language: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

/** The kiosk's own reference of a case before the central API gave it a number. */
export function localReference(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}
