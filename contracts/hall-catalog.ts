import type { CatalogItem } from './central-api';
import { DISTRICT_CATALOG } from './district-catalog';

/**
 * The hall's own few service items (事项): the district platform (platform/) seeds an empty catalog with
 * them, and a kiosk shows them before it has ever reached the central API. They are items of the
 * district's catalog (district-catalog.ts), picked by code, so the fallback and the district
 * cannot drift: the start-up bundle and 营商诉求 of the district centre, and five 全域通办
 * livelihood items. Every text a kiosk shows has its English beside it (…En).
 */
const HALL_ITEM_CODES = ['QY-KB-001', 'MS-JZZ-001', 'MS-LNYD-001', 'MS-CJR-002', 'MS-YB-001', 'MS-SYDJ-001', 'YS-SQ-001'];

export const HALL_CATALOG: readonly CatalogItem[] = HALL_ITEM_CODES.map((code) => {
  const item = DISTRICT_CATALOG.find((i) => i.code === code);
  if (!item) throw new Error(`hall catalog: ${code} is not in the district catalog`);
  return item;
});
