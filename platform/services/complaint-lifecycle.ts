import { isBadEvaluation } from '../../contracts/central-api';
import {
  COMPLAINT_RULES,
  type ComplaintAction,
  type ComplaintActor,
  type ComplaintRefusal,
  type ComplaintRuleWho as Who,
} from '../../contracts/complaint-actions';
import type { Complaint, ComplaintRole, ComplaintStep, NewComplaint, StepActor, UnitCode } from '../../contracts/complaints';

/**
 * The 营商诉求 lifecycle: for each action, the states it is allowed in, who may take it, and what
 * it leaves behind (the next complaint and the step its history gains), or a typed refusal.
 * Pure: the caller loads the complaint, resolves the actor from the directory, applies this and
 * stores the result in one transaction. Deadlines never refuse an action: a late acceptance is
 * still an acceptance, and `complaint-deadlines.ts` counts it late. docs/complaints.md has the
 * table.
 */

export type Transition = { ok: true; complaint: Complaint; step: ComplaintStep } | { ok: false; refusal: ComplaintRefusal };

/** The capacities `who` admits, for a `wrong_role` refusal. */
function rolesOf(who: Who): ComplaintRole[] {
  switch (who.kind) {
    case 'bureau':
      return [who.role];
    case 'enterprise':
      return ['enterprise'];
    default:
      return ['handler', 'leader'];
  }
}

/** The actor as the step records it, in the capacity the rule admitted them in. */
function stepActor(actor: ComplaintActor, who: Who): StepActor {
  if (actor.kind === 'enterprise') return { kind: 'enterprise' };
  const role: ComplaintRole = who.kind === 'bureau' ? who.role : actor.duty;
  return { kind: 'staff', personId: actor.personId, name: actor.name, unitCode: actor.unitCode, role };
}

function refuse(refusal: ComplaintRefusal): Transition {
  return { ok: false, refusal };
}

/** The units that must act for a rule, once its state holds (the lead is set from the dispatch on). */
function unitsFor(complaint: Complaint, who: Who): UnitCode[] | null {
  if (who.kind === 'lead') return complaint.leadUnit === null ? [] : [complaint.leadUnit];
  if (who.kind === 'co') return complaint.coUnits.map((c) => c.unitCode);
  return null;
}

const blank = (text: string): boolean => text.trim() === '';

/** What an admitted action does: the next complaint and the step's texts. */
interface Effect {
  next: Complaint;
  units: UnitCode[];
  note: string | null;
  publicNote: string | null;
  visibility: 'public' | 'internal';
}

type Checked = { ok: true; effect: Effect } | { ok: false; refusal: ComplaintRefusal };

function effect(complaint: Complaint, action: ComplaintAction, actor: ComplaintActor, at: string): Checked {
  const lead = complaint.leadUnit === null ? [] : [complaint.leadUnit];
  const done = (next: Partial<Complaint>, step: Omit<Effect, 'next'>): Checked => ({
    ok: true,
    effect: { next: { ...complaint, ...next }, ...step },
  });
  // The rule admits only staff to the unit's actions; this keeps the types honest about it.
  const person = actor.kind === 'staff' ? actor : null;
  const notStaff: Checked = { ok: false, refusal: { code: 'wrong_role', needs: ['handler', 'leader'] } };

  switch (action.type) {
    case 'claim':
      return done({ state: 'sorting' }, { units: [], note: null, publicNote: null, visibility: 'internal' });
    case 'dispatch': {
      if (action.coUnits.includes(action.leadUnit))
        return { ok: false, refusal: { code: 'invalid_units', problem: 'lead_among_co_units' } };
      if (new Set(action.coUnits).size !== action.coUnits.length) {
        return { ok: false, refusal: { code: 'invalid_units', problem: 'co_unit_twice' } };
      }
      // A new dispatch is a new assignment: parts, handler and draft of an earlier one do not carry over.
      return done(
        {
          state: 'dispatched',
          leadUnit: action.leadUnit,
          coUnits: action.coUnits.map((unitCode) => ({ unitCode, part: null })),
          handler: null,
          reply: null,
        },
        { units: [action.leadUnit, ...action.coUnits], note: action.note, publicNote: null, visibility: 'public' },
      );
    }
    case 'decline':
      if (blank(action.reason)) return { ok: false, refusal: { code: 'reason_required' } };
      return done(
        { state: 'sorting', leadUnit: null, coUnits: [] },
        { units: lead, note: action.reason.trim(), publicNote: null, visibility: 'internal' },
      );
    case 'not_admit':
      if (blank(action.reason)) return { ok: false, refusal: { code: 'reason_required' } };
      // The enterprise is owed the reason (告知不予受理理由).
      return done({ state: 'not_admitted' }, { units: [], note: null, publicNote: action.reason.trim(), visibility: 'public' });
    case 'merge':
      if (action.into === complaint.number) return { ok: false, refusal: { code: 'merge_into_self' } };
      return done(
        { state: 'merged', mergedInto: action.into },
        { units: [], note: null, publicNote: action.into, visibility: 'public' },
      );
    case 'accept':
      if (person === null) return notStaff;
      return done(
        { state: 'accepted', handler: { personId: person.personId, name: person.name } },
        { units: lead, note: null, publicNote: null, visibility: 'public' },
      );
    case 'submit_part': {
      if (person === null) return notStaff;
      if (blank(action.text)) return { ok: false, refusal: { code: 'text_required' } };
      const part = { text: action.text.trim(), at, personId: person.personId, name: person.name };
      const coUnits = complaint.coUnits.map((c) => (c.unitCode === person.unitCode ? { ...c, part } : c));
      return done({ coUnits }, { units: [person.unitCode], note: part.text, publicNote: null, visibility: 'public' });
    }
    case 'draft': {
      if (person === null) return notStaff;
      if (blank(action.text)) return { ok: false, refusal: { code: 'text_required' } };
      const missing = complaint.coUnits.filter((c) => c.part === null).map((c) => c.unitCode);
      if (missing.length > 0) return { ok: false, refusal: { code: 'co_unit_parts_missing', units: missing } };
      const reply = { text: action.text.trim(), at, personId: person.personId, name: person.name };
      return done({ state: 'drafted', reply }, { units: lead, note: reply.text, publicNote: null, visibility: 'internal' });
    }
    case 'submit':
      return done({ state: 'under_review' }, { units: lead, note: null, publicNote: null, visibility: 'public' });
    case 'approve':
    case 'return': {
      // Four eyes: whoever drafted the reply does not judge it (a bureau person can be both when the bureau leads).
      if (person !== null && complaint.reply?.personId === person.personId) {
        return { ok: false, refusal: { code: 'own_reply' } };
      }
      if (action.type === 'approve') {
        // From here the enterprise reads the reply.
        return done(
          { state: 'approved' },
          { units: lead, note: action.note, publicNote: complaint.reply?.text ?? null, visibility: 'public' },
        );
      }
      if (blank(action.reason)) return { ok: false, refusal: { code: 'reason_required' } };
      return done(
        { state: 'returned', returns: complaint.returns + 1 },
        { units: lead, note: action.reason.trim(), publicNote: null, visibility: 'public' },
      );
    }
    case 'close':
      return done({ state: 'closed' }, { units: lead, note: null, publicNote: null, visibility: 'public' });
    case 'evaluate':
      if (isBadEvaluation(action.level) && (action.reason === null || blank(action.reason))) {
        return { ok: false, refusal: { code: 'reason_required' } };
      }
      return done(
        {
          state: 'evaluated',
          evaluation: { level: action.level, reason: action.reason?.trim() ?? null, comment: action.comment?.trim() ?? null, at },
        },
        { units: [], note: null, publicNote: null, visibility: 'public' },
      );
    case 'supervise':
      if (blank(action.note)) return { ok: false, refusal: { code: 'reason_required' } };
      return done({}, { units: lead, note: action.note.trim(), publicNote: null, visibility: 'internal' });
  }
}

