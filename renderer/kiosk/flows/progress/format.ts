import type { CaseStatus, StatusHistoryEntry } from '../../../../contracts/central-api';
import type { CaseDeadline, CaseSteward } from '../../../../contracts/cases';
import { dateLocale, formatInstant } from '../../../i18n/date-time';
import { UNKNOWN_TIME } from '../checkin/hall-time';

/** What the details screen needs: a case found by card (LocalCase) or by number (CaseProgress). */
export interface CaseView {
  caseNumber: string | null;
  itemName: string;
  status: CaseStatus;
  statusHistory: StatusHistoryEntry[];
  deadlines: CaseDeadline[];
  steward: CaseSteward | null;
  updatedAt: string;
}

/**
 * An instant as the hall's wall clock shows it (the kiosk may run in another zone); '—' until
 * the host has said which zone that is.
 */
export function formatDateTime(iso: string, timeZone: string | undefined, language: string): string {
  return timeZone === undefined ? UNKNOWN_TIME : formatInstant(iso, timeZone, language);
}

/**
 * A hall-local calendar date (YYYY-MM-DD) with its weekday. It is already local: formatting it
 * at UTC midnight in UTC keeps the same day whatever the kiosk's zone.
 */
export function formatDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A deadline still running and already past its date: the one thing the citizen must notice. */
export function isLate(deadline: CaseDeadline): boolean {
  return deadline.overdue && deadline.metAt === null;
}

/** The statuses that end a case (办结 or 不予受理). */
export function isClosed(status: CaseStatus): boolean {
  return status === 'completed' || status === 'rejected';
}
