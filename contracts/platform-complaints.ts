import { z } from 'zod';
import { StageDeadline, SupervisionOrder } from './complaint-deadlines';
import { DispatchSuggestion, DuplicateMatch } from './complaint-sorting';
import {
  BureauRole,
  Complaint,
  ComplaintChannel,
  ComplaintEnterprise,
  ComplaintContact,
  ComplaintNumber,
  ComplaintStage,
  ComplaintState,
  ComplaintText,
  ComplaintTopic,
  Person,
  PersonId,
  PhoneNumber,
  Unit,
  UnitCode,
  UnitDuty,
  UnitKind,
} from './complaints';
import { CreditCode } from './credit-code';
import { DistrictPassword, DistrictRole, DistrictUsername } from './platform-console';

/**
 * The complaint platform's schemas as the platform serves them (the operations are declared in
 * `platform-complaints-api.ts`): the directory and its changes, intake from the hotline and the
 * public web form, the work list and a complaint's page.
 */

const name = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------
// The directory

/** The district's units and people; `bureau` is null until the 营商局 is registered. */
export const ComplaintDirectoryView = z.object({
  bureau: UnitCode.nullable(),
  units: z.array(Unit),
  people: z.array(Person),
  /** The people who have a console account (one each): the admin offers an account to the others. */
  accountHolders: z.array(PersonId),
});
export type ComplaintDirectoryView = z.infer<typeof ComplaintDirectoryView>;