/** Whether the actor holds the capacity the rule asks for (the unit is checked once the state holds). */
function holds(actor: ComplaintActor, who: Who): boolean {
  if (who.kind === 'enterprise') return actor.kind === 'enterprise';
  if (actor.kind !== 'staff') return false;
  if (who.kind === 'bureau') return actor.bureauRoles.includes(who.role);
  return true;
}

/**
 * Applies an action taken at `at` (ISO) by `actor`. Checks, in order: the role, the state, the
 * unit, then what the action itself lacks (docs/complaints.md); a refusal changes nothing.
 */
export function applyComplaintAction(
  complaint: Complaint,
  action: ComplaintAction,
  actor: ComplaintActor,
  at: string,
): Transition {
  const rule = COMPLAINT_RULES[action.type];
  if (!holds(actor, rule.who)) return refuse({ code: 'wrong_role', needs: rolesOf(rule.who) });
  if (!rule.from.includes(complaint.state)) {
    return refuse({ code: 'wrong_state', state: complaint.state, allowedIn: [...rule.from] });
  }
  const units = unitsFor(complaint, rule.who);
  if (units !== null && (actor.kind !== 'staff' || !units.includes(actor.unitCode))) {
    return refuse({ code: 'wrong_unit', needs: units });
  }
  const checked = effect(complaint, action, actor, at);
  if (!checked.ok) return refuse(checked.refusal);
  const { next, units: stepUnits, note, publicNote, visibility } = checked.effect;
  const step: ComplaintStep = {
    at,
    action: action.type,
    from: complaint.state,
    to: next.state,
    actor: stepActor(actor, rule.who),
    units: stepUnits,
    note,
    publicNote,
    visibility,
  };
  return { ok: true, complaint: { ...next, history: [...complaint.history, step] }, step };
}

/** What registration needs besides the complaint: its number, when, by whom, and its fixed 办结期限. */
export interface Registration {
  number: string;
  at: string;
  closeDueAt: string;
  /** The enterprise (kiosk, web form), the operator who typed a hotline call, or the platform (民心网 import). */
  actor: StepActor;
}

/** A new complaint, `registered`, its history begun with the registration the enterprise sees. */
export function registerComplaint(filed: NewComplaint, registration: Registration): Complaint {
  const step: ComplaintStep = {
    at: registration.at,
    action: 'register',
    from: null,
    to: 'registered',
    actor: registration.actor,
    units: [],
    note: null,
    publicNote: null,
    visibility: 'public',
  };
  return {
    ...filed,
    number: registration.number,
    registeredAt: registration.at,
    closeDueAt: registration.closeDueAt,
    state: 'registered',
    leadUnit: null,
    coUnits: [],
    handler: null,
    reply: null,
    returns: 0,
    mergedInto: null,
    evaluation: null,
    history: [step],
  };
}
