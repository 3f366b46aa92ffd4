import { describe, expect, it } from 'vitest';
import type { ComplaintAction, ComplaintActionType, ComplaintActor } from '../../../contracts/complaint-actions';
import { ComplaintState, type Complaint } from '../../../contracts/complaints';
import { applyComplaintAction } from '../../../platform/services/complaint-lifecycle';
import { act, beijing, people, registered, walk } from '../../platform/support/complaints';

const DUE = beijing('2026-12-05T00:00');
const fresh = () => registered('2026-11-27T10:00', DUE);
const at = beijing('2026-12-01T10:00');

/** A complaint in each state, reached by the lifecycle itself (the co-unit's part already in from `accepted` on). */
function inEachState(): Record<ComplaintState, Complaint> {
  const start = fresh();
  const sorting = walk(start, [[act.claim, people.sorter, '2026-11-27T10:30']]);
  const dispatched = walk(sorting, [[act.dispatch('market-regulation', ['street-xinghe']), people.sorter, '2026-11-27T11:00']]);
  const accepted = walk(dispatched, [
    [act.part('街道已核实施工现场情况。'), people.streetHandler, '2026-11-27T14:00'],
    [act.accept, people.leadHandler, '2026-11-27T15:00'],
  ]);
  const drafted = walk(accepted, [[act.draft('已协调审批科室，三个工作日内办结许可。'), people.leadHandler, '2026-11-30T10:00']]);
  const underReview = walk(drafted, [[act.submit, people.leadHandler, '2026-11-30T10:05']]);
  const returned = walk(underReview, [[act.return('答复未说明具体办结日期。'), people.reviewer, '2026-11-30T14:00']]);
  const approved = walk(underReview, [[act.approve, people.reviewer, '2026-11-30T14:00']]);
  const closed = walk(approved, [[act.close, people.reviewer, '2026-11-30T15:00']]);
  const evaluated = walk(closed, [[act.evaluate('satisfied'), people.enterprise, '2026-12-01T09:00']]);
  const notAdmitted = walk(start, [[act.notAdmit('属于司法程序处理的事项。'), people.sorter, '2026-11-27T11:00']]);
  const merged = walk(start, [[act.merge('HK20261126000007'), people.sorter, '2026-11-27T11:00']]);
  return {
    registered: start,
    sorting,
    dispatched,
    accepted,
    drafted,
    under_review: underReview,
    returned,
    approved,
    closed,
    evaluated,
    not_admitted: notAdmitted,
    merged,
  };
}

/** Each action, taken by someone entitled to it, with what it needs. */
const TAKEN: Record<ComplaintActionType, [ComplaintAction, ComplaintActor]> = {
  claim: [act.claim, people.sorter],
  dispatch: [act.dispatch('market-regulation', ['street-xinghe']), people.sorter],
  decline: [act.decline('不属于本单位职责。'), people.leadHandler],
  not_admit: [act.notAdmit('属于司法程序处理的事项。'), people.sorter],
  merge: [act.merge('HK20261126000007'), people.sorter],
  accept: [act.accept, people.leadHandler],
  submit_part: [act.part('街道意见。'), people.streetHandler],
  draft: [act.draft('答复。'), people.leadHandler],
  submit: [act.submit, people.leadHandler],
  approve: [act.approve, people.reviewer],
  return: [act.return('请补充依据。'), people.reviewer],
  close: [act.close, people.reviewer],
  evaluate: [act.evaluate('very_satisfied'), people.enterprise],
  supervise: [act.supervise('请加快办理。'), people.supervisor],
};

const ACTION_TYPES: readonly ComplaintActionType[] = [
  'claim',
  'dispatch',
  'not_admit',
  'merge',
  'decline',
  'accept',
  'submit_part',
  'draft',
  'submit',
  'approve',
  'return',
  'close',
  'evaluate',
  'supervise',
];

