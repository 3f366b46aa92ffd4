import type {
  ComplaintDeadlineRules,
  DeadlineNotice,
  DeadlineStage,
  NoticeKind,
  NoticeRecipient,
  OnTimeRate,
  Responsible,
  StageDeadline,
  SupervisionOrder,
} from '../../contracts/complaint-deadlines';
import type { Complaint, ComplaintTopic } from '../../contracts/complaints';
import {
  dueDateOf,
  endOfDate,
  instantAt,
  metDeadline,
  workingDaysOverdue,
  workingDeadline,
  type WorkingClock,
} from '../../contracts/working-time';
import { addWorkdays, previousWorkday } from '../../contracts/workdays';

/**
 * The clocks of a 营商诉求, pure: each stage's deadline read from the complaint's history, the
 * reminders and supervision it produces, and the 规定期限办结率. The stage deadlines are
 * recomputed from the history and the calendar each time (an edit of next year's holidays
 * reaches the running ones, which is what the 营商局 wants of a corrected calendar); only the
 * 办结期限, the promise to the enterprise, is fixed on the complaint at registration. The rules
 * and their defaults: contracts/complaint-deadlines.ts and docs/complaints.md.
 */

export interface DeadlineContext {
  rules: ComplaintDeadlineRules;
  clock: WorkingClock;
}

/** 办结期限 of a complaint registered at `registeredAt`: stored on it, never moved. */
export function closeDueAt(topic: ComplaintTopic, registeredAt: string, context: DeadlineContext): string {
  return workingDeadline(registeredAt, context.rules.closeWorkingDays[topic], context.clock);
}

/** Co-units' parts are due `partLeadWorkingDays` before the reply, but never before a working day has passed. */
function partWorkingDays(replyDays: number, rules: ComplaintDeadlineRules): number {
  return Math.min(replyDays, Math.max(1, replyDays - rules.partLeadWorkingDays));
}

const STAGE_ORDER: readonly DeadlineStage[] = ['sort', 'accept', 'part', 'reply', 'review', 'close'];

/**
 * Every run of every timed stage the complaint has been through, oldest first: a stage runs
 * again when its cause comes again (a second dispatch after a unit declined, a reply redone
 * after a return). Runs cut short by a decline (the reply and parts of a dispatch the unit sent
 * back) are dropped: they were never the unit's to meet.
 */
