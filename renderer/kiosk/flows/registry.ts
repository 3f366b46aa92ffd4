import type { ComponentType } from 'react';
import { FLOW_INFO, type FlowId, type FlowInfo } from './flow-info';
import { preloadable, type Preloadable } from './preloadable';

export type { CardNeed, FlowId, FlowInfo } from './flow-info';

export interface FlowSpec extends FlowInfo {
  component: ComponentType;
  /** Loads the flow's chunk ahead of its tile being tapped (the kiosk does it while idle). */
  preload(): Promise<unknown>;
}

// Each flow is its own chunk: the attract screen paints before any flow's code is loaded, and
// the idle attract screen preloads them (shell/use-idle-prefetch.ts), so a tile opens at once.
// The flows' facts live in flow-info.ts, so screens that only list flows never import a flow
// (and no flow's imports lead back here).
const SCREENS: Record<FlowId, Preloadable> = {
  ticket: preloadable(() => import('./TicketFlow')),
  checkin: preloadable(() => import('./CheckInFlow')),
  case: preloadable(() => import('./CaseFlow')),
  progress: preloadable(() => import('./ProgressFlow')),
  complaint: preloadable(() => import('./ComplaintFlow')),
  evaluate: preloadable(() => import('./EvaluateFlow')),
  guide: preloadable(() => import('./GuideFlow')),
  steward: preloadable(() => import('./StewardFlow')),
};

export const FLOWS: readonly FlowSpec[] = FLOW_INFO.map((info) => ({ ...info, ...SCREENS[info.id] }));