/** The lifecycle as docs/complaints.md tables it: action → state it is taken in → state it leaves. */
const EXPECTED: Record<ComplaintActionType, Partial<Record<ComplaintState, ComplaintState>>> = {
  claim: { registered: 'sorting' },
  dispatch: { registered: 'dispatched', sorting: 'dispatched' },
  not_admit: { registered: 'not_admitted', sorting: 'not_admitted' },
  merge: { registered: 'merged', sorting: 'merged' },
  decline: { dispatched: 'sorting' },
  accept: { dispatched: 'accepted' },
  submit_part: { dispatched: 'dispatched', accepted: 'accepted', returned: 'returned' },
  draft: { accepted: 'drafted', drafted: 'drafted', returned: 'drafted' },
  submit: { drafted: 'under_review' },
  approve: { under_review: 'approved' },
  return: { under_review: 'returned' },
  close: { approved: 'closed' },
  evaluate: { closed: 'evaluated' },
  supervise: {
    registered: 'registered',
    sorting: 'sorting',
    dispatched: 'dispatched',
    accepted: 'accepted',
    drafted: 'drafted',
    under_review: 'under_review',
    returned: 'returned',
    approved: 'approved',
  },
};

describe('the complaint lifecycle', () => {
  const states = inEachState();

  it('allows each action in its states only, leading to the state the table says', () => {
    expect([...ACTION_TYPES].sort()).toEqual(Object.keys(TAKEN).sort());
    for (const type of ACTION_TYPES) {
      const [action, actor] = TAKEN[type];
      for (const state of ComplaintState.options) {
        const result = applyComplaintAction(states[state], action, actor, at);
        const expected = EXPECTED[type][state];
        if (expected === undefined) {
          expect(result, `${type} in ${state}`).toMatchObject({ ok: false, refusal: { code: 'wrong_state', state } });
        } else {
          expect(result.ok ? result.complaint.state : result.refusal, `${type} in ${state}`).toBe(expected);
        }
      }
    }
  });

  it('refuses an action to anyone without the role for it, naming the role', () => {
    const { dispatched, under_review: underReview, closed, registered: start } = states;
    expect(applyComplaintAction(start, TAKEN.dispatch[0], people.leadHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_role', needs: ['sorter'] },
    });
    expect(applyComplaintAction(start, TAKEN.dispatch[0], people.reviewer, at)).toMatchObject({
      refusal: { code: 'wrong_role' },
    });
    expect(applyComplaintAction(underReview, act.approve, people.sorter, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_role', needs: ['reviewer'] },
    });
    expect(applyComplaintAction(dispatched, act.accept, people.enterprise, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_role', needs: ['handler', 'leader'] },
    });
    expect(applyComplaintAction(closed, act.evaluate('satisfied'), people.reviewer, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_role', needs: ['enterprise'] },
    });
    expect(applyComplaintAction(dispatched, act.supervise('快办'), people.reviewer, at)).toMatchObject({
      refusal: { code: 'wrong_role', needs: ['supervisor'] },
    });
  });

  it('lets only the lead unit accept and reply, and only co-units add parts', () => {
    const { dispatched, accepted } = states;
    expect(applyComplaintAction(dispatched, act.accept, people.streetHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_unit', needs: ['market-regulation'] },
    });
    expect(applyComplaintAction(accepted, act.draft('答复'), people.taxHandler, at)).toMatchObject({
      refusal: { code: 'wrong_unit' },
    });
    expect(applyComplaintAction(dispatched, act.part('意见'), people.leadHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'wrong_unit', needs: ['street-xinghe'] },
    });
    // A bureau role is not a unit: the sorter cannot accept for the lead unit.
    expect(applyComplaintAction(dispatched, act.accept, people.sorter, at)).toMatchObject({ refusal: { code: 'wrong_unit' } });
  });

  it('lets the lead unit’s leader act for it, and records the capacity', () => {
    const result = applyComplaintAction(states.dispatched, act.accept, people.leadLeader, at);
    expect(result.ok && result.step.actor).toMatchObject({ kind: 'staff', role: 'leader', unitCode: 'market-regulation' });
    expect(result.ok && result.complaint.handler?.name).toBe('市场监管分管领导');
  });

  it('lets the lead draft only once every co-unit has submitted its part', () => {
    const joint = walk(fresh(), [
      [act.dispatch('market-regulation', ['street-xinghe', 'tax']), people.sorter, '2026-11-27T11:00'],
      [act.accept, people.leadHandler, '2026-11-27T15:00'],
    ]);
    expect(applyComplaintAction(joint, act.draft('答复'), people.leadHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'co_unit_parts_missing', units: ['street-xinghe', 'tax'] },
    });
    const onePart = walk(joint, [[act.part('街道意见'), people.streetHandler, '2026-11-30T09:00']]);
    expect(applyComplaintAction(onePart, act.draft('答复'), people.leadHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'co_unit_parts_missing', units: ['tax'] },
    });
    const bothParts = walk(onePart, [[act.part('税务意见'), people.taxHandler, '2026-11-30T09:30']]);
    const drafted = walk(bothParts, [[act.draft('综合答复'), people.leadHandler, '2026-11-30T10:00']]);
    expect(drafted.state).toBe('drafted');
    expect(drafted.coUnits.map((c) => [c.unitCode, c.part?.text])).toEqual([
      ['street-xinghe', '街道意见'],
      ['tax', '税务意见'],
    ]);
  });

  it('returns a reply with a reason and takes it again until approved, showing the enterprise only the approved one', () => {
    const reviewed = walk(states.under_review, [
      [act.return('答复未说明具体办结日期。'), people.reviewer, '2026-11-30T14:00'],
      [act.draft('已协调审批科室，12月3日前办结许可。'), people.leadHandler, '2026-12-01T09:00'],
      [act.submit, people.leadHandler, '2026-12-01T09:05'],
      [act.approve, people.reviewer, '2026-12-01T11:00'],
      [act.close, people.reviewer, '2026-12-01T11:30'],
    ]);
    expect(reviewed.state).toBe('closed');
    expect(reviewed.returns).toBe(1);
    expect(reviewed.history.map((s) => s.action)).toEqual([
      'register',
      'claim',
      'dispatch',
      'submit_part',
      'accept',
      'draft',
      'submit',
      'return',
      'draft',
      'submit',
      'approve',
      'close',
    ]);
    const returnStep = reviewed.history.find((s) => s.action === 'return');
    expect(returnStep).toMatchObject({ note: '答复未说明具体办结日期。', publicNote: null, visibility: 'public' });
    expect(reviewed.history.find((s) => s.action === 'approve')?.publicNote).toBe('已协调审批科室，12月3日前办结许可。');
  });

  it('shows the enterprise every step of the lifecycle, and keeps staff-only steps and notes inside', () => {
    const complaint = walk(states.closed, [[act.evaluate('basic'), people.enterprise, '2026-12-01T09:00']]);
    const shown = complaint.history.filter((s) => s.visibility === 'public').map((s) => s.action);
    expect(shown).toEqual(['register', 'dispatch', 'submit_part', 'accept', 'submit', 'approve', 'close', 'evaluate']);
    const supervised = applyComplaintAction(states.accepted, act.supervise('请加快办理。'), people.supervisor, at);
    expect(supervised.ok && supervised.step).toMatchObject({ visibility: 'internal', note: '请加快办理。', to: 'accepted' });
  });

  it('needs a reason to decline, refuse, return or supervise, and a text to draft or add a part', () => {
    const { dispatched, registered: start, under_review: underReview, accepted } = states;
    const reasonRequired = { ok: false, refusal: { code: 'reason_required' } };
    expect(applyComplaintAction(dispatched, act.decline('  '), people.leadHandler, at)).toEqual(reasonRequired);
    expect(applyComplaintAction(start, act.notAdmit(''), people.sorter, at)).toEqual(reasonRequired);
    expect(applyComplaintAction(underReview, act.return(' '), people.reviewer, at)).toEqual(reasonRequired);
    expect(applyComplaintAction(accepted, act.supervise(''), people.supervisor, at)).toEqual(reasonRequired);
    expect(applyComplaintAction(accepted, act.draft(' '), people.leadHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'text_required' },
    });
    expect(applyComplaintAction(accepted, act.part(''), people.streetHandler, at)).toEqual({
      ok: false,
      refusal: { code: 'text_required' },
    });
  });

  it('refuses a dispatch naming the lead among its co-units, or a co-unit twice', () => {
    const start = states.registered;
    expect(applyComplaintAction(start, act.dispatch('tax', ['tax']), people.sorter, at)).toEqual({
      ok: false,
      refusal: { code: 'invalid_units', problem: 'lead_among_co_units' },
    });
    expect(applyComplaintAction(start, act.dispatch('tax', ['street-xinghe', 'street-xinghe']), people.sorter, at)).toEqual({
      ok: false,
      refusal: { code: 'invalid_units', problem: 'co_unit_twice' },
    });
  });

  it('sends a declined complaint back to sorting, and a new dispatch starts afresh', () => {
    const declined = walk(states.dispatched, [[act.decline('属于税务部门职责。'), people.leadHandler, '2026-11-27T16:00']]);
    expect(declined).toMatchObject({ state: 'sorting', leadUnit: null, coUnits: [] });
    expect(declined.history.at(-1)).toMatchObject({ action: 'decline', units: ['market-regulation'], visibility: 'internal' });
    const again = walk(declined, [[act.dispatch('tax'), people.sorter, '2026-11-30T09:00']]);
    expect(again).toMatchObject({ state: 'dispatched', leadUnit: 'tax', coUnits: [], handler: null });
  });

  it('merges a duplicate into another number, never into itself, and tells the enterprise which', () => {
    expect(applyComplaintAction(states.registered, act.merge('HK20261127000001'), people.sorter, at)).toEqual({
      ok: false,
      refusal: { code: 'merge_into_self' },
    });
    expect(states.merged).toMatchObject({ state: 'merged', mergedInto: 'HK20261126000007' });
    expect(states.merged.history.at(-1)?.publicNote).toBe('HK20261126000007');
    expect(states.not_admitted.history.at(-1)?.publicNote).toBe('属于司法程序处理的事项。');
  });

  it('does not let whoever drafted a reply review it', () => {
    const bureauLed = walk(fresh(), [
      [act.dispatch('business-bureau'), people.sorter, '2026-11-27T11:00'],
      [act.accept, people.bureauHandlerReviewer, '2026-11-27T15:00'],
      [act.draft('营商局答复'), people.bureauHandlerReviewer, '2026-11-30T10:00'],
      [act.submit, people.bureauHandlerReviewer, '2026-11-30T10:05'],
    ]);
    expect(applyComplaintAction(bureauLed, act.approve, people.bureauHandlerReviewer, at)).toEqual({
      ok: false,
      refusal: { code: 'own_reply' },
    });
    expect(applyComplaintAction(bureauLed, act.approve, people.reviewer, at).ok).toBe(true);
  });

  it('takes the enterprise’s evaluation once, with a reason below basic', () => {
    const { closed, evaluated } = states;
    expect(applyComplaintAction(closed, act.evaluate('dissatisfied'), people.enterprise, at)).toEqual({
      ok: false,
      refusal: { code: 'reason_required' },
    });
    const rated = applyComplaintAction(closed, act.evaluate('dissatisfied', '答复没有解决问题。'), people.enterprise, at);
    expect(rated.ok && rated.complaint.evaluation).toEqual({
      level: 'dissatisfied',
      reason: '答复没有解决问题。',
      comment: null,
      at,
    });
    expect(evaluated.evaluation?.level).toBe('satisfied');
    expect(applyComplaintAction(evaluated, act.evaluate('very_satisfied'), people.enterprise, at)).toMatchObject({
      ok: false,
      refusal: { code: 'wrong_state', state: 'evaluated' },
    });
  });

  it('changes nothing it was given: a refusal leaves the complaint as it was', () => {
    const before = structuredClone(states.dispatched);
    applyComplaintAction(states.dispatched, act.accept, people.streetHandler, at);
    applyComplaintAction(states.dispatched, act.accept, people.leadHandler, at);
    expect(states.dispatched).toEqual(before);
  });
});
