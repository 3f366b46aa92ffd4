/**
 * The audit log as the manager console searches it: newest first, filtered by a time range
 * (hall-local dates), the acting staff number, the kind of action and its target, paged.
 */
import { z } from 'zod';
import { StaffNo } from './auth';
import { NextPage, PageQuery } from './page';

/**
 * An action (`notice.publish`) or a kind of actions (`notice`: every `notice.*`). Lower-case
 * words with dots, as the host names them.
 */
export const AuditActionFilter = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/, 'an action such as notice.publish, or a kind such as notice');

export const AuditSearchQuery = PageQuery.extend({
  /** Hall-local dates, inclusive; either may be left out (open range). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Who acted. */
  staffNo: StaffNo.optional(),
  action: AuditActionFilter.optional(),
  /**
   * What it acted on: the number of its ticket (A012), or any one of its facts' values exactly
   * (a notice's id, a terminal's id, a staff number, a device id).
   */
  target: z.string().trim().min(1).max(100).optional(),
}).refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  path: ['to'],
  message: 'to must not be before from',
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;
export type AuditSearchQueryInput = z.input<typeof AuditSearchQuery>;

/** One audit line as supervisors read it: the actor by staff number, window and ticket by number. */
export const AuditRecord = z.object({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  action: z.string(),
  /** null: the system (config seeding, a housekeeping purge) or an unknown staff number's attempt. */
  staffNo: z.string().nullable(),
  staffName: z.string().nullable(),
  windowNumber: z.number().int().positive().nullable(),
  ticketNumber: z.string().nullable(),
  /** The facts of the action, without personal data or secrets (host/audit drops those keys). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditSearchResult = z.object({ entries: z.array(AuditRecord), next: NextPage });
export type AuditSearchResult = z.infer<typeof AuditSearchResult>;
