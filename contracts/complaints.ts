import { z } from 'zod';
import { CaseNumber, EvaluationLevel, isBadEvaluation, type CaseStatus } from './central-api';
import { CreditCode } from './credit-code';
import { isPhoneNumber } from './form-field-check';

/**
 * 营商诉求: a business-environment complaint on the district platform, from whichever channel it
 * came, handled "flat" by the district's units: the 营商局 sorts it and dispatches it to a lead
 * unit (and co-units for 联办), the lead unit accepts it, drafts the reply with the co-units'
 * parts, the 营商局 reviews the reply before the enterprise sees it, the complaint is closed and
 * the enterprise evaluates the handling. The units and people who do it, the complaint, its
 * states and the history the kiosk's progress page shows. docs/complaints.md has the whole
 * lifecycle; `complaint-actions.ts` the actions and refusals; `complaint-deadlines.ts` the clocks.
 */

const instant = z.iso.datetime();
const name = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------
// Units and people

/** 区直部门 (a department of the district government), 街道 (a street office) or 经济区 (an economic zone). */
export const UnitKind = z.enum(['department', 'street', 'zone']);
export type UnitKind = z.infer<typeof UnitKind>;

/** A unit's code: lower-case letters, digits and dashes, e.g. `market-regulation`, `street-xinghe`. */
export const UnitCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'expected a unit code like market-regulation');
export type UnitCode = z.infer<typeof UnitCode>;

/**
 * A unit complaints are dispatched to. Streets and economic zones are also the areas a complaint
 * happens in (its `area` is one of their codes), so a matter with no department of its own goes
 * to the street it happened in (属地管理). A unit no longer in use is kept inactive: its past
 * complaints still name it.
 */
export const Unit = z.object({
  code: UnitCode,
  name: name(60),
  kind: UnitKind,
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;

export const PersonId = z.uuid();
export type PersonId = z.infer<typeof PersonId>;

/** A person's duty in their unit: 经办人 (handles complaints) or 分管领导 (answers for them). */
export const UnitDuty = z.enum(['handler', 'leader']);
export type UnitDuty = z.infer<typeof UnitDuty>;

/**
 * The 营商局's own roles, held by people of the bureau: 录入 (types hotline calls, imports 民心网
 * batches), 分拣 (sorts and dispatches), 审核 (reviews replies before the enterprise sees them),
 * 督办 (supervises deadlines, issues supervision orders).
 */
export const BureauRole = z.enum(['intake', 'sorter', 'reviewer', 'supervisor']);
export type BureauRole = z.infer<typeof BureauRole>;

/** A work phone of a person on staff, or the number an enterprise's contact answers. */
export const PhoneNumber = z
  .string()
  .transform((typed) => typed.replace(/\s+/g, ''))
  .refine(isPhoneNumber, { message: 'expected a mobile number or a landline with its area code' });
export type PhoneNumber = z.infer<typeof PhoneNumber>;

/** A member of staff of a unit; reminders reach them by e-mail and in the console's inbox. */
export const Person = z.object({
  id: PersonId,
  name: name(40),
  unitCode: UnitCode,
  duty: UnitDuty,
  /** Only for people of the 营商局 (`ComplaintDirectory.bureau`); empty for everyone else. */
  bureauRoles: z.array(BureauRole).max(BureauRole.options.length),
  email: z.email().nullable(),
  phone: PhoneNumber.nullable(),
  active: z.boolean(),
});
export type Person = z.infer<typeof Person>;

/**
 * The district's units and people as one whole, with the rules between them: codes and ids
 * unique, every person in a listed unit, the 营商局 a department, and bureau roles only for its
 * own people (a street's handler cannot review the replies of the street).
 */
export const ComplaintDirectory = z
  .object({
    /** The 营商局's unit code. */
    bureau: UnitCode,
    units: z.array(Unit),
    people: z.array(Person),
  })
  .superRefine((directory, ctx) => {
    const units = new Map<string, Unit>();
    directory.units.forEach((unit, index) => {
      if (units.has(unit.code))
        ctx.addIssue({ code: 'custom', path: ['units', index, 'code'], message: `${unit.code} is listed twice` });
      units.set(unit.code, unit);
    });
    if (units.get(directory.bureau)?.kind !== 'department') {
      ctx.addIssue({ code: 'custom', path: ['bureau'], message: 'the 营商局 must be a listed department' });
    }
    const ids = new Set<string>();
    directory.people.forEach((person, index) => {
      if (ids.has(person.id))
        ctx.addIssue({ code: 'custom', path: ['people', index, 'id'], message: `${person.id} is listed twice` });
      ids.add(person.id);
      if (!units.has(person.unitCode)) {
        ctx.addIssue({ code: 'custom', path: ['people', index, 'unitCode'], message: `no unit ${person.unitCode}` });
      }
      if (person.bureauRoles.length > 0 && person.unitCode !== directory.bureau) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', index, 'bureauRoles'],
          message: 'bureau roles are for people of the 营商局',
        });
      }
      if (new Set(person.bureauRoles).size !== person.bureauRoles.length) {
        ctx.addIssue({ code: 'custom', path: ['people', index, 'bureauRoles'], message: 'a role is listed twice' });
      }
    });
  });
