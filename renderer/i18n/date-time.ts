/** The locale of dates and times in the app's two languages (en-GB: day before month, 24 hours). */
export function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

/** A date with hours and minutes, as every screen that shows an instant writes it. */
export const DATE_AND_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** An instant (ISO) as a wall clock in `timeZone` shows it, date and time. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { timeZone, ...DATE_AND_TIME }).format(new Date(iso));
}
