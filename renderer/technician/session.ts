import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { DATE_AND_TIME, dateLocale } from '../i18n/date-time';
import { knownErrorKey, requiredContext, type ConsoleSessionErrors } from '../ui/console/session-context';

/** Query keys of the console, all under 'tech' so signing out drops them in one go. */
export const TECH_KEYS = {
  all: ['tech'] as const,
  devices: ['tech', 'devices'] as const,
  discovery: ['tech', 'discovery'] as const,
  sync: ['tech', 'sync'] as const,
  preview: (deviceId: string) => ['tech', 'preview', deviceId] as const,
};

/** What a scanner last read, for its "scan anything" test (length and time only: codes may be personal). */
export interface LastScan {
  length: number;
  at: string;
}

/** Who is signed in at the console and what the screens may offer them. */
export interface TechSession extends ConsoleSessionErrors {
  staff: StaffPrincipal;
  /** Technicians configure and test devices; supervisors only look (the host enforces the same). */
  canConfigure: boolean;
  /** The hall's time zone (from `/health`; undefined until it answered): every time on the console is the hall's clock. */
  timeZone: string | undefined;
}

const techSession = requiredContext<TechSession>('useTechSession', 'the technician console');
export const TechSessionContext = techSession.Context;
export const useTechSession = techSession.use;

/** Error codes with their own message (`tech.errors.<code>`); the rest read as generic. */
const KNOWN = ['network', 'unauthorized', 'forbidden', 'not_found', 'invalid_request', 'locked_out', 'internal'] as const;
export type TechErrorKey = (typeof KNOWN)[number] | 'generic';

export function errorKey(error: unknown): TechErrorKey {
  return knownErrorKey(KNOWN, error instanceof ApiClientError ? error.code : undefined);
}

/**
 * A time of the host (ISO) on the hall's clock, in the console's language; '' for none, '—' while
 * the hall's zone is not known yet (a time in a guessed zone would mislead).
 */
export function formatTime(iso: string | null | undefined, timeZone: string | undefined, language: string): string {
  if (!iso) return '';
  if (timeZone === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(language), { timeZone, ...DATE_AND_TIME, second: '2-digit' }).format(date);
}
