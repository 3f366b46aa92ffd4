import type { CatalogItem, CatalogResponse } from '../../contracts/central-api';
import { HALL_CATALOG } from '../../contracts/hall-catalog';
import type { Sql } from '../db/sql';
import { readCatalog, writeCatalog, type CatalogRow } from '../store/catalog';
import { canonicalHash } from './canonical';

export interface CatalogSnapshot {
  etag: string;
  body: CatalogResponse;
}

/** A strong ETag: a digest of the representation, so equal ETags mean equal JSON. */
function etagOf(body: CatalogResponse): string {
  return `"${canonicalHash(body).slice(0, 32)}"`;
}

function snapshotOf(row: CatalogRow): CatalogSnapshot {
  return { etag: row.etag, body: { version: row.version, updatedAt: row.updatedAt.toISOString(), items: row.items } };
}

function rowOf(version: number, items: readonly CatalogItem[], updatedAt: Date): CatalogRow {
  const body: CatalogResponse = { version, updatedAt: updatedAt.toISOString(), items: [...items] };
  return { version, etag: etagOf(body), items: body.items, updatedAt };
}

/** The service catalog (事项): one document, replaced as a whole; seeded with the hall's items on first start. */
export class CatalogService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** Writes the built-in catalog (contracts/hall-catalog.ts) if there is none; two instances starting together write it once. */
  async seed(): Promise<void> {
    await writeCatalog(this.sql, rowOf(1, HALL_CATALOG, this.now()), true);
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
