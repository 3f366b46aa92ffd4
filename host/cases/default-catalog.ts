import type { CatalogItem } from '../../contracts/central-api';
import { HALL_CATALOG } from '../../contracts/hall-catalog';

/**
 * The catalog a kiosk shows before it has ever reached the central API (a new install, an
 * outage on day one): the hall's own items, the same ones the district platform starts with.
 * Once a catalog was fetched, the cached copy wins, even when the central API is down.
 * Codes are the hall's (the province's item codes differ per region).
 */
export const DEFAULT_CATALOG_VERSION = 0;

/** The hall's items (contracts/hall-catalog.ts), shared with the district platform (platform/). */
export const defaultCatalogItems: readonly CatalogItem[] = HALL_CATALOG;
