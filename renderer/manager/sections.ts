import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * One screen of the manager console. Each lives in its own folder (`renderer/manager/<id>/`) and
 * loads only when opened, so a section's libraries (ECharts for the reports) never reach the
 * kiosk's bundle or another section's first paint. `/manager#<id>` opens it.
 */
export interface ManagerSection {
  id: string;
  /** The nav label's message key. */
  titleKey: string;
  Screen: LazyExoticComponent<ComponentType>;
}

/**
 * The console's sections in nav order, one line each, e.g.
 * `{ id: 'floor', titleKey: 'mgrFloor.nav', Screen: lazy(() => import('./floor/FloorScreen')) }`.
 */
export const SECTIONS: readonly ManagerSection[] = [
  { id: 'floor', titleKey: 'mgrFloor.nav', Screen: lazy(() => import('./floor/FloorScreen')) },
  { id: 'reports', titleKey: 'mgrReports.nav', Screen: lazy(() => import('./reports/ReportsScreen')) },
  { id: 'reviews', titleKey: 'mgrReviews.nav', Screen: lazy(() => import('./reviews/ReviewsScreen')) },
  { id: 'hours', titleKey: 'mgrHours.nav', Screen: lazy(() => import('./hours/HoursScreen')) },
  { id: 'appointments', titleKey: 'mgrAppointments.nav', Screen: lazy(() => import('./appointments/AppointmentsScreen')) },
  { id: 'steward', titleKey: 'mgrSteward.nav', Screen: lazy(() => import('./steward/StewardScreen')) },
  { id: 'notices', titleKey: 'mgrNotices.nav', Screen: lazy(() => import('./notices/NoticesScreen')) },
  { id: 'audit', titleKey: 'mgrAudit.nav', Screen: lazy(() => import('./audit/AuditScreen')) },
];

/** The section `hash` (`#floor`) names, else the first. */
export function sectionOf(hash: string, sections: readonly ManagerSection[] = SECTIONS): ManagerSection | undefined {
  const id = hash.replace(/^#/, '');
  return sections.find((s) => s.id === id) ?? sections[0];
}
