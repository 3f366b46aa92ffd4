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
