import type { EvaluationLevel } from '../../contracts/central-api';
import type { ComplaintAction, ComplaintActor } from '../../contracts/complaint-actions';
import type { ComplaintDeadlineRules } from '../../contracts/complaint-deadlines';
import type { Complaint } from '../../contracts/complaints';
import { applyComplaintAction } from '../../platform/services/complaint-lifecycle';
import type { StaffActor } from './complaint-history-directory';
import type { Random, WorkClock } from './complaint-history-clock';

/**
 * One generated 营商诉求 lived from its registration to where it stands at the history's end
 * (complaint-history.ts), every step through the platform's own lifecycle
 * (`applyComplaintAction`), so the history is one the platform could have written: sorted (some
 * claimed first, a few not admitted or merged into the complaint they repeat), dispatched to a
 * lead unit and sometimes co-units, now and then declined and dispatched again, accepted, the
 * co-units' parts, drafted, submitted, returned at review and redone, approved, closed, and
 * often evaluated. Each stage is done in time or late by the unit's own habit, and a late one
 * often draws a supervisor's 督办 remark before it is done. A step that would fall after the end
 * is not taken, so the last days' complaints are still open; a few recent ones stall for the
 * red list.
 */

/** The people and habits of the district. */
export interface District {
  rules: ComplaintDeadlineRules;
  clock: WorkClock;
  random: Random;
  sorters: readonly StaffActor[];
  reviewers: readonly StaffActor[];
  supervisors: readonly StaffActor[];
  handlers: ReadonlyMap<string, readonly StaffActor[]>;
  leaders: ReadonlyMap<string, StaffActor>;
  /** How much likelier than the district's usual a unit is to miss a deadline (0.3 … 2.5). */
  lateness: ReadonlyMap<string, number>;
  unitName(code: string): string;
}

/** What the sorter will decide, drawn with the complaint. */
export interface Plan {
  /** The earlier complaint it repeats: merged into it. */
  mergeInto: string | null;
  lead: string;
  coUnits: readonly string[];
  /** The unit it goes to when the first lead declines it; null when none does. */
  redispatchTo: string | null;
  /** Steps after which it stalls (the red list), or null. */
  stallAfter: number | null;
}

/** The last instant of the history: no step is taken after it. */
const MINUTE_MS = 60_000;

const NOT_ADMITTED = [
  '属于司法诉讼程序中的事项，请通过法院依法解决',
  '诉求内容不明确，已电话告知补充后重新提交',
  '属于企业间合同纠纷，不属于营商环境诉求受理范围',
];
const DECLINED = ['该事项不属于本单位职责，建议转相关主管部门', '经核实该企业不在本辖区，请重新分拨'];
const RETURNED = ['答复未回应企业提出的具体问题，请补充办理措施和时限', '答复未附政策依据，请补充', '请与企业当面沟通后再行答复'];
const BAD_REASONS = ['问题未实际解决', '办理时间过长', '答复敷衍'];

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

class Life {
  private last: number;
  stopped = false;

  constructor(
    public complaint: Complaint,
    private readonly district: District,
    private readonly end: number,
    private readonly stallAfter: number | null,
  ) {
    this.last = Date.parse(complaint.registeredAt);
  }

  get lastAt(): number {
    return this.last;
  }

  /** Takes the step at `at` (never before the last one); false, and nothing more, once past the end. */
  act(action: ComplaintAction, actor: ComplaintActor, at: number): boolean {
    if (this.stopped) return false;
    const when = Math.max(at, this.last + MINUTE_MS);
    if (when > this.end || (this.stallAfter !== null && this.complaint.history.length >= this.stallAfter)) {
      this.stopped = true;
      return false;
    }
    const next = applyComplaintAction(this.complaint, action, actor, new Date(when).toISOString());
    if (!next.ok)
      throw new Error(`the generated history took a step the lifecycle refuses: ${action.type}, ${next.refusal.code}`);
    this.complaint = next.complaint;
    this.last = when;
    return true;
  }

  /**
   * When a stage with `deadline` that may start at `after` is done: late with the unit's odds.
   * A late one often has a supervisor's remark (督办) the working day after its deadline.
   */
  doneBy(after: number, deadline: string, lateShare: number, stage: string): number {
    const { clock, random } = this.district;
    if (random() >= lateShare && after <= Date.parse(deadline)) return clock.withinDeadline(after, deadline);
    const at = clock.afterDeadline(after, deadline);
    if (random() < 0.6) {
      const remarkAt = Math.max(clock.dayAfterDeadline(deadline), this.last + MINUTE_MS);
      if (remarkAt < at - MINUTE_MS) {
        const note = `${stage}已超过期限，请于今日内办理并报告进展`;
        this.act({ type: 'supervise', note }, pick(random, this.district.supervisors), remarkAt);
      }
    }
    return at;
  }
}

function evaluation(random: Random, lateness: number): { level: EvaluationLevel; reason: string | null } {
  const r = random() * (1 + (lateness - 1) * 0.3);
  if (r < 0.55) return { level: 'very_satisfied', reason: null };
  if (r < 0.85) return { level: 'satisfied', reason: null };
  if (r < 0.95) return { level: 'basic', reason: null };
  return { level: r < 1.02 ? 'dissatisfied' : 'very_dissatisfied', reason: pick(random, BAD_REASONS) };
}

