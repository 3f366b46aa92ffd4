import type { FlowId } from '../flows/flow-info';

/** What the kiosk shows. */
export type KioskView =
  | { name: 'attract' }
  /** The visit is over but the ID card still lies on the reader: nothing starts until it is taken. */
  | { name: 'takeCard' }
  | { name: 'home' }
  | { name: 'flow'; flow: FlowId; withoutCard: boolean };

/**
 * The kiosk's visit as a state machine: attract → home → a flow → (finished) → attract, with the
 * card reminder in between when a visit ends with the card on the reader. Pure: KioskApp performs
 * what goes with it (the host's session, queries, voice, keyboard).
 */
export interface VisitState {
  view: KioskView;
  /**
   * A flow shows its final screen (ticket, receipt): the card leaving or the host ending the
   * identity does not tear it down before the citizen has read it; the idle timer still ends it.
   */
  finished: boolean;
  /** This page is the host's kiosk; until the host says otherwise it acts as one. */
  seated: boolean;
  /** The visit's number: a new one remounts every flow, so forms, answers and choices go with the old. */
  visit: number;
  /** What the host last said of its reader (GET /identity and the identity events). */
  reader: { citizen: boolean; cardOnReader: boolean };
  /** 长辈版 (large print) and muted voice, for this visit. */
  elder: boolean;
  muted: boolean;
  /**
   * What the citizen switched themselves during this visit (or on the attract screen before it):
   * the kiosk's options arriving late (a slow first answer, a technician's change) never undo it.
   */
  chosen: { elder: boolean; muted: boolean };
  /** A code scanned before any flow listened, which opened the check-in: handed to it once. */
  pendingScan: string | null;
}

/** This kiosk's options for the start of every visit (technician console). */
export interface VisitDefaults {
  elder: boolean;
  muted: boolean;
}

export type VisitAction =
  /** A touch on the attract screen. */
  | { type: 'start' }
  /** The home tiles again; the citizen stays. */
  | { type: 'home' }
  /** A flow from a home tile or from another flow; the citizen stays. */
  | { type: 'open'; flow: FlowId }
  /** Past the card gate of a flow that works without a card. */
  | { type: 'withoutCard' }
  | { type: 'finished'; finished: boolean }
  /** The host's answer about its reader changed (GET /identity, or an event's update of it). */
  | { type: 'reader'; citizen: boolean; cardOnReader: boolean }
  /** `identity.read`: a card was laid on the reader. */
  | { type: 'cardRead' }
  /** A scan no flow used (`scanner.scanned`): it opens the check-in with the code. */
  | { type: 'scanned'; code: string }
  | { type: 'scanTaken' }
  /** Whether the host gives this page its kiosk seat. */
  | { type: 'seat'; granted: boolean }
  /** The kiosk's options arrived or changed: they apply from the attract screen on. */
  | { type: 'defaults'; defaults: VisitDefaults }
  | { type: 'toggleElder' }
  | { type: 'toggleMute' }
  /** The visit is over (退出, idle, or the host ended it): everything of it goes. */
  | { type: 'end'; defaults: VisitDefaults };

export const initialVisit: VisitState = {
  view: { name: 'attract' },
  finished: false,
  seated: true,
  visit: 0,
  reader: { citizen: false, cardOnReader: false },
  elder: false,
  muted: false,
  chosen: { elder: false, muted: false },
  pendingScan: null,
};

/** Between visits: the attract screen or the reminder to take the card. */
export function betweenVisits(view: KioskView): boolean {
  return view.name === 'attract' || view.name === 'takeCard';
}

/** A citizen's visit is on screen on this page: the idle timer runs. */
export function inVisit(state: VisitState): boolean {
  return state.seated && !betweenVisits(state.view);
}

/**
 * Whether the host ending the identity (`identity.ended`: card timed out, taken away) ends the
 * visit on screen too. A finished flow stays up (its ticket or receipt still to be read); a visit
 * that already ended only learns where the card is.
 */
export function hostEndEndsVisit(state: VisitState): boolean {
  return !state.finished && !betweenVisits(state.view);
}

export function visitReducer(state: VisitState, action: VisitAction): VisitState {
  return settle(apply(state, action));
}

function apply(state: VisitState, action: VisitAction): VisitState {
  switch (action.type) {
    case 'start':
      return state.view.name === 'attract' ? { ...state, view: { name: 'home' } } : state;
    case 'home':
      return { ...state, finished: false, view: { name: 'home' } };
    case 'open':
      return { ...state, finished: false, view: { name: 'flow', flow: action.flow, withoutCard: false } };
    case 'withoutCard':
      return state.view.name === 'flow' && !state.view.withoutCard
        ? { ...state, view: { ...state.view, withoutCard: true } }
        : state;
    case 'finished':
      return state.finished === action.finished ? state : { ...state, finished: action.finished };
    case 'reader':
      return state.reader.citizen === action.citizen && state.reader.cardOnReader === action.cardOnReader
        ? state
        : { ...state, reader: { citizen: action.citizen, cardOnReader: action.cardOnReader } };
    case 'cardRead':
      // Laying a card on the reader wakes the kiosk (after the last one was taken).
      return betweenVisits(state.view) ? { ...state, view: { name: 'home' } } : state;
    case 'scanned': {
      // In the check-in the flow takes its own scans; a scan it did not want is dropped.
      if (state.view.name === 'flow' && state.view.flow === 'checkin') return state;
      return {
        ...state,
        finished: false,
        pendingScan: action.code,
        view: { name: 'flow', flow: 'checkin', withoutCard: true },
      };
    }
    case 'scanTaken':
      return state.pendingScan === null ? state : { ...state, pendingScan: null };
    case 'seat':
      return state.seated === action.granted ? state : { ...state, seated: action.granted };
    case 'defaults':
      // A visit in progress keeps what its citizen chose; the next one starts from the new options.
      if (state.view.name !== 'attract') return state;
      return {
        ...state,
        elder: state.chosen.elder ? state.elder : action.defaults.elder,
        muted: state.chosen.muted ? state.muted : action.defaults.muted,
      };
    case 'toggleElder':
      return { ...state, elder: !state.elder, chosen: { ...state.chosen, elder: true } };
    case 'toggleMute':
      return { ...state, muted: !state.muted, chosen: { ...state.chosen, muted: true } };
    case 'end':
      return {
        ...state,
        view: { name: 'attract' },
        finished: false,
        pendingScan: null,
        visit: state.visit + 1,
        // The host forgets the card's holder; whether the card still lies there comes with its answer.
        reader: { citizen: false, cardOnReader: false },
        ...action.defaults,
        chosen: { elder: false, muted: false },
      };
  }
}

/**
 * The screen follows the reader between visits: a card read (also while the page was loading or
 * reconnecting, whose event never reached it) wakes the kiosk; a card left on the reader after its
 * visit keeps the reminder up until it is taken.
 */
function settle(state: VisitState): VisitState {
  const { view, reader } = state;
  if (reader.citizen && betweenVisits(view)) return { ...state, view: { name: 'home' } };
  if (!reader.citizen && reader.cardOnReader && view.name === 'attract') return { ...state, view: { name: 'takeCard' } };
  if (!reader.cardOnReader && view.name === 'takeCard') return { ...state, view: { name: 'attract' } };
  return state;
}
