import { instantOfWallTime, wallDate, wallTime } from '../../contracts/wall-clock';

/**
 * The hall's wall clock in a supervisor's forms: a date input's day and a datetime-local input's
 * time are the hall's (its zone from `/health`), never the browser's, which may sit on a PC set to
 * another zone. The rule is the host's own (`contracts/wall-clock.ts`); these are the forms' names.
 */

/** The hall-local date (YYYY-MM-DD) of an instant: what a date filter means by "today". */
export const hallDate = (ms: number, timeZone: string): string => wallDate(ms, timeZone);

/** An instant (ISO) as a datetime-local input's value on the hall's clock: YYYY-MM-DDTHH:mm. */
export const wallTimeOf = (iso: string, timeZone: string): string => wallTime(Date.parse(iso), timeZone);

/**
 * The instant (ISO) of a datetime-local value read on the hall's clock; null when it is no such
 * value. A time a clock change skips lands just after the change.
 */
export { instantOfWallTime };