export type ComplaintDirectory = z.infer<typeof ComplaintDirectory>;

// ---------------------------------------------------------------------------
// The complaint

/** Where it came from: the hall's kiosk, the hotline (typed by an operator), the web form, 民心网. */
export const ComplaintChannel = z.enum(['kiosk', 'hotline', 'web', 'minxin']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** One number for every channel: the case-number series the kiosk's progress page looks up. */
export const ComplaintNumber = CaseNumber;
export type ComplaintNumber = z.infer<typeof ComplaintNumber>;

/** What the complaint is about, as the kiosk's form offers it (district-catalog.ts builds its options from here). */
export const ComplaintTopic = z.enum(['policy', 'approval', 'enforcement', 'factors', 'other']);
export type ComplaintTopic = z.infer<typeof ComplaintTopic>;

/** Each topic's label, Chinese and English; the Chinese one is the value the kiosk's form submits. */
export const COMPLAINT_TOPIC_LABELS: Readonly<Record<ComplaintTopic, readonly [string, string]>> = {
  policy: ['政策咨询', 'Policy question'],
  approval: ['审批服务', 'Approvals'],
  enforcement: ['执法监管', 'Enforcement and inspections'],
  factors: ['要素保障', 'Land, power, staff and funding'],
  other: ['其他', 'Other'],
};

/** The topic a kiosk form's value names; a value no topic has is `other`, so no complaint is lost. */
export function complaintTopicOfLabel(label: string): ComplaintTopic {
  return ComplaintTopic.options.find((topic) => COMPLAINT_TOPIC_LABELS[topic][0] === label.trim()) ?? 'other';
}

/**
 * The enterprise that complains. The credit code identifies it across channels (and finds its
 * duplicates); it is null only where the channel did not ask for it (the kiosk's form asks for
 * the company's name alone today).
 */
export const ComplaintEnterprise = z.object({
  name: name(100),
  creditCode: CreditCode.nullable(),
});
export type ComplaintEnterprise = z.infer<typeof ComplaintEnterprise>;

/** The person at the enterprise the handler calls back. Personal data: never in logs, masked in lists. */
export const ComplaintContact = z.object({
  name: name(40),
  phone: PhoneNumber,
});
export type ComplaintContact = z.infer<typeof ComplaintContact>;

/** A file filed with the complaint, described: the bytes live in the platform's file store, named by digest. */
export const ComplaintAttachment = z.object({
  id: z.uuid(),
  fileName: name(200),
  mediaType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  sizeBytes: z
    .number()
    .int()
    .positive()
    .max(20 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ComplaintAttachment = z.infer<typeof ComplaintAttachment>;

export const ComplaintText = z.string().trim().min(1).max(4000);

/** A complaint as its channel hands it over, before it has a number. */
export const NewComplaint = z
  .object({
    channel: ComplaintChannel,
    /** 民心网's own number for it, kept to send the reply back; required for `minxin`, absent elsewhere. */
    externalRef: z.string().trim().min(1).max(64).nullable(),
    enterprise: ComplaintEnterprise,
    contact: ComplaintContact,
    topic: ComplaintTopic,
    /** The street or economic zone the matter happened in; null when the enterprise did not say. */
    area: UnitCode.nullable(),
    text: ComplaintText,
    attachments: z.array(ComplaintAttachment).max(20),
  })
  .refine((c) => (c.channel === 'minxin') === (c.externalRef !== null), {
    message: 'a 民心网 complaint carries 民心网’s number, and only it does',
    path: ['externalRef'],
  });
export type NewComplaint = z.infer<typeof NewComplaint>;

/**
 * Where a complaint stands. Open: `registered` (numbered, waiting for the 营商局), `sorting` (a
 * sorter took it, or a unit sent it back), `dispatched` (sent to a lead unit and any co-units,
 * waiting for the lead's acceptance), `accepted` (the lead unit accepted it; co-units write their
 * parts), `drafted` (the lead's reply written, not yet sent for review), `under_review`,
 * `returned` (the reviewer sent the reply back with a reason), `approved` (the enterprise can read
 * the reply). Final: `closed` (办结), `evaluated` (the enterprise rated the handling),
 * `not_admitted` (不予受理, with the reason the enterprise is told), `merged` (a duplicate, handled
 * under another number).
 */
export const ComplaintState = z.enum([
  'registered',
  'sorting',
  'dispatched',
  'accepted',
  'drafted',
  'under_review',
  'returned',
  'approved',
  'closed',
  'evaluated',
  'not_admitted',
  'merged',
]);
export type ComplaintState = z.infer<typeof ComplaintState>;

/** The three stages the enterprise is told of: 受理 (receiving), 办理 (handling), 办结 (concluded). */
export const ComplaintStage = z.enum(['receiving', 'handling', 'concluded']);
export type ComplaintStage = z.infer<typeof ComplaintStage>;

const STAGE_OF: Readonly<Record<ComplaintState, ComplaintStage>> = {
  registered: 'receiving',
  sorting: 'receiving',
  dispatched: 'receiving',
  accepted: 'handling',
  drafted: 'handling',
  under_review: 'handling',
  returned: 'handling',
  approved: 'handling',
  closed: 'concluded',
  evaluated: 'concluded',
  not_admitted: 'concluded',
  merged: 'concluded',
};

export function complaintStageOf(state: ComplaintState): ComplaintStage {
  return STAGE_OF[state];
}

/** Final states: no step but the enterprise's evaluation of a closed complaint follows. */
export function isOpenComplaint(state: ComplaintState): boolean {
  return STAGE_OF[state] !== 'concluded';
}

/**
 * The status the kiosk's progress page and the hall's sync know (central-api.ts `CaseStatus`):
 * 受理 when the 营商局 has dispatched it (admitted it), 办理 once the lead unit accepted it, 办结
 * once closed. A merged complaint's own number is done (`completed`; its step names the number
 * it continues under); one not admitted is `rejected`.
 */
export function caseStatusOf(state: ComplaintState): CaseStatus {
  switch (state) {
    case 'registered':
    case 'sorting':
      return 'submitted';
    case 'dispatched':
      return 'accepted';
    case 'not_admitted':
      return 'rejected';
    case 'closed':
    case 'evaluated':
    case 'merged':
      return 'completed';
    default:
      return 'in_progress';
  }
}

/** Everything a step or a refusal can say its actor acted as. */
export const ComplaintRole = z.enum([...BureauRole.options, ...UnitDuty.options, 'enterprise', 'system']);
export type ComplaintRole = z.infer<typeof ComplaintRole>;

/** Who took a step: a person on staff in one capacity, the enterprise itself, or the platform (deadlines, imports). */
export const StepActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), personId: PersonId, name: name(40), unitCode: UnitCode, role: ComplaintRole }),
  z.object({ kind: z.literal('enterprise') }),
  z.object({ kind: z.literal('system') }),
]);
export type StepActor = z.infer<typeof StepActor>;

