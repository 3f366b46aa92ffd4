import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewOutcomeRequest } from '../../../contracts/central-api';
import type { Db } from '../../../db/open';
import { listAudit } from '../../../db/repositories/audit';
import { insertEvaluation } from '../../../db/repositories/evaluations';
import { openHallDb, tempDir, type TempDir } from '../sync/support';
import { HallClock, rateBadly, refusalOf, reviewHarness, seedReviewStaff, type ReviewStaff } from './support';

let tmp: TempDir;
let db: Db;
let clock: HallClock;
let staff: ReviewStaff;

beforeEach(() => {
  tmp = tempDir('reviews-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  // Friday 27 November 2026, 10:00 in the hall.
  clock = new HallClock('2026-11-27T10:00:00');
  staff = seedReviewStaff(db);
});
afterEach(() => {
  if (db.open) db.close();
  tmp.cleanup();
});

const outbox = () =>
  db
    .prepare(
      `SELECT kind, record_id AS recordId, idempotency_key AS idempotencyKey, ordering_key AS orderingKey, payload FROM outbox`,
    )
    .all() as {
    kind: string;
    recordId: string;
    idempotencyKey: string;
    orderingKey: string;
    payload: string;
  }[];

describe('ReviewService: the deadline, in working days of the hall calendar', () => {
  it('is 5 working days after the rating: across a weekend', () => {
    const { reviews } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    expect(reviews.detail(id)).toMatchObject({ ratedDate: '2026-11-27', dueDate: '2026-12-04', workingDaysLeft: 5 });
  });

  it('skips a holiday and counts a 调休 Saturday', () => {
    const holiday = reviewHarness(db, clock, { holidays: ['2026-12-01'], extraWorkdays: [] });
    expect(holiday.reviews.detail(rateBadly(db, clock, holiday.reviews)).dueDate).toBe('2026-12-07');

    const makeUp = reviewHarness(db, clock, { holidays: [], extraWorkdays: ['2026-11-28'] });
    expect(makeUp.reviews.detail(rateBadly(db, clock, makeUp.reviews)).dueDate).toBe('2026-12-03');

    const both = reviewHarness(db, clock, { holidays: ['2026-12-01', '2026-12-02'], extraWorkdays: ['2026-11-28'] });
    expect(both.reviews.detail(rateBadly(db, clock, both.reviews)).dueDate).toBe('2026-12-07');
  });

  it('counts from the hall-local date of the rating, not the UTC one, and follows the hall setting', () => {
    const { reviews, settings } = reviewHarness(db, clock);
    // Monday 00:30 in the hall is still Sunday in UTC: due the next Monday, not Friday.
    clock.set('2026-11-30T00:30:00');
    expect(reviews.detail(rateBadly(db, clock, reviews))).toMatchObject({ ratedDate: '2026-11-30', dueDate: '2026-12-07' });
    settings.rectifyWorkingDays = 7;
    expect(reviews.detail(rateBadly(db, clock, reviews)).dueDate).toBe('2026-12-09');
  });

  it('keeps a promise made when the calendar changes later', () => {
    const h = reviewHarness(db, clock);
    const id = rateBadly(db, clock, h.reviews);
    h.calendar.holidays.push('2026-12-01');
    expect(h.reviews.detail(id).dueDate).toBe('2026-12-04');
  });
});

describe('ReviewService: the loop', () => {
  it('runs assign → verify → rectify → callback → close, each step audited, announced and shown', () => {
    const { reviews, events } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    expect(reviews.detail(id)).toMatchObject({ status: 'open', next: ['assign'], handler: null });

    expect(reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor)).toMatchObject({
      handler: { staffNumber: '1001', by: '9001' },
      // The handler may still change; the appeal waits for the verification.
      next: ['assign', 'verify'],
    });
    expect(reviews.verify(id, { verification: '调取录像，情况属实' }, staff.supervisor).next).toEqual([
      'assign',
      'rectify',
      'appeal',
    ]);
    clock.set('2026-12-02T15:00:00');
    expect(reviews.rectify(id, { rectification: '已对窗口人员进行提醒谈话' }, staff.supervisor)).toMatchObject({
      rectification: { onTime: true, by: '9001' },
      workingDaysLeft: null,
      next: ['callback', 'appeal'],
    });
    clock.set('2026-12-03T09:00:00');
    const calledBack = reviews.callback(
      id,
      { calledAt: '2026-12-02T16:00:00+08:00', result: '群众表示认可', rating: 'basically_satisfied' },
      staff.otherSupervisor,
    );
    expect(calledBack.callback).toEqual({
      result: '群众表示认可',
      rating: 'basically_satisfied',
      at: '2026-12-02T08:00:00.000Z',
      by: '9002',
    });
    const closed = reviews.close(id, staff.supervisor);
    expect(closed).toMatchObject({ status: 'closed', closed: { by: '9001' }, next: [] });

    const audited = listAudit(db, { limit: 100 }).filter((a) => a.action.startsWith('review.'));
    expect(audited.map((a) => [a.action, a.details?.evaluationId])).toEqual(
      ['assign', 'verify', 'rectify', 'callback', 'close'].map((step) => [`review.${step}`, id]),
    );
    // Facts only: what the supervisor typed stays out of the audit log.
    expect(JSON.stringify(audited)).not.toContain('提醒谈话');
    expect(events.filter((e) => e.type === 'review.updated').map((e) => (e.type === 'review.updated' ? e.step : ''))).toEqual([
      'assign',
      'verify',
      'rectify',
      'callback',
      'close',
    ]);
  });

  it('masks ID and mobile numbers in what the citizen and the supervisors wrote', () => {
    const { reviews } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor);
    const verified = reviews.verify(id, { verification: '群众电话 13912345678，身份证 11010519491231002X' }, staff.supervisor);
    expect(verified.comment).toBe('请联系我 138****8000');
    expect(verified.verification?.text).toBe('群众电话 139****5678，身份证 110105********002X');
  });

  it('refuses every step out of order with a typed 409', () => {
    const { reviews } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    const needs = (fn: () => unknown) => refusalOf(fn);
    const { supervisor } = staff;

    expect(needs(() => reviews.verify(id, { verification: 'x' }, supervisor))).toEqual({
      code: 'review_out_of_order',
      details: { step: 'verify', needs: 'assigned' },
    });
    reviews.assign(id, { handlerStaffNumber: '1001' }, supervisor);
    expect(needs(() => reviews.rectify(id, { rectification: 'x' }, supervisor)).details).toEqual({
      step: 'rectify',
      needs: 'verified',
    });
    expect(needs(() => reviews.appeal(id, { reason: 'x' }, supervisor)).details).toEqual({ step: 'appeal', needs: 'verified' });
    reviews.verify(id, { verification: '属实' }, supervisor);
    expect(needs(() => reviews.verify(id, { verification: '再次核实' }, supervisor))).toEqual({
      code: 'review_step_done',
      details: { step: 'verify' },
    });
    expect(needs(() => reviews.callback(id, { result: 'x', rating: 'satisfied' }, supervisor)).details).toEqual({
      step: 'callback',
      needs: 'rectified',
    });
    expect(needs(() => reviews.decide(id, { decision: 'upheld' }, supervisor)).details).toEqual({
      step: 'decide',
      needs: 'appealed',
    });
    reviews.rectify(id, { rectification: '已整改' }, supervisor);
    expect(needs(() => reviews.assign(id, { handlerStaffNumber: '1002' }, supervisor)).code).toBe('review_step_done');
    expect(needs(() => reviews.close(id, supervisor))).toEqual({
      code: 'review_out_of_order',
      details: { step: 'close', needs: 'called_back' },
    });
    reviews.callback(id, { result: '认可', rating: 'satisfied' }, supervisor);
    reviews.appeal(id, { reason: '评价对象有误' }, supervisor);
    // No close while an appeal waits for its review.
    expect(needs(() => reviews.close(id, supervisor)).details).toEqual({ step: 'close', needs: 'appeal_decided' });
    reviews.decide(id, { decision: 'upheld' }, staff.otherSupervisor);
    reviews.close(id, supervisor);
    for (const act of [
      () => reviews.close(id, supervisor),
      () => reviews.assign(id, { handlerStaffNumber: '1001' }, supervisor),
      () => reviews.appeal(id, { reason: 'x' }, supervisor),
    ]) {
      expect(needs(act).code).toBe('review_closed');
    }
  });

  it('refuses an unknown 差评, a handler who is no active staff member and a callback in the future or before the rating', () => {
    const { reviews } = reviewHarness(db, clock);
    clock.set('2026-11-27T10:00:30');
    expect(refusalOf(() => reviews.detail('00000000-0000-4000-8000-999999999999')).code).toBe('review_unknown');
    const id = rateBadly(db, clock, reviews);
    expect(refusalOf(() => reviews.assign(id, { handlerStaffNumber: '7777' }, staff.supervisor)).code).toBe(
      'review_handler_unknown',
    );
    db.prepare(`UPDATE staff SET active = 0 WHERE staff_no = '1002'`).run();
    expect(refusalOf(() => reviews.assign(id, { handlerStaffNumber: '1002' }, staff.supervisor)).code).toBe(
      'review_handler_unknown',
    );
    reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor);
    reviews.verify(id, { verification: '属实' }, staff.supervisor);
    reviews.rectify(id, { rectification: '已整改' }, staff.supervisor);
    expect(
      refusalOf(() =>
        reviews.callback(id, { calledAt: '2026-11-28T10:00:00+08:00', result: 'x', rating: 'satisfied' }, staff.supervisor),
      ),
    ).toEqual({ code: 'invalid_request', details: { field: 'calledAt' } });
    expect(
      refusalOf(() =>
        reviews.callback(id, { calledAt: '2026-11-27T09:59:00+08:00', result: 'x', rating: 'satisfied' }, staff.supervisor),
      ),
    ).toEqual({ code: 'invalid_request', details: { field: 'calledAt' } });
    expect(reviews.detail(id).callback).toBeNull();
    // Typed to the minute: the rating's own minute is not before it.
    const sameMinute = reviews.callback(
      id,
      { calledAt: '2026-11-27T10:00:00+08:00', result: '已回访', rating: 'satisfied' },
      staff.supervisor,
    );
    expect(sameMinute.callback?.at).toBe('2026-11-27T02:00:00.000Z');
  });

  it('an appeal is reviewed by another supervisor than its filer; overturned, nothing follows', () => {
    const { reviews } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor);
    reviews.verify(id, { verification: '录像显示评价对象有误' }, staff.supervisor);
    expect(reviews.appeal(id, { reason: '评价的不是本窗口' }, staff.supervisor)).toMatchObject({
      status: 'appealed',
      appeal: { by: '9001', decision: null },
    });
    expect(refusalOf(() => reviews.decide(id, { decision: 'overturned' }, staff.supervisor)).code).toBe('review_own_appeal');
    expect(reviews.detail(id).appeal?.decision).toBeNull();

    const overturned = reviews.decide(id, { decision: 'overturned' }, staff.otherSupervisor);
    expect(overturned).toMatchObject({ status: 'overturned', closed: null, next: [], appeal: { decidedBy: '9002' } });
    for (const act of [
      () => reviews.rectify(id, { rectification: 'x' }, staff.supervisor),
      () => reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor),
      () => reviews.decide(id, { decision: 'upheld' }, staff.supervisor),
      () => reviews.close(id, staff.supervisor),
    ]) {
      expect(refusalOf(act).code).toBe('review_overturned');
    }
  });
});

