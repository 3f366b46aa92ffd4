import type { CatalogItem, CatalogResponse, HallLevel } from '../../contracts/central-api';
import { itemsForHall } from '../../contracts/catalog-scope';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import type { Sql } from '../db/sql';
import { readCatalog, readCatalogEtag, writeCatalog, type CatalogRow } from '../store/catalog';
import { canonicalHash } from './canonical';

export interface CatalogSnapshot {
  etag: string;
  body: CatalogResponse;
}

/** A strong ETag: a digest of the representation, so equal ETags mean equal JSON. */
function etagOf(body: CatalogResponse): string {
  return `"${canonicalHash(body).slice(0, 32)}"`;
}

export function snapshotOf(row: CatalogRow): CatalogSnapshot {
  return { etag: row.etag, body: { version: row.version, updatedAt: row.updatedAt.toISOString(), items: row.items } };
}

export function rowOf(version: number, items: readonly CatalogItem[], updatedAt: Date): CatalogRow {
  const body: CatalogResponse = { version, updatedAt: updatedAt.toISOString(), items: [...items] };
  return { version, etag: etagOf(body), items: body.items, updatedAt };
}

/**
 * A hall's view of the catalog: what its level offers. Its ETag is derived from the whole
 * catalog's and the level, so it changes with either, differs between the two levels, and is
 * known without reading the items (a 304 costs one small read).
 */
export type LevelCatalog = { kind: 'not_modified'; etag: string } | { kind: 'catalog'; etag: string; body: CatalogResponse };

function levelEtag(catalogEtag: string, level: HallLevel): string {
  return `"${canonicalHash({ catalog: catalogEtag, level }).slice(0, 32)}"`;
}

/**
 * The district's one catalog (事项, 统一事项标准): one document, replaced as a whole; seeded with
 * the district's items (contracts/district-catalog.ts) on first start. Each hall is served the part
 * its level offers (contracts/catalog-scope.ts), so hosts need no setting for it.
 */
export class CatalogService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** Writes the district's catalog (contracts/district-catalog.ts) if there is none; two instances starting together write it once. */
  async seed(): Promise<void> {
    await writeCatalog(this.sql, rowOf(1, DISTRICT_CATALOG, this.now()), true);
  }

  /** The catalog as a hall of `level` sees it, or `not_modified` when `ifNoneMatch` names its ETag. */
  async forLevel(level: HallLevel, ifNoneMatch: string | undefined): Promise<LevelCatalog> {
    const current = await readCatalogEtag(this.sql);
    if (current !== undefined && matchesIfNoneMatch(ifNoneMatch, levelEtag(current, level))) {
      return { kind: 'not_modified', etag: levelEtag(current, level) };
    }
    // The items of the row read now: if it was replaced since the ETag above, this is the newer one.
    const { etag, body } = await this.current();
    return { kind: 'catalog', etag: levelEtag(etag, level), body: { ...body, items: itemsForHall(body.items, level) } };
  }

  async current(): Promise<CatalogSnapshot> {
    const row = await readCatalog(this.sql);
    if (row === undefined) throw new Error('the catalog is seeded when the platform starts');
    return snapshotOf(row);
  }

  /** Replaces every item and bumps the version, hence the ETag, even if the items are unchanged. */
  replace(items: readonly CatalogItem[]): Promise<CatalogSnapshot> {
    return this.sql.transaction(async (tx) => {
      // Locked: two replacements at once get versions n+1 and n+2, never n+1 twice.
      const previous = await readCatalog(tx, true);
      const row = rowOf((previous?.version ?? 0) + 1, items, this.now());
      await writeCatalog(tx, row);
      return snapshotOf(row);
    });
  }
}

/**
 * RFC 9110 If-None-Match: a list of entity tags or `*`, compared weakly (a `W/` prefix is
 * ignored), so a cache that weakened our tag still gets its 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === etag);
}
