import { z } from 'zod';
import { EvaluationLevel, isBadEvaluation } from './central-api';
import {
  BureauRole,
  ComplaintNumber,
  ComplaintRole,
  ComplaintState,
  ComplaintText,
  PersonId,
  UnitCode,
  UnitDuty,
} from './complaints';

/**
 * What people do to a complaint (the bodies of the next step's routes) and why the lifecycle
 * refuses (the `details` of its 409s), and who takes which action in which states
 * (`COMPLAINT_RULES`); what each action changes is `platform/services/complaint-lifecycle.ts`;
 * docs/complaints.md has it as a table.
 */

/** A reason the other side reads: a reviewer's return, a unit's decline, a refusal to admit. */
const Reason = z.string().trim().min(1).max(1000);

/** Co-units of one joint handling: at most this many, besides the lead unit. */
export const MAX_CO_UNITS = 8;

export const ComplaintAction = z.discriminatedUnion('type', [
  /** 分拣: a sorter takes a registered complaint, so two sorters do not dispatch it twice. */
  z.object({ type: z.literal('claim') }),
  /** 转办: to one lead unit and any co-units (联办). */
  z.object({
    type: z.literal('dispatch'),
    leadUnit: UnitCode,
    coUnits: z.array(UnitCode).max(MAX_CO_UNITS),
    note: z.string().trim().min(1).max(1000).nullable(),
  }),
  /** 退回: the lead unit, before accepting, says the complaint is not its business; back to sorting. */
  z.object({ type: z.literal('decline'), reason: Reason }),
  /** 不予受理: not a matter for the platform (e.g. a court case); the enterprise is told the reason. */
  z.object({ type: z.literal('not_admit'), reason: Reason }),
  /** 合并: a duplicate goes on under the number of the complaint it repeats. */
  z.object({ type: z.literal('merge'), into: ComplaintNumber }),
  /** 签收: the lead unit accepts the complaint (due within 1 working day of the dispatch). */
  z.object({ type: z.literal('accept') }),
  /** A co-unit's part of the answer (联办意见); it may replace its part until the lead's draft. */
  z.object({ type: z.literal('submit_part'), text: ComplaintText }),
  /** The lead unit's reply, drafted (and redrafted) once every co-unit's part is in. */
  z.object({ type: z.literal('draft'), text: ComplaintText }),
  /** The lead unit sends the drafted reply to the 营商局 for review. */
  z.object({ type: z.literal('submit') }),
  /** 审核通过: the enterprise can read the reply. */
  z.object({ type: z.literal('approve'), note: z.string().trim().min(1).max(1000).nullable() }),
  /** 审核退回: back to the lead unit, with the reason it must answer. */
  z.object({ type: z.literal('return'), reason: Reason }),
  /** 办结. */
  z.object({ type: z.literal('close') }),
  /** The enterprise's evaluation of the handling, once; the two lowest levels need a reason. */
  z
    .object({
      type: z.literal('evaluate'),
      level: EvaluationLevel,
      reason: z.string().trim().min(1).max(1000).nullable(),
      comment: z.string().trim().min(1).max(2000).nullable(),
    })
    .refine((e) => !isBadEvaluation(e.level) || e.reason !== null, {
      message: 'a rating below basic needs a reason',
      path: ['reason'],
    }),
  /** 跟踪督办: a supervisor's remark on an open complaint, for the unit to act on. */
  z.object({ type: z.literal('supervise'), note: Reason }),
]);
export type ComplaintAction = z.infer<typeof ComplaintAction>;
export type ComplaintActionType = ComplaintAction['type'];

/**
 * Who acts, as the platform knows them after sign-in: a person on staff with their unit, duty and
 * bureau roles (from the directory, never from the request), or the enterprise that filed the
 * complaint (the kiosk's card session or the web form's verified phone).
 */
export const ComplaintActor = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    personId: PersonId,
    name: z.string().trim().min(1).max(40),
    unitCode: UnitCode,
    duty: UnitDuty,
    bureauRoles: z.array(BureauRole),
  }),
  z.object({ kind: z.literal('enterprise') }),
]);
export type ComplaintActor = z.infer<typeof ComplaintActor>;

