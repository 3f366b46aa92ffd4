import { DISTRICT_TIME_ZONE, type DistrictRole, type DistrictStaff } from '../../contracts/platform-console';
import { admitsRole, consoleOperations, type ConsoleOperationName } from '../../contracts/platform-console-api';
import type { PlatformOperation } from '../../contracts/platform-operation';
import { formatInstant } from '../i18n/date-time';
import { knownErrorKey, requiredContext, type ConsoleSessionErrors } from '../ui/console/session-context';
import type { DistrictClient } from './district-client';
import { DistrictClientError } from './district-client';

/** Query keys of the console, all under 'district' so signing out drops them in one go. */
export const DISTRICT_KEYS = { all: ['district'] as const };

const districtClient = requiredContext<DistrictClient>('useDistrictClient', 'the district console');
export const DistrictClientContext = districtClient.Context;
export const useDistrictClient = districtClient.use;

/** Who is signed in at the district console and what the screens may offer them. */
export interface DistrictSession extends ConsoleSessionErrors {
  staff: DistrictStaff;
  /**
   * Whether the signed-in role may call this operation (from its declaration): one of the
   * console's table by name, or one of the platform's (contracts/platform-halls.ts).
   */
  may(operation: ConsoleOperationName | PlatformOperation): boolean;
}

const districtSession = requiredContext<DistrictSession>('useDistrictSession', 'the district console');
export const DistrictSessionContext = districtSession.Context;
export const useDistrictSession = districtSession.use;

/**
 * Whether `role` may call a platform operation with a console session: its `consoleAccess`. One
 * without it is the operator token's only (scripts), never the console's.
 */
export function admitsConsoleRole(op: PlatformOperation, role: DistrictRole): boolean {
  const access = op.consoleAccess;
  if (access === undefined) return false;
  return access === 'public' || access === 'signedIn' || access.roles.includes(role);
}

export function mayCall(staff: DistrictStaff, operation: ConsoleOperationName | PlatformOperation): boolean {
  return typeof operation === 'string'
    ? admitsRole(consoleOperations[operation], staff.role)
    : admitsConsoleRole(operation, staff.role);
}

/** Codes with a message of their own (`district.errors.<code>`); the rest read as generic. */
const KNOWN = [
  'network',
  'unauthorized',
  'forbidden',
  'not_found',
  'case_not_found',
  'notice_not_found',
  'item_not_found',
  'item_exists',
  'catalog_changed',
  'catalog_empty',
  'invalid_request',
  'invalid_transition',
  'unit_exists',
  'bureau_exists',
  'username_taken',
  'person_has_account',
  'not_a_person',
  'wrong_role',
  'unit_not_found',
  'calendar_day_not_found',
  'rules_changed',
] as const;
export type DistrictErrorKey = (typeof KNOWN)[number] | 'generic';

export function errorKey(error: unknown): DistrictErrorKey {
  return knownErrorKey(KNOWN, error instanceof DistrictClientError ? error.code : undefined);
}

/** An instant (ISO) on the district's clock, date and time. */
export function formatDateTime(iso: string | undefined, language: string): string {
  return iso === undefined ? '' : formatInstant(iso, DISTRICT_TIME_ZONE, language);
}

/** `YYYY-MM-DDTHH:mm` as typed in a datetime-local field, read on the district's clock (UTC+8). */
export function districtInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

/** Now as a datetime-local value on the district's clock. */
export function districtLocalNow(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