export function stageDeadlines(complaint: Complaint, context: DeadlineContext): StageDeadline[] {
  const { rules, clock } = context;
  const replyDays = rules.replyWorkingDays[complaint.topic];
  const done: StageDeadline[] = [];
  let open: StageDeadline[] = [];
  const start = (stage: DeadlineStage, at: string, days: number, responsible: Responsible) => {
    open.push({ stage, responsible, startedAt: at, dueAt: workingDeadline(at, days, clock), metAt: null });
  };
  const meet = (at: string, matches: (run: StageDeadline) => boolean) => {
    const met = open.filter(matches);
    open = open.filter((run) => !matches(run));
    done.push(...met.map((run) => ({ ...run, metAt: at })));
  };
  const isStage = (stage: DeadlineStage) => (run: StageDeadline) => run.stage === stage;
  const unitOf = (run: StageDeadline) => (run.responsible.kind === 'unit' ? run.responsible.unitCode : null);
  let lead: string | null = null;
  let handler: string | null = null;

  for (const step of complaint.history) {
    const at = step.at;
    switch (step.action) {
      case 'register':
        start('sort', at, rules.sortWorkingDays, { kind: 'bureau', role: 'sorter' });
        break;
      case 'dispatch': {
        meet(at, isStage('sort'));
        const [leadUnit, ...coUnits] = step.units;
        if (leadUnit === undefined) break;
        lead = leadUnit;
        handler = null;
        start('accept', at, rules.acceptWorkingDays, { kind: 'unit', unitCode: leadUnit, personId: null });
        for (const unitCode of coUnits) {
          start('part', at, partWorkingDays(replyDays, rules), { kind: 'unit', unitCode, personId: null });
        }
        start('reply', at, replyDays, { kind: 'unit', unitCode: leadUnit, personId: null });
        break;
      }
      case 'decline':
        meet(at, isStage('accept'));
        open = open.filter((run) => run.stage !== 'reply' && run.stage !== 'part');
        lead = null;
        handler = null;
        start('sort', at, rules.sortWorkingDays, { kind: 'bureau', role: 'sorter' });
        break;
      case 'not_admit':
      case 'merge':
        meet(at, isStage('sort'));
        break;
      case 'accept':
        meet(at, isStage('accept'));
        if (step.actor.kind === 'staff') {
          const personId = step.actor.personId;
          handler = personId;
          open = open.map((run) =>
            run.stage === 'reply' && run.responsible.kind === 'unit'
              ? { ...run, responsible: { ...run.responsible, personId } }
              : run,
          );
        }
        break;
      case 'submit_part': {
        const unitCode = step.units[0];
        meet(at, (run) => run.stage === 'part' && unitOf(run) === unitCode);
        break;
      }
      case 'submit':
        meet(at, isStage('reply'));
        start('review', at, rules.reviewWorkingDays, { kind: 'bureau', role: 'reviewer' });
        break;
      case 'approve':
        meet(at, isStage('review'));
        break;
      case 'return':
        meet(at, isStage('review'));
        if (lead !== null) start('reply', at, rules.redoWorkingDays, { kind: 'unit', unitCode: lead, personId: handler });
        break;
      default:
        break;
    }
  }

  // The promise runs from registration to the close, whoever holds the complaint meanwhile; the
  // lead unit answers for it once there is one (首办负责), the sorters before.
  const closeStep = complaint.history.find((s) => s.action === 'close' || s.action === 'not_admit' || s.action === 'merge');
  const closeRun: StageDeadline = {
    stage: 'close',
    responsible: lead === null ? { kind: 'bureau', role: 'sorter' } : { kind: 'unit', unitCode: lead, personId: handler },
    startedAt: complaint.registeredAt,
    dueAt: complaint.closeDueAt,
    metAt: closeStep?.at ?? null,
  };
  return [...done, ...open, closeRun].sort(
    (a, b) => a.startedAt.localeCompare(b.startedAt) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage),
  );
}

function keyOf(number: string, run: StageDeadline, kind: NoticeKind | 'order'): string {
  const who = run.responsible.kind === 'unit' ? run.responsible.unitCode : run.responsible.role;
  return `${number}:${run.stage}:${who}:${run.startedAt}:${kind}`;
}

/** Whoever answers for the run: the unit's handler (the one who accepted, once one did), or the role's holders. */
function answerer(responsible: Responsible): NoticeRecipient {
  return responsible.kind === 'unit'
    ? { kind: 'unit', unitCode: responsible.unitCode, duty: 'handler', personId: responsible.personId }
    : { kind: 'bureau', role: responsible.role };
}

/** Above whoever answers: the unit's leader, or the 营商局's supervisors for the bureau's own stages. */
function leaderOf(responsible: Responsible): NoticeRecipient {
  return responsible.kind === 'unit'
    ? { kind: 'unit', unitCode: responsible.unitCode, duty: 'leader', personId: null }
    : { kind: 'bureau', role: 'supervisor' };
}

/** When a run still not done is escalated: the end of the N-th working day after its due date. */
function escalationAt(run: StageDeadline, context: DeadlineContext): string {
  const { clock, rules } = context;
  const dueDate = dueDateOf(run.dueAt, clock.timeZone);
  return endOfDate(addWorkdays(dueDate, rules.escalateAfterWorkingDays, clock.calendar), clock.timeZone);
}

