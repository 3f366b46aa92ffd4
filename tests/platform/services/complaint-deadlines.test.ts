import { describe, expect, it } from 'vitest';
import { ComplaintDeadlineRules, DEFAULT_DEADLINE_RULES } from '../../../contracts/complaint-deadlines';
import type { Complaint } from '../../../contracts/complaints';
import {
  closeDueAt,
  closedAtOf,
  deadlineNotices,
  onTimeRate,
  stageDeadlines,
  supervisionOrders,
} from '../../../platform/services/complaint-deadlines';
import { act, beijing, district, HANDLED_AFTER_FRIDAY_DISPATCH, people, registered, walk } from '../support/complaints';

const context = { rules: DEFAULT_DEADLINE_RULES, clock: district };
const personOf = (actor: (typeof people)['leadHandler']) => (actor.kind === 'staff' ? actor.personId : null);

/** Registered on Friday 27 November 2026 at 10:00, an approvals complaint: 办结 within 5 working days. */
function friday(): Complaint {
  return registered('2026-11-27T10:00', closeDueAt('approval', beijing('2026-11-27T10:00'), context));
}

/** Dispatched on Friday at 16:00 to market-regulation with the street as co-unit. */
function dispatchedFriday(): Complaint {
  return walk(friday(), [[act.dispatch('market-regulation', ['street-xinghe']), people.sorter, '2026-11-27T16:00']]);
}

