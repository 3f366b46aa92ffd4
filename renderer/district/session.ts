import { createContext, useContext } from 'react';
import { DISTRICT_TIME_ZONE, type DistrictRole, type DistrictStaff } from '../../contracts/platform-console';
import { admitsRole, consoleOperations, type ConsoleOperationName } from '../../contracts/platform-console-api';
import type { PlatformOperation } from '../../contracts/platform-operation';
import type { DistrictClient } from './district-client';
import { DistrictClientError } from './district-client';

/** Query keys of the console, all under 'district' so signing out drops them in one go. */
export const DISTRICT_KEYS = { all: ['district'] as const };

export const DistrictClientContext = createContext<DistrictClient | null>(null);

export function useDistrictClient(): DistrictClient {
  const client = useContext(DistrictClientContext);
  if (!client) throw new Error('useDistrictClient outside the district console');
  return client;
}

/** Who is signed in at the district console and what the screens may offer them. */
export interface DistrictSession {
  staff: DistrictStaff;
  /**
   * Whether the signed-in role may call this operation (from its declaration): one of the
   * console's table by name, or one of the platform's (contracts/platform-halls.ts).
   */
  may(operation: ConsoleOperationName | PlatformOperation): boolean;
  /** A failure as a message in the user's language (pure: safe while rendering). */
  describeError(error: unknown): string;
  /** The same, from an event handler: an ended session also signs the console out. */
  failed(error: unknown): string;
}

export const DistrictSessionContext = createContext<DistrictSession | null>(null);

export function useDistrictSession(): DistrictSession {
  const session = useContext(DistrictSessionContext);
  if (!session) throw new Error('useDistrictSession outside the district console');
  return session;
}

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
] as const;
export type DistrictErrorKey = (typeof KNOWN)[number] | 'generic';

export function errorKey(error: unknown): DistrictErrorKey {
  if (!(error instanceof DistrictClientError)) return 'generic';
  const code: string = error.code;
  return KNOWN.find((k) => k === code) ?? 'generic';
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** An instant (ISO) on the district's clock, date and time. */
export function formatDateTime(iso: string | undefined, language: string): string {
  if (iso === undefined) return '';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: DISTRICT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** `YYYY-MM-DDTHH:mm` as typed in a datetime-local field, read on the district's clock (UTC+8). */
export function districtInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

/** Now as a datetime-local value on the district's clock. */
export function districtLocalNow(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