describe('ReviewService: the outcome for the central API', () => {
  it('queues one entry when the appeal is decided and one when closed, each once, in the evaluation’s order', () => {
    const { reviews } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor);
    reviews.verify(id, { verification: '属实' }, staff.supervisor);
    reviews.appeal(id, { reason: '有误' }, staff.supervisor);
    expect(outbox()).toEqual([]);
    reviews.decide(id, { decision: 'upheld' }, staff.otherSupervisor);
    reviews.rectify(id, { rectification: '已整改' }, staff.supervisor);
    reviews.callback(id, { result: '认可', rating: 'satisfied' }, staff.supervisor);
    reviews.close(id, staff.supervisor);
    refusalOf(() => reviews.close(id, staff.supervisor));
    refusalOf(() => reviews.decide(id, { decision: 'overturned' }, staff.otherSupervisor));

    const entries = outbox();
    expect(entries.map((e) => [e.kind, e.recordId, e.idempotencyKey, e.orderingKey])).toEqual([
      ['review-outcome', id, `review-appeal_decided:${id}`, `evaluation:${id}`],
      ['review-outcome', id, `review-closed:${id}`, `evaluation:${id}`],
    ]);
    const closed = ReviewOutcomeRequest.parse(JSON.parse(entries[1]?.payload ?? 'null'));
    expect(closed).toMatchObject({
      hallId: 'hall-01',
      evaluationKey: id,
      stage: 'closed',
      dueDate: '2026-12-04',
      handlerStaffNumber: '1001',
      rectification: { onTime: true },
      callback: { rating: 'satisfied' },
      appeal: { decision: 'upheld' },
    });
  });

  it('writes nothing of a refused step: no audit row, no entry, no event', () => {
    const { reviews, events } = reviewHarness(db, clock);
    const id = rateBadly(db, clock, reviews);
    refusalOf(() => reviews.close(id, staff.supervisor));
    expect(outbox()).toEqual([]);
    expect(listAudit(db, { limit: 10 }).filter((a) => a.action.startsWith('review.'))).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('ReviewService: overdue, the sweep and the rates', () => {
  it('marks a follow-up overdue after its due date and announces it once', () => {
    const { reviews, events } = reviewHarness(db, clock, { holidays: ['2026-12-07'], extraWorkdays: [] });
    const id = rateBadly(db, clock, reviews);
    clock.set('2026-12-04T23:59:00');
    reviews.tick();
    expect(reviews.detail(id)).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    // Saturday: late, though no working day has passed since.
    clock.set('2026-12-05T00:01:00');
    reviews.tick();
    reviews.tick();
    expect(events.filter((e) => e.type === 'review.overdue')).toEqual([
      expect.objectContaining({ type: 'review.overdue', evaluationId: id, dueDate: '2026-12-04', overdue: 1 }),
    ]);
    expect(reviews.detail(id)).toMatchObject({ overdue: true, workingDaysOverdue: 1, workingDaysLeft: null });
    // Monday 7 is a holiday: Tuesday 8 is the first working day past the deadline.
    clock.set('2026-12-08T09:00:00');
    expect(reviews.detail(id).workingDaysOverdue).toBe(1);
    clock.set('2026-12-09T09:00:00');
    expect(reviews.detail(id).workingDaysOverdue).toBe(2);
    expect(reviews.list({ filter: 'overdue', limit: 10, offset: 0 }).reviews.map((r) => r.evaluationId)).toEqual([id]);
    expect(reviews.summary()).toEqual({ today: '2026-12-09', open: 1, overdue: 1, appealPending: 0 });

    reviews.assign(id, { handlerStaffNumber: '1001' }, staff.supervisor);
    reviews.verify(id, { verification: '属实' }, staff.supervisor);
    expect(reviews.rectify(id, { rectification: '迟到的整改' }, staff.supervisor)).toMatchObject({
      overdue: false,
      rectification: { onTime: false },
    });
    expect(reviews.summary().overdue).toBe(0);
    expect(listAudit(db, { limit: 100 }).filter((a) => a.action === 'review.overdue')).toHaveLength(1);
  });

  it('opens a follow-up at start-up for a 差评 that has none, due from its own rating date', () => {
    const { reviews } = reviewHarness(db, clock);
    db.transaction(() =>
      insertEvaluation(db, {
        id: '00000000-0000-4000-8000-00000000aaaa',
        level: 'dissatisfied',
        reason: '态度不好',
        comment: null,
        subject: { kind: 'case', caseNumber: 'HK20261120000001' },
        callbackRequired: true,
        evaluatedAt: '2026-11-20T02:00:00.000Z',
      }),
    )();
    expect(reviews.sweep()).toBe(1);
    expect(reviews.sweep()).toBe(0);
    // Due today (Friday 27 November): not late yet, so the housekeeping will announce it when it is.
    expect(reviews.summary().overdue).toBe(0);
    expect(reviews.detail('00000000-0000-4000-8000-00000000aaaa')).toMatchObject({
      ratedDate: '2026-11-20',
      dueDate: '2026-11-27',
      openedAt: clock.now().toISOString(),
      subject: { kind: 'case', caseNumber: 'HK20261120000001' },
    });
  });

  it('lists with filters: window, staff, range, status; paged', () => {
    const { reviews } = reviewHarness(db, clock);
    const a = rateBadly(db, clock, reviews, { window: '1', staff: '1001' });
    clock.set('2026-11-30T10:00:00');
    const b = rateBadly(db, clock, reviews, { window: '2', staff: '1002' });
    const c = rateBadly(db, clock, reviews, { window: '2', staff: '1001' });
    const ids = (query: Parameters<typeof reviews.list>[0]) => reviews.list(query).reviews.map((r) => r.evaluationId);
    const page = { limit: 10, offset: 0, filter: 'all' } as const;
    expect(ids({ ...page, window: '2' })).toEqual([b, c]);
    expect(ids({ ...page, staff: '1001' })).toEqual([a, c]);
    expect(ids({ ...page, from: '2026-11-28', to: '2026-11-30' })).toEqual([b, c]);
    reviews.assign(b, { handlerStaffNumber: '1001' }, staff.supervisor);
    reviews.verify(b, { verification: '属实' }, staff.supervisor);
    reviews.appeal(b, { reason: '有误' }, staff.supervisor);
    expect(ids({ ...page, filter: 'appealed' })).toEqual([b]);
    expect(ids({ ...page, filter: 'closed' })).toEqual([]);
    const first = reviews.list({ ...page, limit: 2 });
    expect([first.reviews.length, first.next]).toEqual([2, 2]);
    expect(reviews.list({ ...page, limit: 2, offset: 2 }).next).toBeNull();
  });

  it('counts the rates of a range, overturned 差评 in none of them', () => {
    const { reviews } = reviewHarness(db, clock);
    const { supervisor, otherSupervisor } = staff;
    const walk = (
      id: string,
      until: 'verify' | 'rectify' | 'callback' | 'close',
      rating: 'satisfied' | 'dissatisfied' = 'satisfied',
    ) => {
      reviews.assign(id, { handlerStaffNumber: '1001' }, supervisor);
      reviews.verify(id, { verification: '属实' }, supervisor);
      if (until === 'verify') return;
      reviews.rectify(id, { rectification: '已整改' }, supervisor);
      if (until === 'rectify') return;
      reviews.callback(id, { result: '已回访', rating }, supervisor);
      if (until === 'close') reviews.close(id, supervisor);
    };
    // Rated Friday 27 November, due Friday 4 December.
    const closedOnTime = rateBadly(db, clock, reviews);
    const rectifiedOnly = rateBadly(db, clock, reviews);
    const neverRectified = rateBadly(db, clock, reviews);
    const overturned = rateBadly(db, clock, reviews);
    walk(closedOnTime, 'close');
    walk(rectifiedOnly, 'rectify');
    walk(overturned, 'verify');
    reviews.appeal(overturned, { reason: '有误' }, supervisor);
    reviews.decide(overturned, { decision: 'overturned' }, otherSupervisor);
    // Rated Monday 30 November (due 7 December), rectified late on the 8th and rated dissatisfied.
    clock.set('2026-11-30T09:00:00');
    const late = rateBadly(db, clock, reviews);
    clock.set('2026-12-08T09:00:00');
    walk(late, 'callback', 'dissatisfied');
    // Out of the range.
    rateBadly(db, clock, reviews);

    expect(reviews.rates({ from: '2026-11-27', to: '2026-11-30' })).toEqual({
      from: '2026-11-27',
      to: '2026-11-30',
      today: '2026-12-08',
      badReviews: 4,
      overturned: 1,
      open: 3,
      overdue: 1,
      closed: 1,
      dueOrRectified: 4,
      rectifiedOnTime: 2,
      onTimePct: 50,
      calledBack: 2,
      callbackPct: 50,
      callbackRatings: { satisfied: 1, basically_satisfied: 0, dissatisfied: 1 },
      satisfactionPct: 50,
    });
    void neverRectified;
    expect(reviews.rates({ from: '2026-12-01', to: '2026-12-07' })).toMatchObject({
      badReviews: 0,
      onTimePct: null,
      callbackPct: null,
    });
  });
});