/** The steps a history records: the lifecycle's actions, and the supervision the deadlines produce. */
export const StepAction = z.enum([
  'register',
  'claim',
  'dispatch',
  'decline',
  'not_admit',
  'merge',
  'accept',
  'submit_part',
  'draft',
  'submit',
  'approve',
  'return',
  'close',
  'evaluate',
  'supervise',
  'supervision_order',
  'escalation',
]);
export type StepAction = z.infer<typeof StepAction>;

/**
 * One entry of a complaint's history. Every step of the lifecycle is `public`: the kiosk's
 * progress page lists it (the action, the units, `publicNote`), so the enterprise sees its
 * complaint move; `note` is for staff only (a reviewer's reason, the draft, a sorter's remark).
 * Steps between staff alone (a sorter taking the complaint, a draft saved, supervision) are
 * `internal`.
 */
export const ComplaintStep = z.object({
  at: instant,
  action: StepAction,
  /** The state before the step; null for the registration. */
  from: ComplaintState.nullable(),
  to: ComplaintState,
  actor: StepActor,
  /** The units the step concerns: the lead unit first, then co-units (dispatch); the co-unit of a part. */
  units: z.array(UnitCode),
  note: z.string().nullable(),
  publicNote: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
});
export type ComplaintStep = z.infer<typeof ComplaintStep>;

