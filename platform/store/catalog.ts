import type { CatalogItem } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface CatalogRow {
  version: number;
  etag: string;
  items: CatalogItem[];
  updatedAt: Date;
}

const COLUMNS = 'version, etag, items, updated_at AS "updatedAt"';

export async function readCatalog(sql: Sql, forUpdate = false): Promise<CatalogRow | undefined> {
  const [row] = await sql.query<CatalogRow>(`SELECT ${COLUMNS} FROM catalog WHERE id = 1${forUpdate ? ' FOR UPDATE' : ''}`);
  return row;
}

/** The catalog's ETag alone: enough to answer a conditional GET with 304. */
export async function readCatalogEtag(sql: Sql): Promise<string | undefined> {
  const [row] = await sql.query<{ etag: string }>('SELECT etag FROM catalog WHERE id = 1');
  return row?.etag;
}

/** Writes the catalog's one row; `onlyIfMissing` leaves an existing one alone (the first start's seed). */
export async function writeCatalog(sql: Sql, catalog: CatalogRow, onlyIfMissing = false): Promise<void> {
  await sql.query(
    `INSERT INTO catalog (id, version, etag, items, updated_at) VALUES (1, $1, $2, $3::jsonb, $4)
     ON CONFLICT (id) DO ${
       onlyIfMissing
         ? 'NOTHING'
         : 'UPDATE SET version = excluded.version, etag = excluded.etag, items = excluded.items, updated_at = excluded.updated_at'
     }`,
    [catalog.version, catalog.etag, JSON.stringify(catalog.items), catalog.updatedAt.toISOString()],
  );
}

export interface RetiredItemRow {
  item: CatalogItem;
  retiredAt: Date;
}

/** The items the console retired, most recently retired first. */
export function retiredItems(sql: Sql): Promise<RetiredItemRow[]> {
  return sql.query<RetiredItemRow>(
    'SELECT item, retired_at AS "retiredAt" FROM catalog_retired_items ORDER BY retired_at DESC, code',
  );
}

/** Keeps a retired item (a second retirement of the same code keeps the latest). */
export async function keepRetiredItem(sql: Sql, item: CatalogItem, at: Date): Promise<void> {
  await sql.query(
    `INSERT INTO catalog_retired_items (code, item, retired_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (code) DO UPDATE SET item = excluded.item, retired_at = excluded.retired_at`,
    [item.code, JSON.stringify(item), at.toISOString()],
  );
}

/** An item added back is no longer retired. */
export async function forgetRetiredItem(sql: Sql, code: string): Promise<void> {
  await sql.query('DELETE FROM catalog_retired_items WHERE code = $1', [code]);
}
