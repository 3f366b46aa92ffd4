import { z } from 'zod';
import { BureauRole, ComplaintNumber, ComplaintTopic, PersonId, UnitCode, UnitDuty } from './complaints';

/**
 * The clocks of a 营商诉求, as the 营商局 configures them, and what they produce: each stage's
 * deadline, the reminders before it, the supervision order (督办单) when it passes and the
 * escalation to the unit's leader. Every figure counts working days of the district calendar
 * (`district-calendar.ts`) in its zone, by the rule of `working-time.ts`: due at 24:00 of the N-th
 * working day after the day the stage began. `platform/services/complaint-deadlines.ts` applies
 * them; docs/complaints.md explains the defaults.
 */

const workingDays = (max: number) => z.number().int().min(0).max(max);
const perTopic = (defaults: Readonly<Record<ComplaintTopic, number>>) =>
  z.object({
    policy: workingDays(60).default(defaults.policy),
    approval: workingDays(60).default(defaults.approval),
    enforcement: workingDays(60).default(defaults.enforcement),
    factors: workingDays(60).default(defaults.factors),
    other: workingDays(60).default(defaults.other),
  });

/** 办结期限 by topic, from registration: a policy question in 3 working days, the rest in 5 (the kiosk's promise). */
export const DEFAULT_CLOSE_WORKING_DAYS: Readonly<Record<ComplaintTopic, number>> = {
  policy: 3,
  approval: 5,
  enforcement: 5,
  factors: 5,
  other: 5,
};

/** The lead unit's reply by topic, from the dispatch: what remains of the promise after a day's sorting and a day's review. */
export const DEFAULT_REPLY_WORKING_DAYS: Readonly<Record<ComplaintTopic, number>> = {
  policy: 1,
  approval: 3,
  enforcement: 3,
  factors: 3,
  other: 3,
};

export const ComplaintDeadlineRules = z
  .object({
    /** 分拣转办: the 营商局 dispatches (or refuses, or merges) within this many working days of registration. */
    sortWorkingDays: workingDays(10).default(1),
    /** 签收: the lead unit accepts (or declines) within this many working days of the dispatch. */
    acceptWorkingDays: workingDays(5).default(1),
    /** 答复: the lead unit sends its reply for review within this many working days of the dispatch. */
    replyWorkingDays: perTopic(DEFAULT_REPLY_WORKING_DAYS).prefault({}),
    /** 联办: co-units' parts are due this many working days before the reply (at least a working day after the dispatch). */
    partLeadWorkingDays: workingDays(10).default(1),
    /** A reply returned at review is due again within this many working days of the return. */
    redoWorkingDays: workingDays(10).default(1),
    /** 审核: the reviewer approves or returns within this many working days of the submission. */
    reviewWorkingDays: workingDays(5).default(1),
    /** 办结期限: from registration, by topic; fixed on the complaint when it is registered. */
    closeWorkingDays: perTopic(DEFAULT_CLOSE_WORKING_DAYS).prefault({}),
    /** The local time reminders go out on their working day. */
    reminderTime: z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm')
      .default('09:00'),
    /** A stage still not done this many working days after its 督办单 is escalated to the unit's leader. */
    escalateAfterWorkingDays: workingDays(10).default(1),
  })
  .superRefine((rules, ctx) => {
    // The stages must fit in the promise: sorting, the reply and the review, one after another.
    for (const topic of ComplaintTopic.options) {
      const stages = rules.sortWorkingDays + rules.replyWorkingDays[topic] + rules.reviewWorkingDays;
      if (stages > rules.closeWorkingDays[topic]) {
        ctx.addIssue({
          code: 'custom',
          path: ['closeWorkingDays', topic],
          message: `sorting, reply and review take ${stages} working days, more than the ${rules.closeWorkingDays[topic]} promised`,
        });
      }
      if (rules.replyWorkingDays[topic] < rules.acceptWorkingDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['replyWorkingDays', topic],
          message: 'the reply cannot be due before the acceptance',
        });
      }
    }
  });
