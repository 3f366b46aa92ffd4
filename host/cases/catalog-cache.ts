import { CatalogResponse } from '../../contracts/central-api';
import type { CatalogItem } from '../../contracts/central-api';
import type { CatalogView } from '../../contracts/cases';
import type { Db } from '../../db/open';
import { readCatalogCache, touchCatalogCache, writeCatalogCache } from '../../db/repositories/cases';
import type { Clock } from '../clock/clock';
import type { CatalogFetch } from './central-extras';
import type { CentralResult } from '../sync/central-client';
import { DEFAULT_CATALOG_VERSION, defaultCatalogItems } from './default-catalog';

/** The one call the cache makes; CentralExtrasClient implements it, tests may stub it. */
export interface CatalogSource {
  catalog(etag: string | null): Promise<CentralResult<CatalogFetch>>;
}

export interface RefreshReport {
  outcome: 'updated' | 'not-modified' | 'unreachable';
  /** Status and error code only when unreachable. */
  error?: string;
}

interface Current {
  source: CatalogView['source'];
  version: number;
  fetchedAt: string | null;
  items: readonly CatalogItem[];
  byCode: ReadonlyMap<string, CatalogItem>;
}

/**
 * The service catalog the kiosk offers. The central API's copy is cached in SQLite and
 * revalidated with its ETag; when the central API is unreachable the cached copy serves (the
 * kiosk never assumes the central API is up), and before any fetch ever succeeded the
 * built-in catalog does.
 */
export class CatalogCache {
  private current: Current;
  private etag: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: { db: Db; source: CatalogSource; clock: Clock }) {
    this.current = this.loadStored() ?? fromItems('builtin', DEFAULT_CATALOG_VERSION, null, defaultCatalogItems);
  }

  view(): CatalogView {
    const c = this.current;
    return { source: c.source, version: c.version, fetchedAt: c.fetchedAt, items: c.items.map((i) => ({ ...i })) };
  }

  item(code: string): CatalogItem | undefined {
    return this.current.byCode.get(code);
  }

  /** Asks the central API for a newer catalog; never throws for a network or server failure. */
  async refresh(): Promise<RefreshReport> {
    const reply = await this.o.source.catalog(this.etag);
    const now = this.o.clock.now().toISOString();
    if (!reply.ok) {
      // Keep serving what we have; a cached copy is now knowingly possibly stale.
      if (this.current.source === 'central') this.current = { ...this.current, source: 'cache' };
      return { outcome: 'unreachable', error: reply.message };
    }
    if (reply.body.notModified) {
      touchCatalogCache(this.o.db, now);
      this.current = { ...this.current, source: 'central', fetchedAt: now };
      return { outcome: 'not-modified' };
    }
    const { catalog, etag } = reply.body;
    // Without an ETag every poll downloads the catalog; store '' so it is never sent as one.
    writeCatalogCache(this.o.db, { etag: etag ?? '', json: JSON.stringify(catalog), fetchedAt: now });
    this.etag = etag;
    this.current = fromItems('central', catalog.version, now, catalog.items);
    return { outcome: 'updated' };
  }

  /** Refreshes now and then every `intervalMs` (304s keep the poll cheap). Idempotent. */
  start(intervalMs = 10 * 60_000): void {
    if (this.timer) return;
    void this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private loadStored(): Current | undefined {
    const stored = readCatalogCache(this.o.db);
    if (!stored) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(stored.json);
    } catch {
      return undefined;
    }
    // A copy written by an older build may not fit today's contract: then start from the built-in one.
    const parsed = CatalogResponse.safeParse(json);
    if (!parsed.success) return undefined;
    this.etag = stored.etag === '' ? null : stored.etag;
    return fromItems('cache', parsed.data.version, stored.fetchedAt, parsed.data.items);
  }
}

function fromItems(source: Current['source'], version: number, fetchedAt: string | null, items: readonly CatalogItem[]): Current {
  return { source, version, fetchedAt, items, byCode: new Map(items.map((i) => [i.code, i])) };
}