/**
 * Why the lifecycle refused, checked in this order: `wrong_role` (the actor never does this),
 * `wrong_state` (not now), `wrong_unit` (staff of another unit than the one that must act),
 * then what the action lacks: `reason_required`, `text_required`, `invalid_units` (the lead among
 * the co-units, a co-unit twice), `co_unit_parts_missing` (the lead drafts only with every part
 * in), `merge_into_self`, `own_reply` (a reviewer does not review a reply they drafted).
 */
export const ComplaintRefusal = z.discriminatedUnion('code', [
  z.object({ code: z.literal('wrong_role'), needs: z.array(ComplaintRole) }),
  z.object({ code: z.literal('wrong_state'), state: ComplaintState, allowedIn: z.array(ComplaintState) }),
  z.object({ code: z.literal('wrong_unit'), needs: z.array(UnitCode) }),
  z.object({ code: z.literal('reason_required') }),
  z.object({ code: z.literal('text_required') }),
  z.object({ code: z.literal('invalid_units'), problem: z.enum(['lead_among_co_units', 'co_unit_twice']) }),
  z.object({ code: z.literal('co_unit_parts_missing'), units: z.array(UnitCode) }),
  z.object({ code: z.literal('merge_into_self') }),
  z.object({ code: z.literal('own_reply') }),
]);
export type ComplaintRefusal = z.infer<typeof ComplaintRefusal>;

/**
 * Who may take an action: holders of a 营商局 role, staff of the lead unit, staff of a co-unit, or
 * the enterprise. Within a unit, its leader may do what its handlers do: a leader who answers
 * for the unit may also act for it.
 */
export type ComplaintRuleWho = { kind: 'bureau'; role: BureauRole } | { kind: 'lead' } | { kind: 'co' } | { kind: 'enterprise' };

/**
 * The enterprise evaluates through the kiosk, or by phone when the 营商局 calls it back (回访):
 * then a person of this bureau role records the evaluation for it, and the step still names the
 * enterprise.
 */
export const EVALUATION_RECORDED_BY: BureauRole = 'intake';

/** In which states an action is taken, and by whom. */
export interface ComplaintRule {
  from: readonly ComplaintState[];
  who: ComplaintRuleWho;
}

const SORTABLE: readonly ComplaintState[] = ['registered', 'sorting'];
const OPEN: readonly ComplaintState[] = [
  'registered',
  'sorting',
  'dispatched',
  'accepted',
  'drafted',
  'under_review',
  'returned',
  'approved',
];

/**
 * The table: state × action × role, the one rule the platform's lifecycle applies
 * (platform/services/complaint-lifecycle.ts, which holds what each action changes) and the
 * console reads to offer only the forms a person may use.
 */
export const COMPLAINT_RULES: Readonly<Record<ComplaintActionType, ComplaintRule>> = {
  claim: { from: ['registered'], who: { kind: 'bureau', role: 'sorter' } },
  dispatch: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  not_admit: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  merge: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  decline: { from: ['dispatched'], who: { kind: 'lead' } },
  accept: { from: ['dispatched'], who: { kind: 'lead' } },
  // Co-units work beside the lead from the dispatch on, and again after a return.
  submit_part: { from: ['dispatched', 'accepted', 'returned'], who: { kind: 'co' } },
  draft: { from: ['accepted', 'drafted', 'returned'], who: { kind: 'lead' } },
  submit: { from: ['drafted'], who: { kind: 'lead' } },
  approve: { from: ['under_review'], who: { kind: 'bureau', role: 'reviewer' } },
  return: { from: ['under_review'], who: { kind: 'bureau', role: 'reviewer' } },
  close: { from: ['approved'], who: { kind: 'bureau', role: 'reviewer' } },
  evaluate: { from: ['closed'], who: { kind: 'enterprise' } },
  supervise: { from: OPEN, who: { kind: 'bureau', role: 'supervisor' } },
};
