import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * One screen of the district console, in its own folder (`renderer/district/<id>/`), loaded only
 * when opened. `/district#<id>` opens it.
 */
export interface DistrictSection {
  id: string;
  /** The nav label's message key. */
  titleKey: string;
  Screen: LazyExoticComponent<ComponentType>;
}

/** The console's sections in nav order. */
export const SECTIONS: readonly DistrictSection[] = [
  { id: 'cases', titleKey: 'dstCases.nav', Screen: lazy(() => import('./cases/CasesScreen')) },
  { id: 'complaints', titleKey: 'dstComplaints.nav', Screen: lazy(() => import('./complaints/ComplaintsScreen')) },
  { id: 'statistics', titleKey: 'dstStatistics.nav', Screen: lazy(() => import('./statistics/StatisticsScreen')) },
  { id: 'indicators', titleKey: 'dstIndicators.nav', Screen: lazy(() => import('./indicators/IndicatorsScreen')) },
  { id: 'directory', titleKey: 'dstDirectory.nav', Screen: lazy(() => import('./directory/DirectoryScreen')) },
  { id: 'settings', titleKey: 'dstSettings.nav', Screen: lazy(() => import('./settings/SettingsScreen')) },
  { id: 'notices', titleKey: 'dstNotices.nav', Screen: lazy(() => import('./notices/NoticesScreen')) },
  { id: 'catalog', titleKey: 'dstCatalog.nav', Screen: lazy(() => import('./catalog/CatalogScreen')) },
  { id: 'halls', titleKey: 'dstHalls.nav', Screen: lazy(() => import('./halls/HallsScreen')) },
  { id: 'live', titleKey: 'dstLive.nav', Screen: lazy(() => import('./live/LiveScreen')) },
];

/** The section `hash` (`#cases`) names, else the first. */
export function sectionOf(hash: string, sections: readonly DistrictSection[] = SECTIONS): DistrictSection | undefined {
  const id = hash.replace(/^#/, '');
  return sections.find((s) => s.id === id) ?? sections[0];
}