describe('complaint deadlines', () => {
  it('fixes the 办结期限 at registration: 5 working days, 3 for a policy question', () => {
    expect(friday().closeDueAt).toBe(beijing('2026-12-05T00:00')); // the end of Friday 4 December
    expect(closeDueAt('policy', beijing('2026-11-27T10:00'), context)).toBe(beijing('2026-12-03T00:00'));
    // Registered on 30 September 2026: 国庆 is skipped and Saturday 10 October is worked.
    expect(closeDueAt('approval', beijing('2026-09-30T10:00'), context)).toBe(beijing('2026-10-14T00:00'));
  });

  it('times every stage a complaint goes through, from its history', () => {
    const complaint = walk(dispatchedFriday(), HANDLED_AFTER_FRIDAY_DISPATCH);
    const lead = { kind: 'unit', unitCode: 'market-regulation', personId: personOf(people.leadHandler) };
    expect(stageDeadlines(complaint, context).map((r) => [r.stage, r.responsible, r.dueAt, r.metAt])).toEqual([
      ['sort', { kind: 'bureau', role: 'sorter' }, beijing('2026-12-01T00:00'), beijing('2026-11-27T16:00')],
      ['close', lead, beijing('2026-12-05T00:00'), beijing('2026-12-04T15:00')],
      // Friday 16:00 + 1 working day: Monday 24:00.
      ['accept', { ...lead, personId: null }, beijing('2026-12-01T00:00'), beijing('2026-11-30T10:00')],
      [
        'part',
        { kind: 'unit', unitCode: 'street-xinghe', personId: null },
        beijing('2026-12-02T00:00'),
        beijing('2026-12-01T09:00'),
      ],
      ['reply', lead, beijing('2026-12-03T00:00'), beijing('2026-12-02T15:00')],
      ['review', { kind: 'bureau', role: 'reviewer' }, beijing('2026-12-04T00:00'), beijing('2026-12-03T10:00')],
      // The reply redone within a working day of the return.
      ['reply', lead, beijing('2026-12-05T00:00'), beijing('2026-12-04T09:00')],
      ['review', { kind: 'bureau', role: 'reviewer' }, beijing('2026-12-08T00:00'), beijing('2026-12-04T14:00')],
    ]);
  });

  it('reminds the handler the working day before and on the due day, never before the stage began', () => {
    const notices = deadlineNotices(dispatchedFriday(), context).filter((n) => n.stage === 'accept');
    const handlers = { kind: 'unit', unitCode: 'market-regulation', duty: 'handler', personId: null };
    expect(notices.map((n) => [n.kind, n.at, n.to])).toEqual([
      // The working day before Monday is Friday, 09:00: before the 16:00 dispatch, so not sent.
      ['reminder_due', beijing('2026-11-30T09:00'), handlers],
      ['supervision_order', beijing('2026-12-01T00:00'), handlers],
      ['escalation', beijing('2026-12-02T00:00'), { ...handlers, duty: 'leader' }],
    ]);
  });

  it('reminds the handler who accepted of the reply, and the leader before the 办结期限', () => {
    const accepted = walk(dispatchedFriday(), [[act.accept, people.leadHandler, '2026-11-30T10:00']]);
    const notices = deadlineNotices(accepted, context);
    expect(notices.some((n) => n.stage === 'accept')).toBe(false);
    const reply = notices.filter((n) => n.stage === 'reply').map((n) => [n.kind, n.at, n.to.kind === 'unit' && n.to.personId]);
    expect(reply).toEqual([
      ['reminder_before', beijing('2026-12-01T09:00'), personOf(people.leadHandler)],
      ['reminder_due', beijing('2026-12-02T09:00'), personOf(people.leadHandler)],
      ['supervision_order', beijing('2026-12-03T00:00'), personOf(people.leadHandler)],
      ['escalation', beijing('2026-12-04T00:00'), null],
    ]);
    expect(notices.find((n) => n.kind === 'leader_reminder')).toMatchObject({
      stage: 'close',
      at: beijing('2026-12-03T09:00'),
      to: { kind: 'unit', unitCode: 'market-regulation', duty: 'leader' },
    });
    const part = notices.filter((n) => n.stage === 'part').map((n) => [n.kind, n.at]);
    expect(part[0]).toEqual(['reminder_before', beijing('2026-11-30T09:00')]);
    // Keys name each notice for good, so a sender sends it once.
    expect(new Set(notices.map((n) => n.key)).size).toBe(notices.length);
  });

  it('counts 国庆 2026 in the reminders and deadlines of a complaint dispatched just before it', () => {
    const complaint = walk(registered('2026-09-30T09:00', closeDueAt('approval', beijing('2026-09-30T09:00'), context)), [
      [act.dispatch('market-regulation'), people.sorter, '2026-09-30T11:00'],
    ]);
    const runs = stageDeadlines(complaint, context);
    expect(runs.find((r) => r.stage === 'accept')?.dueAt).toBe(beijing('2026-10-09T00:00')); // Thursday 8 October
    expect(runs.find((r) => r.stage === 'reply')?.dueAt).toBe(beijing('2026-10-11T00:00')); // Saturday 10 October, worked
    const reply = deadlineNotices(complaint, context).filter((n) => n.stage === 'reply');
    expect(reply.map((n) => [n.kind, n.at])).toEqual([
      ['reminder_before', beijing('2026-10-09T09:00')],
      ['reminder_due', beijing('2026-10-10T09:00')],
      ['supervision_order', beijing('2026-10-11T00:00')],
      // One working day after Saturday 10 October is Monday 12 October.
      ['escalation', beijing('2026-10-13T00:00')],
    ]);
  });

  it('issues a 督办单 for each stage missed, escalates it, and closes it when the stage is done', () => {
    const waiting = dispatchedFriday();
    const wednesday = beijing('2026-12-02T10:00');
    const orders = supervisionOrders(waiting, context, wednesday);
    expect(
      orders.map((o) => [o.stage, o.responsible.kind === 'unit' && o.responsible.unitCode, o.escalatedAt, o.workingDaysOverdue]),
    ).toEqual([
      // Due Monday 24:00, escalated at Tuesday 24:00, two working days late on Wednesday.
      ['accept', 'market-regulation', beijing('2026-12-02T00:00'), 2],
      // The street's part was due Tuesday 24:00: late, not escalated yet.
      ['part', 'street-xinghe', null, 1],
    ]);
    expect(orders.every((o) => o.resolvedAt === null)).toBe(true);

    const acceptedLate = walk(waiting, [[act.accept, people.leadHandler, '2026-12-02T11:00']]);
    const accept = supervisionOrders(acceptedLate, context, beijing('2026-12-03T10:00')).find((o) => o.stage === 'accept');
    expect(accept).toMatchObject({
      resolvedAt: beijing('2026-12-02T11:00'),
      escalatedAt: beijing('2026-12-02T00:00'),
      workingDaysOverdue: 2,
    });
    // Done, it produces no more notices.
    expect(deadlineNotices(acceptedLate, context).some((n) => n.stage === 'accept')).toBe(false);
  });

  it('holds the 营商局 to its own stages: a sort missed goes to the sorters, escalated to the supervisors', () => {
    const orders = supervisionOrders(friday(), context, beijing('2026-12-02T10:00'));
    expect(orders.map((o) => [o.stage, o.responsible, o.escalatedAt])).toEqual([
      ['sort', { kind: 'bureau', role: 'sorter' }, beijing('2026-12-02T00:00')],
    ]);
    const escalation = deadlineNotices(friday(), context).find((n) => n.stage === 'sort' && n.kind === 'escalation');
    expect(escalation?.to).toEqual({ kind: 'bureau', role: 'supervisor' });
  });

  it('drops the reply a declining unit never had, and times the new dispatch afresh', () => {
    const redispatched = walk(dispatchedFriday(), [
      [act.decline('属于税务部门职责。'), people.leadHandler, '2026-11-30T09:00'],
      [act.dispatch('tax'), people.sorter, '2026-11-30T11:00'],
    ]);
    const runs = stageDeadlines(redispatched, context).map((r) => [
      r.stage,
      r.responsible.kind === 'unit' ? r.responsible.unitCode : r.responsible.role,
      r.metAt !== null,
    ]);
    expect(runs).toEqual([
      ['sort', 'sorter', true],
      ['close', 'tax', false],
      ['accept', 'market-regulation', true],
      ['sort', 'sorter', true],
      ['accept', 'tax', false],
      ['reply', 'tax', false],
    ]);
  });

  it('computes the 规定期限办结率 over closed complaints only, the deadline itself counting as on time', () => {
    const due = beijing('2026-12-05T00:00');
    const records = [
      { closedAt: beijing('2026-12-04T15:00'), closeDueAt: due },
      { closedAt: due, closeDueAt: due },
      { closedAt: new Date(Date.parse(due) + 1000).toISOString(), closeDueAt: due },
      { closedAt: null, closeDueAt: due },
    ];
    expect(onTimeRate(records)).toEqual({ closed: 3, closedOnTime: 2, rate: 2 / 3 });
    expect(onTimeRate([])).toEqual({ closed: 0, closedOnTime: 0, rate: null });
  });

  it('takes the closing time from the history, and none from a complaint not admitted', () => {
    const closed = walk(dispatchedFriday(), [
      [act.accept, people.leadHandler, '2026-11-30T10:00'],
      [act.part('街道已核实。'), people.streetHandler, '2026-11-30T11:00'],
      [act.draft('答复'), people.leadHandler, '2026-11-30T14:00'],
      [act.submit, people.leadHandler, '2026-11-30T14:05'],
      [act.approve, people.reviewer, '2026-11-30T16:00'],
      [act.close, people.reviewer, '2026-11-30T16:30'],
    ]);
    const refused = walk(friday(), [[act.notAdmit('属于司法程序处理的事项。'), people.sorter, '2026-11-27T11:00']]);
    expect(closedAtOf(closed)).toBe(beijing('2026-11-30T16:30'));
    expect(closedAtOf(refused)).toBeNull();
    expect(onTimeRate([closed, refused].map((c) => ({ closedAt: closedAtOf(c), closeDueAt: c.closeDueAt })))).toEqual({
      closed: 1,
      closedOnTime: 1,
      rate: 1,
    });
  });

  it('keeps a district’s rules within its promise', () => {
    expect(DEFAULT_DEADLINE_RULES.closeWorkingDays).toEqual({ policy: 3, approval: 5, enforcement: 5, factors: 5, other: 5 });
    const tooSlow = ComplaintDeadlineRules.safeParse({ replyWorkingDays: { policy: 5 } });
    expect(tooSlow.success).toBe(false);
    expect(tooSlow.error?.issues[0]?.path).toEqual(['closeWorkingDays', 'policy']);
    expect(
      ComplaintDeadlineRules.safeParse({ replyWorkingDays: { factors: 8 }, closeWorkingDays: { factors: 10 } }).success,
    ).toBe(true);
    expect(ComplaintDeadlineRules.safeParse({ reminderTime: '9:00' }).success).toBe(false);
  });
});
