export type FlowId = 'ticket' | 'checkin' | 'case' | 'progress' | 'complaint' | 'evaluate' | 'guide' | 'steward';

/**
 * Whether a flow needs the ID card: `required` (it files something in the citizen's name),
 * `optional` (works without, does more with it) or `none` (public information).
 */
export type CardNeed = 'required' | 'optional' | 'none';

/** What the shell knows of a flow without loading its code (tiles, card gate, idle time). */
export interface FlowInfo {
  id: FlowId;
  /** i18n keys of the home tile. */
  title: string;
  hint: string;
  /** A single glyph drawn on the tile (decorative). */
  icon: string;
  card: CardNeed;
  /** Idle seconds before the visit ends (elder mode gives half as much again). */
  idleSeconds: number;
  /** It issues a queue ticket: unavailable while a secondary kiosk cannot reach its hall. */
  queue: boolean;
}

export const FLOW_INFO: readonly FlowInfo[] = [
  {
    id: 'ticket',
    title: 'home.ticket',
    hint: 'home.ticketHint',
    icon: '号',
    card: 'optional',
    idleSeconds: 60,
    queue: true,
  },
  {
    id: 'checkin',
    title: 'home.checkin',
    hint: 'home.checkinHint',
    icon: '约',
    card: 'optional',
    idleSeconds: 60,
    queue: true,
  },
  {
    id: 'case',
    title: 'home.case',
    hint: 'home.caseHint',
    icon: '办',
    card: 'required',
    idleSeconds: 120,
    queue: false,
  },
  {
    id: 'progress',
    title: 'home.progress',
    hint: 'home.progressHint',
    icon: '查',
    card: 'optional',
    idleSeconds: 60,
    queue: false,
  },
  {
    id: 'complaint',
    title: 'home.complaint',
    hint: 'home.complaintHint',
    icon: '诉',
    card: 'required',
    idleSeconds: 120,
    queue: false,
  },
  {
    id: 'evaluate',
    title: 'home.evaluate',
    hint: 'home.evaluateHint',
    icon: '评',
    card: 'none',
    idleSeconds: 60,
    queue: false,
  },
  {
    id: 'guide',
    title: 'home.guide',
    hint: 'home.guideHint',
    icon: '指',
    card: 'none',
    idleSeconds: 90,
    queue: false,
  },
  {
    id: 'steward',
    title: 'home.steward',
    hint: 'home.stewardHint',
    icon: '管',
    card: 'optional',
    idleSeconds: 60,
    queue: true,
  },
];
