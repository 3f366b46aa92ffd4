import type { CatalogCategory, HandledAt } from '../../../../contracts/central-api';

/** The four shelves of the guide, in the order the hall presents them. */
export const CATEGORIES: readonly CatalogCategory[] = ['startup-bundle', 'livelihood', 'complaint', 'other'];

/** i18n key stem of a category (keys avoid the hyphen of 'startup-bundle'). */
export const CATEGORY_KEY: Record<CatalogCategory, string> = {
  'startup-bundle': 'startupBundle',
  livelihood: 'livelihood',
  complaint: 'complaint',
  other: 'other',
};

/** i18n key of where an item is handled (the district's one catalog: contracts/catalog-scope.ts). */
export const HANDLED_AT_KEY: Record<HandledAt, string> = {
  'district-centre': 'districtCentre',
  'community-centre': 'communityCentre',
  anywhere: 'anywhere',
};

/**
 * The queue service that handles a category's items in the embedded hall setup (contracts/config.ts).
 * A hall that names its services differently simply gets no "take a number" button: the
 * button appears only when the service exists in GET /services.
 */
export const QUEUE_SERVICE_OF: Record<CatalogCategory, string | null> = {
  'startup-bundle': 'business-startup',
  livelihood: 'livelihood',
  complaint: 'business-appeal',
  other: 'consulting',
};

/** The kiosk flow where an item can be filed in person, for the "you can apply here" hint. */
export function applyHintKey(category: CatalogCategory): string {
  return category === 'complaint' ? 'guide.applyHintComplaint' : 'guide.applyHintCase';
}