export type ComplaintDeadlineRules = z.infer<typeof ComplaintDeadlineRules>;
export type ComplaintDeadlineRulesInput = z.input<typeof ComplaintDeadlineRules>;

/** The rules a district starts with (docs/complaints.md). */
export const DEFAULT_DEADLINE_RULES: ComplaintDeadlineRules = ComplaintDeadlineRules.parse({});

/**
 * The timed stages: `sort` (营商局 sorter), `accept` and `reply` (the lead unit), `part` (each
 * co-unit), `review` (营商局 reviewer) and `close` (the promise to the enterprise, which the
 * 规定期限办结率 counts).
 */
export const DeadlineStage = z.enum(['sort', 'accept', 'part', 'reply', 'review', 'close']);
export type DeadlineStage = z.infer<typeof DeadlineStage>;

/** Who answers for a stage: holders of a 营商局 role, or a unit (its handler once one accepted, else all its handlers). */
export const Responsible = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bureau'), role: BureauRole }),
  z.object({ kind: z.literal('unit'), unitCode: UnitCode, personId: PersonId.nullable() }),
]);
export type Responsible = z.infer<typeof Responsible>;

/** One run of a stage: when it began, when it is due, when (if yet) it was done. */
export const StageDeadline = z.object({
  stage: DeadlineStage,
  responsible: Responsible,
  startedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  metAt: z.iso.datetime().nullable(),
});
export type StageDeadline = z.infer<typeof StageDeadline>;

/** Whom a notice reaches: people of a unit by duty (one of them when named), or holders of a bureau role. */
export const NoticeRecipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitCode: UnitCode, duty: UnitDuty, personId: PersonId.nullable() }),
  z.object({ kind: z.literal('bureau'), role: BureauRole }),
]);
export type NoticeRecipient = z.infer<typeof NoticeRecipient>;

/**
 * `reminder_before` (the working day before the due day) and `reminder_due` (the due day), at
 * the reminder time, to whoever answers for the stage; `leader_reminder`, the working day before
 * the 办结期限, to the lead unit's leader; `supervision_order` (督办单) at the deadline, to whoever
 * answers for the stage; `escalation`, when the stage is still not done some working days later,
 * to the leader.
 */
export const NoticeKind = z.enum(['reminder_before', 'reminder_due', 'leader_reminder', 'supervision_order', 'escalation']);
export type NoticeKind = z.infer<typeof NoticeKind>;

/**
 * A notice a stage will produce at `at` unless done first. `key` names it for good (number,
 * stage, unit, the stage's start, kind), so the sender keeps a set of sent keys and sends each
 * once, whichever instance or run finds it due.
 */
export const DeadlineNotice = z.object({
  key: z.string(),
  complaintNumber: ComplaintNumber,
  kind: NoticeKind,
  stage: DeadlineStage,
  at: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  to: NoticeRecipient,
});
export type DeadlineNotice = z.infer<typeof DeadlineNotice>;

/**
 * A supervision order (督办单): a stage whose deadline passed before it was done. Open until the
 * stage is done (`resolvedAt`); `escalatedAt` once it reached the leader. The red list is the
 * open ones; a unit's "supervised" count is all of them.
 */
export const SupervisionOrder = z.object({
  key: z.string(),
  complaintNumber: ComplaintNumber,
  stage: DeadlineStage,
  responsible: Responsible,
  dueAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
  escalateAt: z.iso.datetime(),
  escalatedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  /** Working days past the deadline, up to its resolution or now (at least 1). */
  workingDaysOverdue: z.number().int().positive(),
});
export type SupervisionOrder = z.infer<typeof SupervisionOrder>;

/** 规定期限办结率: closed within their 办结期限 ÷ closed; null when none was closed (no rate, not 0 %). */
export const OnTimeRate = z.object({
  closed: z.number().int().nonnegative(),
  closedOnTime: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});
export type OnTimeRate = z.infer<typeof OnTimeRate>;
