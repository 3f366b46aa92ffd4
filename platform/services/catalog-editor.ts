import type { CatalogItem } from '../../contracts/central-api';
import type { ConsoleCatalog } from '../../contracts/platform-console';
import type { Sql } from '../db/sql';
import { forgetRetiredItem, keepRetiredItem, readCatalog, retiredItems, writeCatalog } from '../store/catalog';
import { insertAudit } from '../store/district-audit';
import { rowOf, snapshotOf, type CatalogSnapshot } from './catalog-service';

/**
 * What an edit of the console found: done (the new catalog), or why not. Every edit names the
 * version its editor read, so two operators never overwrite each other unseen.
 */
export type CatalogEdit =
  | { kind: 'ok'; snapshot: CatalogSnapshot }
  | { kind: 'changed'; version: number }
  | { kind: 'not_found' }
  | { kind: 'exists' }
  | { kind: 'empty' };

/**
 * The console's catalog editor over the one catalog document: each edit reads it locked, checks
 * the version the editor read, changes one item, and writes the whole document back as a
 * replacement would (version and ETag bumped), so the halls see it at their next poll.
 */
export class CatalogEditor {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async view(): Promise<ConsoleCatalog> {
    const row = await readCatalog(this.sql);
    if (row === undefined) throw new Error('the catalog is seeded when the platform starts');
    const retired = await retiredItems(this.sql);
    return {
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      etag: row.etag,
      items: row.items,
      retired: retired.map((r) => ({ item: r.item, retiredAt: r.retiredAt.toISOString() })),
    };
  }

  add(expectedVersion: number, item: CatalogItem, actor: string): Promise<CatalogEdit> {
    return this.edit({ expectedVersion, actor, action: 'catalog.add', code: item.code }, async (tx, items) => {
      if (items.some((i) => i.code === item.code)) return 'exists';
      await forgetRetiredItem(tx, item.code);
      return [...items, item];
    });
  }

  change(code: string, expectedVersion: number, item: CatalogItem, actor: string): Promise<CatalogEdit> {
    return this.edit({ expectedVersion, actor, action: 'catalog.change', code }, async (_tx, items) => {
      if (!items.some((i) => i.code === code)) return 'not_found';
      // The code names the item in every hall's cases and links: it stays.
      return items.map((i) => (i.code === code ? { ...item, code } : i));
    });
  }

  retire(code: string, expectedVersion: number, actor: string): Promise<CatalogEdit> {
    return this.edit({ expectedVersion, actor, action: 'catalog.retire', code }, async (tx, items) => {
      const item = items.find((i) => i.code === code);
      if (item === undefined) return 'not_found';
      if (items.length === 1) return 'empty';
      await keepRetiredItem(tx, item, this.now());
      return items.filter((i) => i.code !== code);
    });
  }

  /**
   * Each `change` decides before it writes anything, so a refusal leaves the transaction clean; a
   * change done is written with its audit row (who, which item, the new version) in one commit.
   */
  private edit(
    what: { expectedVersion: number; actor: string; action: 'catalog.add' | 'catalog.change' | 'catalog.retire'; code: string },
    change: (tx: Sql, items: readonly CatalogItem[]) => Promise<CatalogItem[] | 'exists' | 'not_found' | 'empty'>,
  ): Promise<CatalogEdit> {
    const { expectedVersion } = what;
    return this.sql.transaction(async (tx): Promise<CatalogEdit> => {
      // Locked: two edits at once get versions n+1 and n+2, and the second sees the first.
      const current = await readCatalog(tx, true);
      if (current === undefined) throw new Error('the catalog is seeded when the platform starts');
      if (current.version !== expectedVersion) return { kind: 'changed', version: current.version };
      const items = await change(tx, current.items);
      if (typeof items === 'string') return { kind: items };
      const row = rowOf(current.version + 1, items, this.now());
      await writeCatalog(tx, row);
      await insertAudit(tx, {
        at: row.updatedAt,
        actor: what.actor,
        action: what.action,
        subject: `catalog:${what.code}`,
        detail: { version: row.version },
      });
      return { kind: 'ok', snapshot: snapshotOf(row) };
    });
  }
}