/** A text someone on staff wrote, signed. */
export const SignedText = z.object({
  text: ComplaintText,
  at: instant,
  personId: PersonId,
  name: name(40),
});
export type SignedText = z.infer<typeof SignedText>;

/** A co-unit of a joint handling (联办) and its part of the answer, null until it submits one. */
export const CoUnitPart = z.object({
  unitCode: UnitCode,
  part: SignedText.nullable(),
});
export type CoUnitPart = z.infer<typeof CoUnitPart>;

/**
 * The enterprise's evaluation of the handling, on the five levels of 好差评; the two lowest need
 * a reason, as a 差评 at the hall does.
 */
export const ComplaintEvaluation = z
  .object({
    level: EvaluationLevel,
    reason: z.string().trim().min(1).max(1000).nullable(),
    comment: z.string().trim().min(1).max(2000).nullable(),
    at: instant,
  })
  .refine((e) => !isBadEvaluation(e.level) || e.reason !== null, {
    message: 'a rating below basic needs a reason',
    path: ['reason'],
  });
export type ComplaintEvaluation = z.infer<typeof ComplaintEvaluation>;

/** A complaint with everything its handling has added, as the next step's tables will hold it. */
export const Complaint = z.object({
  number: ComplaintNumber,
  channel: ComplaintChannel,
  externalRef: z.string().nullable(),
  enterprise: ComplaintEnterprise,
  contact: ComplaintContact,
  topic: ComplaintTopic,
  area: UnitCode.nullable(),
  text: ComplaintText,
  attachments: z.array(ComplaintAttachment),
  registeredAt: instant,
  /** 办结期限: fixed at registration (the promise to the enterprise); no later calendar or rule change moves it. */
  closeDueAt: instant,
  state: ComplaintState,
  /** Set by the dispatch, cleared when the lead unit sends the complaint back to sorting. */
  leadUnit: UnitCode.nullable(),
  coUnits: z.array(CoUnitPart),
  /** The lead unit's person who accepted it: reminders of the reply go to them. */
  handler: z.object({ personId: PersonId, name: name(40) }).nullable(),
  /** The lead unit's reply: the draft, then the one under review, then the approved answer. */
  reply: SignedText.nullable(),
  /** How often the reviewer returned the reply. */
  returns: z.number().int().nonnegative(),
  mergedInto: ComplaintNumber.nullable(),
  evaluation: ComplaintEvaluation.nullable(),
  history: z.array(ComplaintStep).min(1),
});
export type Complaint = z.infer<typeof Complaint>;
