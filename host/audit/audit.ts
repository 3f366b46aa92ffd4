import { recordAudit } from '../../db/repositories/audit';
import type { Db } from '../../db/open';
import type { Clock } from '../clock/clock';

/** Audit actions of sign-in and account management; other areas add their own names. */
export type AuthAuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.locked'
  | 'auth.sign_out'
  | 'auth.session_expired'
  | 'auth.window_replaced'
  | 'staff.create'
  | 'staff.update'
  | 'staff.reset_pin'
  | 'staff.seed'
  | 'staff.grant_request'
  | 'staff.grant_confirm'
  | 'staff.grant_refuse';

/** Audit actions of the hall settings and the configuration import (host/settings). */
export type SettingsAuditAction = 'settings.hall' | 'settings.hall_seed' | 'config.import';

export interface AuditFacts {
  /** Who acted (null for the system, e.g. config seeding or an unknown staff number). */
  staffId?: number | null;
  windowId?: number | null;
  ticketId?: number | null;
  details?: Record<string, unknown>;
}

/**
 * Keys that must never reach the audit log even if a caller slips: secrets and
 * personal data. The log is read by supervisors and technicians and copied to
 * support bundles.
 */
const FORBIDDEN_KEY = /pin|password|secret|token|name|idnumber|address|phone|photo/i;

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !FORBIDDEN_KEY.test(key))
      .map(([key, v]) => [key, scrub(v)] as const),
  );
}

/** Appends an audit entry stamped with the hall clock; call it inside the transaction of the action. */
export function audit(db: Db, clock: Clock, action: string, facts: AuditFacts = {}): void {
  recordAudit(db, {
    at: clock.now().toISOString(),
    action,
    staffId: facts.staffId ?? null,
    windowId: facts.windowId ?? null,
    ticketId: facts.ticketId ?? null,
    ...(facts.details ? { details: scrub(facts.details) as Record<string, unknown> } : {}),
  });
}
