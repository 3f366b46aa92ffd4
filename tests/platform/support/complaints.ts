import type { EvaluationLevel } from '../../../contracts/central-api';
import { emptyUnitFigures, UnitFigures } from '../../../contracts/complaint-assessment';
import type { ComplaintAction, ComplaintActor } from '../../../contracts/complaint-actions';
import { NewComplaint, type BureauRole, type Complaint, type UnitDuty } from '../../../contracts/complaints';
import { DISTRICT_CALENDAR_SEED, workCalendarOf } from '../../../contracts/district-calendar';
import { DISTRICT_TIME_ZONE } from '../../../contracts/working-time';
import { applyComplaintAction, registerComplaint } from '../../../platform/services/complaint-lifecycle';

/**
 * An invented district's complaint desk for the lifecycle and deadline tests: the 营商局
 * (business-bureau), a department (market-regulation), a tax office and a street, their people,
 * and a hotline complaint. Every name and number is invented; the credit code is GB 32100-2015's
 * own example.
 */

export const district = { calendar: workCalendarOf(DISTRICT_CALENDAR_SEED), timeZone: DISTRICT_TIME_ZONE };

/** Beijing wall time (`2026-11-27T16:00`) to its instant, ISO. */
export const beijing = (wall: string): string => new Date(`${wall}:00+08:00`).toISOString();

const personId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const staff = (n: number, name: string, unitCode: string, duty: UnitDuty, bureauRoles: BureauRole[] = []): ComplaintActor => ({
  kind: 'staff',
  personId: personId(n),
  name,
  unitCode,
  duty,
  bureauRoles,
});

export const people = {
  sorter: staff(1, '分拣员', 'business-bureau', 'handler', ['sorter']),
  reviewer: staff(2, '审核员', 'business-bureau', 'handler', ['reviewer']),
  supervisor: staff(3, '督办员', 'business-bureau', 'leader', ['supervisor']),
  leadHandler: staff(4, '市场监管经办人', 'market-regulation', 'handler'),
  leadLeader: staff(5, '市场监管分管领导', 'market-regulation', 'leader'),
  streetHandler: staff(6, '街道经办人', 'street-xinghe', 'handler'),
  taxHandler: staff(7, '税务经办人', 'tax', 'handler'),
  /** A bureau handler who also reviews: the 营商局 can lead a complaint about its own service. */
  bureauHandlerReviewer: staff(8, '营商局经办人', 'business-bureau', 'handler', ['reviewer']),
  enterprise: { kind: 'enterprise' },
} satisfies Record<string, ComplaintActor>;

export const filed = NewComplaint.parse({
  channel: 'hotline',
  externalRef: null,
  enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
  contact: { name: '赵六', phone: '13800000000' },
  topic: 'approval',
  area: 'street-xinghe',
  text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
  attachments: [],
});

/** A complaint registered at `at` (Beijing wall time) with its 办结期限 as given. */
export function registered(at: string, closeDueAt: string, number = 'HK20261127000001'): Complaint {
  return registerComplaint(filed, {
    number,
    at: beijing(at),
    closeDueAt,
    actor: { kind: 'staff', personId: personId(9), name: '热线录入员', unitCode: 'business-bureau', role: 'intake' },
  });
}

/** Applies steps in order, each at its Beijing wall time; a refusal fails the test with its reason. */
export function walk(complaint: Complaint, steps: readonly (readonly [ComplaintAction, ComplaintActor, string])[]): Complaint {
  let current = complaint;
  for (const [action, actor, at] of steps) {
    const result = applyComplaintAction(current, action, actor, beijing(at));
    if (!result.ok) throw new Error(`${action.type} refused: ${JSON.stringify(result.refusal)}`);
    current = result.complaint;
  }
  return current;
}

export const act = {
  claim: { type: 'claim' },
  dispatch: (leadUnit: string, coUnits: string[] = []): ComplaintAction => ({ type: 'dispatch', leadUnit, coUnits, note: null }),
  decline: (reason: string): ComplaintAction => ({ type: 'decline', reason }),
  notAdmit: (reason: string): ComplaintAction => ({ type: 'not_admit', reason }),
  merge: (into: string): ComplaintAction => ({ type: 'merge', into }),
  accept: { type: 'accept' },
  part: (text: string): ComplaintAction => ({ type: 'submit_part', text }),
  draft: (text: string): ComplaintAction => ({ type: 'draft', text }),
  submit: { type: 'submit' },
  approve: { type: 'approve', note: null },
  return: (reason: string): ComplaintAction => ({ type: 'return', reason }),
  close: { type: 'close' },
  evaluate: (level: EvaluationLevel, reason: string | null = null): ComplaintAction => ({
    type: 'evaluate',
    level,
    reason,
    comment: null,
  }),
  supervise: (note: string): ComplaintAction => ({ type: 'supervise', note }),
} satisfies Record<string, ComplaintAction | ((...args: never[]) => ComplaintAction)>;

/**
 * A complaint dispatched on Friday 27 November to market-regulation with street-xinghe as
 * co-unit, then handled in full and in time: accepted on Monday, the street's part, a reply
 * returned once at review, redrafted, approved and closed on Friday 4 December.
 */
export const HANDLED_AFTER_FRIDAY_DISPATCH = [
  [act.accept, people.leadHandler, '2026-11-30T10:00'],
  [act.part('街道已核实。'), people.streetHandler, '2026-12-01T09:00'],
  [act.draft('答复一'), people.leadHandler, '2026-12-02T14:00'],
  [act.submit, people.leadHandler, '2026-12-02T15:00'],
  [act.return('请写明办结日期。'), people.reviewer, '2026-12-03T10:00'],
  [act.draft('答复二'), people.leadHandler, '2026-12-04T08:30'],
  [act.submit, people.leadHandler, '2026-12-04T09:00'],
  [act.approve, people.reviewer, '2026-12-04T14:00'],
  [act.close, people.reviewer, '2026-12-04T15:00'],
] as const satisfies readonly (readonly [ComplaintAction, ComplaintActor, string])[];

/** No evaluation of any level. */
const NO_EVALUATIONS = { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 };

/** A unit's figures for a period: all zero but those given. */
export function unitFigures(unitCode: string, over: Partial<UnitFigures> = {}): UnitFigures {
  return UnitFigures.parse({ ...emptyUnitFigures(unitCode), ...over });
}

/** Ten received, nine accepted on time, eight closed on time, one returned of ten reviews, 80 % satisfied, two 督办单. */
export const BUSY_UNIT = unitFigures('market-regulation', {
  received: 10,
  acceptDue: 10,
  acceptedOnTime: 9,
  closed: 8,
  closedOnTime: 8,
  reviewed: 10,
  returned: 1,
  supervised: 2,
  evaluations: { ...NO_EVALUATIONS, very_satisfied: 4, satisfied: 4, basic: 2 },
});
