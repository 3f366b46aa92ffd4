import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { FLOW_INFO, type FlowId, type FlowInfo } from './flow-info';

export type { CardNeed, FlowId, FlowInfo } from './flow-info';

export interface FlowSpec extends FlowInfo {
  component: LazyExoticComponent<ComponentType>;
}

// Each flow is its own chunk: the attract screen paints before any flow's code is loaded. The
// flows' facts live in flow-info.ts, so screens that only list flows never import a flow (and
// no flow's imports lead back here).
const COMPONENTS: Record<FlowId, LazyExoticComponent<ComponentType>> = {
  ticket: lazy(() => import('./TicketFlow')),
  checkin: lazy(() => import('./CheckInFlow')),
  case: lazy(() => import('./CaseFlow')),
  progress: lazy(() => import('./ProgressFlow')),
  complaint: lazy(() => import('./ComplaintFlow')),
  evaluate: lazy(() => import('./EvaluateFlow')),
  guide: lazy(() => import('./GuideFlow')),
  steward: lazy(() => import('./StewardFlow')),
};

export const FLOWS: readonly FlowSpec[] = FLOW_INFO.map((info) => ({ ...info, component: COMPONENTS[info.id] }));
