import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { DATE_AND_TIME, dateLocale } from '../i18n/date-time';
import { knownErrorKey, requiredContext, type ConsoleSessionErrors } from '../ui/console/session-context';

/** Query keys of the console, all under 'manager' so signing out drops them in one go. */
export const MANAGER_KEYS = {
  all: ['manager'] as const,
};

/** Who is signed in at the manager console and what the screens may offer them. */
export interface ManagerSession extends ConsoleSessionErrors {
  staff: StaffPrincipal;
  /** Supervisors run the hall; technicians look (the host enforces the same on every operation). */
  canChange: boolean;
  /** The hall's time zone (from `/health`; undefined until it answered): every time shown is the hall's clock. */
  timeZone: string | undefined;
}

const managerSession = requiredContext<ManagerSession>('useManagerSession', 'the manager console');
export const ManagerSessionContext = managerSession.Context;
export const useManagerSession = managerSession.use;

/** Error codes with their own message (`manager.errors.<code>`); the rest read as generic. */
const KNOWN = ['network', 'unauthorized', 'forbidden', 'not_found', 'invalid_request', 'invalid_state', 'internal'] as const;
export type ManagerErrorKey = (typeof KNOWN)[number] | 'generic';

export function errorKey(error: unknown): ManagerErrorKey {
  return knownErrorKey(KNOWN, error instanceof ApiClientError ? error.code : undefined);
}

/**
 * A time of the host (ISO) on the hall's clock, hours and minutes; '' for none, '—' while the hall's
 * zone is not known yet (a time in a guessed zone would mislead a supervisor).
 */
export function formatTime(iso: string | null | undefined, timeZone: string | undefined, language: string): string {
  return format(iso, timeZone, language, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A date and time of the host (ISO) on the hall's clock. */
export function formatDateTime(iso: string | null | undefined, timeZone: string | undefined, language: string): string {
  return format(iso, timeZone, language, DATE_AND_TIME);
}

/** The hall-local date of an instant (ISO), e.g. 2026/12/06. */
export function formatDate(iso: string | null | undefined, timeZone: string | undefined, language: string): string {
  return format(iso, timeZone, language, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

function format(
  iso: string | null | undefined,
  timeZone: string | undefined,
  language: string,
  options: Intl.DateTimeFormatOptions,
): string {
  if (!iso) return '';
  if (timeZone === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(language), { timeZone, ...options }).format(date);
}