/** A new unit; `bureau` designates the 营商局 (one department, once). */
export const CreateUnitRequest = z.strictObject({
  code: UnitCode,
  name: name(60),
  kind: UnitKind,
  bureau: z.boolean().default(false),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;

export const UpdateUnitRequest = z
  .strictObject({ name: name(60).optional(), active: z.boolean().optional() })
  .refine((u) => u.name !== undefined || u.active !== undefined, { message: 'nothing to change' });
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequest>;

export const UnitParams = z.object({ code: UnitCode });

export const CreatePersonRequest = z.strictObject({
  name: name(40),
  unitCode: UnitCode,
  duty: UnitDuty,
  bureauRoles: z.array(BureauRole).max(BureauRole.options.length).default([]),
  email: z.email().nullable().default(null),
  phone: PhoneNumber.nullable().default(null),
});
export type CreatePersonRequest = z.infer<typeof CreatePersonRequest>;

export const UpdatePersonRequest = z
  .strictObject({
    name: name(40).optional(),
    unitCode: UnitCode.optional(),
    duty: UnitDuty.optional(),
    bureauRoles: z.array(BureauRole).max(BureauRole.options.length).optional(),
    email: z.email().nullable().optional(),
    phone: PhoneNumber.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;

export const PersonParams = z.object({ personId: PersonId });

/** A console account for a person: signed in, it acts as that person. */
export const CreatePersonAccountRequest = z.strictObject({
  username: DistrictUsername,
  password: DistrictPassword,
  /** The console role besides the person's capacity; `viewer` unless the person also runs the console. */
  role: DistrictRole.default('viewer'),
});
export type CreatePersonAccountRequest = z.infer<typeof CreatePersonAccountRequest>;

export const PersonAccount = z.object({ username: z.string(), personId: PersonId, role: DistrictRole });
export type PersonAccount = z.infer<typeof PersonAccount>;

// ---------------------------------------------------------------------------
// Intake

/** What a hotline operator (营商局 `intake`) types from a call; the credit code when the caller gave it. */
export const HotlineComplaintRequest = z.strictObject({
  enterprise: ComplaintEnterprise,
  contact: ComplaintContact,
  topic: ComplaintTopic,
  area: UnitCode.nullable(),
  text: ComplaintText,
});
export type HotlineComplaintRequest = z.infer<typeof HotlineComplaintRequest>;
export type HotlineComplaintRequestInput = z.input<typeof HotlineComplaintRequest>;

/**
 * The public web form, without an account: strict (no field beyond these), the credit code
 * required and checked (it is how a web complaint finds the enterprise's other ones).
 */
export const WebComplaintRequest = z.strictObject({
  enterprise: z.strictObject({ name: name(100), creditCode: CreditCode }),
  contact: z.strictObject({ name: name(40), phone: PhoneNumber }),
  topic: ComplaintTopic,
  area: UnitCode.nullable(),
  text: ComplaintText.pipe(z.string().min(10, 'say what happened in at least 10 characters')),
});
export type WebComplaintRequest = z.infer<typeof WebComplaintRequest>;
export type WebComplaintRequestInput = z.input<typeof WebComplaintRequest>;

/** A complaint just registered: its number, 办结期限 and the complaints it may repeat. */
export const RegisteredComplaint = z.object({
  number: ComplaintNumber,
  registeredAt: z.iso.datetime(),
  closeDueAt: z.iso.datetime(),
  duplicates: z.array(DuplicateMatch),
});
export type RegisteredComplaint = z.infer<typeof RegisteredComplaint>;

/** What the web form's sender is told: the number to follow it by, and the 办结期限. */
export const WebComplaintReceipt = RegisteredComplaint.pick({ number: true, registeredAt: true, closeDueAt: true });
export type WebComplaintReceipt = z.infer<typeof WebComplaintReceipt>;

// ---------------------------------------------------------------------------
// The work list and a complaint's page

export const COMPLAINT_PAGE_MAX = 100;

/**
 * The console's work list, newest first; filters combine. `unit` lists a unit's complaints as
 * lead or co-unit; `overdue` those with an open stage past its deadline; `text` a piece of the
 * enterprise's name or the complaint's text. `after` is the last number of the page before.
 */
export const ComplaintListQuery = z.object({
  state: ComplaintState.optional(),
  unit: UnitCode.optional(),
  channel: ComplaintChannel.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  text: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(COMPLAINT_PAGE_MAX).default(20),
  after: ComplaintNumber.optional(),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;
export type ComplaintListQueryInput = z.input<typeof ComplaintListQuery>;

/** A complaint as the work list shows it: no contact. */
export const ComplaintSummary = z.object({
  number: ComplaintNumber,
  channel: ComplaintChannel,
  enterpriseName: z.string(),
  topic: ComplaintTopic,
  area: UnitCode.nullable(),
  state: ComplaintState,
  stage: ComplaintStage,
  leadUnit: UnitCode.nullable(),
  registeredAt: z.iso.datetime(),
  closeDueAt: z.iso.datetime(),
  /** The earliest deadline of its open stages; null when none is open. */
  stageDueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const ComplaintListResponse = z.object({ complaints: z.array(ComplaintSummary), next: ComplaintNumber.nullable() });
export type ComplaintListResponse = z.infer<typeof ComplaintListResponse>;

/**
 * A complaint as stored: the contract's `Complaint`, its enterprise and contact as the channel
 * gave them (the kiosk's form checks a phone its own way, and asks for no credit code).
 */
export const StoredComplaint = Complaint.extend({
  enterprise: z.object({ name: z.string(), creditCode: z.string().nullable() }),
  contact: z.object({ name: z.string(), phone: z.string() }),
  text: z.string(),
});
export type StoredComplaint = z.infer<typeof StoredComplaint>;

/** A complaint's page: the complaint with its history, its clocks and the sorter's aids. */
export const ComplaintPage = z.object({
  complaint: StoredComplaint,
  deadlines: z.array(StageDeadline),
  /** 督办单 still open (the stage not done). */
  openSupervisionOrders: z.array(SupervisionOrder),
  duplicates: z.array(DuplicateMatch),
  suggestions: z.array(DispatchSuggestion),
});
export type ComplaintPage = z.infer<typeof ComplaintPage>;

export const ComplaintParams = z.object({ number: ComplaintNumber });
