import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../../contracts/events';
import {
  initialRate,
  rateReducer,
  ratingOf,
  type OpenRating,
  type RateAction,
  type RateState,
} from '../../../renderer/rate/rate-state';

const A001: OpenRating = {
  ticketId: 11,
  ticketNumber: 'A001',
  windowNumber: 1,
  token: 'token-of-11',
  service: { serviceName: '企业开办', staffNo: '1001', staffName: '窗口人员' },
};
const A002: OpenRating = { ...A001, ticketId: 12, ticketNumber: 'A002', token: 'token-of-12' };

const run = (...actions: RateAction[]): RateState => actions.reduce(rateReducer, initialRate);
const open = (rating: OpenRating = A001): RateAction => ({ type: 'requested', rating });

describe('the window evaluator’s screen', () => {
  it('opens a rating only for a request that carries this pad’s token and the service', () => {
    const base = {
      seq: 1,
      at: '2027-03-01T02:00:00.000Z',
      type: 'evaluation.requested',
      ticketId: 11,
      ticketNumber: 'A001',
      windowNumber: 1,
    } as const;
    const mine: HallEvent = { ...base, token: A001.token, service: A001.service };
    expect(ratingOf(mine)).toEqual(A001);
    // Another window's request (sent without them) opens nothing here.
    expect(ratingOf(base)).toBeNull();
    expect(ratingOf({ ...base, seq: 2, type: 'evaluation.submitted' })).toBeNull();
  });

  it('a good rating goes straight to submit, and the host’s answer thanks the citizen', () => {
    const submitting = run(open(), { type: 'level', level: 'very_satisfied' }, { type: 'submit' });
    expect(submitting).toMatchObject({ view: 'rating', level: 'very_satisfied', submitting: true, problem: null });
    expect(rateReducer(submitting, { type: 'submitted', ticketId: 11, callbackRequired: false })).toEqual({
      view: 'thanks',
      rating: A001,
      level: 'very_satisfied',
      callbackRequired: false,
    });
  });

  it('a 差评 is not submitted without a reason; the reasons and words go with it', () => {
    const bad = run(open(), { type: 'level', level: 'dissatisfied' }, { type: 'submit' });
    expect(bad).toMatchObject({ submitting: false, problem: 'reason_required' });
    const said = [
      { type: 'reason', reason: 'attitude' },
      { type: 'reason', reason: 'waiting' },
      { type: 'reason', reason: 'attitude' },
      { type: 'comment', text: '等了很久' },
      { type: 'submit' },
    ] satisfies RateAction[];
    expect(said.reduce(rateReducer, bad)).toMatchObject({
      reasons: ['waiting'],
      comment: '等了很久',
      submitting: true,
      problem: null,
    });
  });

  it('a better level after a 差评 drops its reasons and words', () => {
    const state = run(
      open(),
      { type: 'level', level: 'very_dissatisfied' },
      { type: 'reason', reason: 'slow' },
      { type: 'comment', text: '太慢' },
      { type: 'level', level: 'basic' },
    );
    expect(state).toMatchObject({ level: 'basic', reasons: [], comment: '' });
  });

  it('nothing changes while the submission is under way', () => {
    const submitting = run(open(), { type: 'level', level: 'satisfied' }, { type: 'submit' });
    expect(rateReducer(submitting, { type: 'level', level: 'very_dissatisfied' })).toBe(submitting);
    expect(rateReducer(submitting, { type: 'submit' })).toBe(submitting);
    // Its own rating's event may come before the reply: it is not "rated elsewhere".
    expect(rateReducer(submitting, { type: 'ratedElsewhere', ticketId: 11 })).toBe(submitting);
  });

  it('the host’s second-rating refusal, or a rating made elsewhere, shows 已评价', () => {
    const submitting = run(open(), { type: 'level', level: 'satisfied' }, { type: 'submit' });
    expect(rateReducer(submitting, { type: 'refused', ticketId: 11, code: 'already_evaluated' })).toEqual({
      view: 'already',
      rating: A001,
    });
    expect(rateReducer(run(open()), { type: 'ratedElsewhere', ticketId: 11 })).toEqual({ view: 'already', rating: A001 });
    expect(rateReducer(run(open()), { type: 'ratedElsewhere', ticketId: 99 })).toMatchObject({ view: 'rating' });
  });

  it('other refusals keep the choice and say why; before 办结 it asks to submit again later', () => {
    const submitting = run(open(), { type: 'level', level: 'satisfied' }, { type: 'submit' });
    expect(rateReducer(submitting, { type: 'refused', ticketId: 11, code: 'invalid_state' })).toMatchObject({
      view: 'rating',
      level: 'satisfied',
      submitting: false,
      problem: 'not_finished',
    });
    expect(rateReducer(submitting, { type: 'refused', ticketId: 11, code: 'network' })).toMatchObject({ problem: 'network' });
    expect(rateReducer(submitting, { type: 'refused', ticketId: 11, code: 'evaluation_refused' })).toMatchObject({
      problem: 'generic',
    });
  });

  it('a new request replaces the open one; a late answer for the old one changes nothing', () => {
    const submitting = run(open(A001), { type: 'level', level: 'satisfied' }, { type: 'submit' });
    const replaced = rateReducer(submitting, open(A002));
    expect(replaced).toMatchObject({ view: 'rating', rating: A002, level: null, submitting: false });
    expect(rateReducer(replaced, { type: 'submitted', ticketId: 11, callbackRequired: false })).toBe(replaced);
    expect(rateReducer(replaced, { type: 'refused', ticketId: 11, code: 'already_evaluated' })).toBe(replaced);
  });

  it('the timeout closes an open rating with nothing recorded; done ends the thanks', () => {
    expect(run(open(), { type: 'level', level: 'basic' }, { type: 'timedOut' })).toEqual({ view: 'idle' });
    const thanks = run(
      open(),
      { type: 'level', level: 'basic' },
      { type: 'submit' },
      { type: 'submitted', ticketId: 11, callbackRequired: false },
    );
    expect(rateReducer(thanks, { type: 'done' })).toEqual({ view: 'idle' });
    expect(rateReducer(initialRate, { type: 'done' })).toBe(initialRate);
  });
});
