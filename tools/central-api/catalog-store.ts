import type { Db } from '../../db/open';
import type { CatalogItem, CatalogResponse } from '../../contracts/central-api';
import { canonicalHash } from './canonical';
import { HALL_CATALOG } from '../../contracts/hall-catalog';

interface CatalogRow {
  version: number;
  etag: string;
  items_json: string;
  updated_at: string;
}

export interface CatalogSnapshot {
  etag: string;
  body: CatalogResponse;
}

/** A strong ETag: a digest of the exact representation, so equal ETags mean equal bytes of JSON. */
function etagOf(body: CatalogResponse): string {
  return `"${canonicalHash(body).slice(0, 32)}"`;
}

/** The service catalog: one row, replaced as a whole, seeded with the hall's items when empty. */
export class CatalogStore {
  private readonly read;
  private readonly write;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.read = db.prepare('SELECT version, etag, items_json, updated_at FROM catalog WHERE id = 1');
    this.write = db.prepare(
      `INSERT INTO catalog (id, version, etag, items_json, updated_at) VALUES (1, @version, @etag, @items, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET version = @version, etag = @etag, items_json = @items, updated_at = @updatedAt`,
    );
    if (this.read.get() === undefined) this.replace(HALL_CATALOG);
  }

  current(): CatalogSnapshot {
    const row = this.read.get() as CatalogRow;
    const body: CatalogResponse = {
      version: row.version,
      updatedAt: row.updated_at,
      items: JSON.parse(row.items_json) as CatalogItem[],
    };
    return { etag: row.etag, body };
  }

  /** Replaces every item and bumps the version, hence the ETag, even if the items are unchanged. */
  replace(items: readonly CatalogItem[]): CatalogSnapshot {
    const run = this.db.transaction((): CatalogSnapshot => {
      const previous = this.read.get() as CatalogRow | undefined;
      const body: CatalogResponse = {
        version: (previous?.version ?? 0) + 1,
        updatedAt: this.now().toISOString(),
        items: [...items],
      };
      const etag = etagOf(body);
      this.write.run({ version: body.version, etag, items: JSON.stringify(body.items), updatedAt: body.updatedAt });
      return { etag, body };
    });
    return run.immediate();
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