/** The complaint as it stands at `end`, lived by the plan. */
export function liveComplaint(registered: Complaint, plan: Plan, district: District, end: number): Complaint {
  const { clock, random, rules } = district;
  const life = new Life(registered, district, end, plan.stallAfter);
  const late = (unit: string, share: number) => share * (district.lateness.get(unit) ?? 1);
  const sorter = pick(random, district.sorters);
  const registeredAt = Date.parse(registered.registeredAt);
  const sortDue = clock.deadlineAfter(registeredAt, rules.sortWorkingDays);

  if (random() < 0.3) life.act({ type: 'claim' }, sorter, clock.soon(registeredAt));
  if (plan.mergeInto !== null) {
    life.act({ type: 'merge', into: plan.mergeInto }, sorter, life.doneBy(life.lastAt, sortDue, 0.03, '分拣转办'));
    return life.complaint;
  }
  if (random() < 0.015) {
    const at = life.doneBy(life.lastAt, sortDue, 0.03, '分拣转办');
    life.act({ type: 'not_admit', reason: pick(random, NOT_ADMITTED) }, sorter, at);
    return life.complaint;
  }

  const handlerOf = (unit: string): StaffActor => {
    const leader = district.leaders.get(unit);
    if (leader !== undefined && random() < 0.05) return leader;
    return pick(random, district.handlers.get(unit) ?? []);
  };
  const dispatch = (lead: string, coUnits: readonly string[], due: string): number | null => {
    const at = life.doneBy(life.lastAt, due, 0.04, '分拣转办');
    const note = coUnits.length > 0 ? '请牵头单位会同协办单位办理' : null;
    return life.act({ type: 'dispatch', leadUnit: lead, coUnits: [...coUnits], note }, sorter, at) ? at : null;
  };

  let lead = plan.lead;
  let coUnits = plan.coUnits;
  let dispatchedAt = dispatch(lead, coUnits, sortDue);
  if (dispatchedAt === null) return life.complaint;
  if (plan.redispatchTo !== null) {
    const declineAt = clock.withinDeadline(dispatchedAt, clock.deadlineAfter(dispatchedAt, rules.acceptWorkingDays));
    if (!life.act({ type: 'decline', reason: pick(random, DECLINED) }, handlerOf(lead), declineAt)) return life.complaint;
    lead = plan.redispatchTo;
    coUnits = coUnits.filter((unit) => unit !== lead);
    dispatchedAt = dispatch(lead, coUnits, clock.deadlineAfter(declineAt, rules.sortWorkingDays));
    if (dispatchedAt === null) return life.complaint;
  }

  // The lead's acceptance and the co-units' parts run side by side: taken in the order they fall.
  const replyDays = rules.replyWorkingDays[registered.topic];
  const partDays = Math.min(replyDays, Math.max(1, replyDays - rules.partLeadWorkingDays));
  const handler = handlerOf(lead);
  const acceptAt = life.doneBy(
    dispatchedAt,
    clock.deadlineAfter(dispatchedAt, rules.acceptWorkingDays),
    late(lead, 0.06),
    '签收',
  );
  const events: { at: number; action: ComplaintAction; actor: StaffActor }[] = [
    { at: acceptAt, action: { type: 'accept' }, actor: handler },
  ];
  const partDue = clock.deadlineAfter(dispatchedAt, partDays);
  for (const unit of coUnits) {
    const at = life.doneBy(dispatchedAt, partDue, late(unit, 0.08), '联办意见');
    events.push({
      at,
      action: { type: 'submit_part', text: `${district.unitName(unit)}意见：已按职责核查，同意牵头单位处理意见。` },
      actor: handlerOf(unit),
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) if (!life.act(event.action, event.actor, event.at)) return life.complaint;

  const reviewer = pick(random, district.reviewers);
  const replyText = `经${district.unitName(lead)}核查：企业反映的问题已协调处理，后续将跟踪落实，如有疑问请致电经办人。`;
  let replyDue = clock.deadlineAfter(dispatchedAt, replyDays);
  for (let round = 0; ; round++) {
    const draftAt = life.doneBy(life.lastAt, replyDue, late(lead, 0.07), '答复');
    if (!life.act({ type: 'draft', text: round === 0 ? replyText : `${replyText}（已按审核意见补充）` }, handler, draftAt)) {
      return life.complaint;
    }
    if (!life.act({ type: 'submit' }, handler, clock.soon(draftAt))) return life.complaint;
    const reviewAt = life.doneBy(life.lastAt, clock.deadlineAfter(life.lastAt, rules.reviewWorkingDays), 0.04, '审核');
    const returnShare = round === 0 ? late(lead, 0.1) : 0.04;
    if (random() >= returnShare) {
      if (!life.act({ type: 'approve', note: null }, reviewer, reviewAt)) return life.complaint;
      break;
    }
    if (!life.act({ type: 'return', reason: pick(random, RETURNED) }, reviewer, reviewAt)) return life.complaint;
    replyDue = clock.deadlineAfter(reviewAt, rules.redoWorkingDays);
    const reviser = coUnits.find(() => random() < 0.2);
    if (reviser !== undefined) {
      const text = `${district.unitName(reviser)}补充意见：已与企业沟通，问题已解决。`;
      life.act({ type: 'submit_part', text }, handlerOf(reviser), clock.withinDeadline(reviewAt, replyDue));
    }
  }
  const closedAt = clock.soon(life.lastAt);
  if (!life.act({ type: 'close' }, reviewer, closedAt)) return life.complaint;

  if (random() < 0.6) {
    const { level, reason } = evaluation(random, district.lateness.get(lead) ?? 1);
    const at = closedAt + Math.floor((1 + random() * 119) * 3_600_000);
    life.act({ type: 'evaluate', level, reason, comment: null }, { kind: 'enterprise' }, at);
  }
  return life.complaint;
}