/**
 * The notices the complaint's open runs will produce, each at its time, whether that time has
 * come or not: the sender sends those due and not yet sent (by `key`). A done run produces none,
 * so a stage done in time is never reminded again; nothing is reminded before its run began.
 * Stage runs: `reminder_before` and `reminder_due` to whoever answers, `supervision_order` at the
 * deadline, `escalation` to the leader. The 办结期限: `leader_reminder` the working day before, then
 * its own order and escalation.
 */
export function deadlineNotices(complaint: Complaint, context: DeadlineContext): DeadlineNotice[] {
  const { clock, rules } = context;
  const notices: DeadlineNotice[] = [];
  for (const run of stageDeadlines(complaint, context)) {
    if (run.metAt !== null) continue;
    const dueDate = dueDateOf(run.dueAt, clock.timeZone);
    const dayBefore = instantAt(previousWorkday(dueDate, clock.calendar), rules.reminderTime, clock.timeZone);
    const planned: [NoticeKind, string, NoticeRecipient][] =
      run.stage === 'close'
        ? [['leader_reminder', dayBefore, leaderOf(run.responsible)]]
        : [
            ['reminder_before', dayBefore, answerer(run.responsible)],
            ['reminder_due', instantAt(dueDate, rules.reminderTime, clock.timeZone), answerer(run.responsible)],
          ];
    planned.push(['supervision_order', run.dueAt, answerer(run.responsible)]);
    planned.push(['escalation', escalationAt(run, context), leaderOf(run.responsible)]);
    for (const [kind, at, to] of planned) {
      if (Date.parse(at) <= Date.parse(run.startedAt)) continue;
      notices.push({
        key: keyOf(complaint.number, run, kind),
        complaintNumber: complaint.number,
        kind,
        stage: run.stage,
        at,
        dueAt: run.dueAt,
        to,
      });
    }
  }
  return notices.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The supervision orders (督办单) of a complaint as of `now`: one for each run whose deadline
 * passed before it was done, open until it is done, escalated once its escalation time passed
 * undone. The red list is the open ones of every complaint.
 */
export function supervisionOrders(complaint: Complaint, context: DeadlineContext, now: string): SupervisionOrder[] {
  const orders: SupervisionOrder[] = [];
  for (const run of stageDeadlines(complaint, context)) {
    const until = run.metAt ?? now;
    if (metDeadline(until, run.dueAt)) continue;
    const escalateAt = escalationAt(run, context);
    orders.push({
      key: keyOf(complaint.number, run, 'order'),
      complaintNumber: complaint.number,
      stage: run.stage,
      responsible: run.responsible,
      dueAt: run.dueAt,
      issuedAt: run.dueAt,
      escalateAt,
      escalatedAt: metDeadline(until, escalateAt) ? null : escalateAt,
      resolvedAt: run.metAt,
      workingDaysOverdue: workingDaysOverdue(until, run.dueAt, context.clock),
    });
  }
  return orders;
}

/** When the complaint was closed (办结); null if it was not, or ended otherwise (not admitted, merged). */
export function closedAtOf(complaint: Pick<Complaint, 'history'>): string | null {
  return complaint.history.find((step) => step.action === 'close')?.at ?? null;
}

/** What the rate needs of a complaint: when it closed (null: not closed) and its 办结期限. */
export interface ClosingRecord {
  closedAt: string | null;
  closeDueAt: string;
}

/**
 * 规定期限办结率: of the complaints closed, the share closed at or before their 办结期限. Open,
 * not-admitted and merged complaints are not in it (they were not closed); with none closed
 * there is no rate (null), which a screen shows as "—", never as 0 % or 100 %.
 */
export function onTimeRate(records: Iterable<ClosingRecord>): OnTimeRate {
  let closed = 0;
  let closedOnTime = 0;
  for (const record of records) {
    if (record.closedAt === null) continue;
    closed += 1;
    if (metDeadline(record.closedAt, record.closeDueAt)) closedOnTime += 1;
  }
  return { closed, closedOnTime, rate: closed === 0 ? null : closedOnTime / closed };
}
