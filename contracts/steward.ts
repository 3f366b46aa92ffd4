/**
 * The steward's work list (首席服务管家): what was asked at the kiosks (a steward ticket, with or
 * without a case; a case whose steward ticket could not be issued), the enterprise served, and
 * the follow-up the desk keeps on each (assigned to whom, contacted, done, with notes).
 */
import { z } from 'zod';
import { StaffNo } from './auth';
import { CaseStatus } from './central-api';
import { NextPage, PageQuery } from './page';
import { TicketStatus } from './queue';

/**
 * A request's id: its steward ticket (`ticket-12`), or a case that asked for a steward and got
 * no ticket (`case-<uuid>`: the hall was closed, or no steward service was set up).
 */
export const StewardRequestId = z.string().regex(/^(ticket-[1-9]\d{0,11}|case-[0-9a-f-]{36})$/, 'ticket-<id> or case-<id>');
export type StewardRequestId = z.infer<typeof StewardRequestId>;
export const StewardRequestParams = z.object({ requestId: StewardRequestId });

/** open: nobody acted yet; contacted: the steward reached the enterprise; done: closed with a note. */
export const StewardFollowUpStatus = z.enum(['open', 'contacted', 'done']);
export type StewardFollowUpStatus = z.infer<typeof StewardFollowUpStatus>;

/** A staff account as the work list names it (staff, not citizens: their names are shown). */
export const StewardStaff = z.object({ staffNo: StaffNo, name: z.string() });
export type StewardStaff = z.infer<typeof StewardStaff>;

export const StewardRequest = z.object({
  id: StewardRequestId,
  requestedAt: z.iso.datetime(),
  /** The business day it belongs to (hall-local date). */
  businessDay: z.iso.date(),
  /** The steward ticket: its number, where it is, the window and staff number that called it last. */
  ticket: z
    .object({
      number: z.string(),
      status: TicketStatus,
      windowNumber: z.number().int().positive().nullable(),
      calledBy: StaffNo.nullable(),
    })
    .nullable(),
  /** The case filed with the request, if any: masked applicant, and the enterprise's name if the form had one. */
  case: z
    .object({
      itemName: z.string(),
      caseNumber: z.string().nullable(),
      status: CaseStatus,
      applicantMasked: z.string().nullable(),
      enterprise: z.string().nullable(),
    })
    .nullable(),
  status: StewardFollowUpStatus,
  assignee: StewardStaff.nullable(),
  contactedAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  /** The latest note, shown in the list. */
  lastNote: z.string().nullable(),
});
export type StewardRequest = z.infer<typeof StewardRequest>;

export const StewardNoteAction = z.enum(['assign', 'contact', 'done', 'note']);
export type StewardNoteAction = z.infer<typeof StewardNoteAction>;

/** One step of a request's follow-up, oldest first. */
export const StewardNote = z.object({
  at: z.iso.datetime(),
  action: StewardNoteAction,
  by: StewardStaff,
  /** For `assign`: the new assignee. */
  assignee: StewardStaff.nullable(),
  note: z.string().nullable(),
});
export type StewardNote = z.infer<typeof StewardNote>;

export const StewardRequestDetail = z.object({ request: StewardRequest, notes: z.array(StewardNote) });
export type StewardRequestDetail = z.infer<typeof StewardRequestDetail>;

const date = z.iso.date();

/**
 * The list's filters: business days from–to (hall-local, inclusive; today when left out), the
 * follow-up status, the assignee; paged, newest request first.
 */
export const StewardListQuery = PageQuery.extend({
  from: date.optional(),
  to: date.optional(),
  status: StewardFollowUpStatus.optional(),
  assignee: StaffNo.optional(),
}).refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  path: ['to'],
  message: 'to must not be before from',
});
export type StewardListQuery = z.infer<typeof StewardListQuery>;
export type StewardListQueryInput = z.input<typeof StewardListQuery>;

export const StewardRequestList = z.object({
  requests: z.array(StewardRequest),
  next: NextPage,
  /** Who the desk can assign: the hall's stewards (accounts with a steward phone), by staff number. */
  stewards: z.array(StewardStaff),
});
export type StewardRequestList = z.infer<typeof StewardRequestList>;

/**
 * A note is what the steward did or agreed: no ID or phone numbers (they are masked if typed).
 * Trimmed; 1–500 characters.
 */
export const StewardNoteText = z.string().trim().min(1).max(500);

/**
 * What the desk does with a request: assign it to a staff number, mark the enterprise contacted
 * (optionally with a note), close it as done (a note saying what was done is required), or add a
 * note. Each is one transaction with its audit row; a done request takes notes only.
 */
export const StewardAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), staffNo: StaffNo }),
  z.object({ action: z.literal('contact'), note: StewardNoteText.optional() }),
  z.object({ action: z.literal('done'), note: StewardNoteText }),
  z.object({ action: z.literal('note'), note: StewardNoteText }),
]);
export type StewardAction = z.infer<typeof StewardAction>;
