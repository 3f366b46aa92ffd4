import { dueDateOf } from '../../contracts/working-time';
import type { Language } from './messages';

/** The district's zone: deadlines and steps are said as its clocks show them, wherever the enterprise is. */
export const DISTRICT_ZONE = 'Asia/Shanghai';

/**
 * The day a deadline closes (it is 24:00 of that day, not 00:00 of the next, which is how the
 * instant would read): 2026/12/14, or 14/12/2026 in English.
 */
export function dueDay(deadline: string, language: Language): string {
  const [year, month, day] = dueDateOf(deadline, DISTRICT_ZONE).split('-');
  return language === 'en' ? `${day}/${month}/${year}` : `${year}/${month}/${day}`;
}
