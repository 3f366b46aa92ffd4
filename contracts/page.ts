import { z } from 'zod';

/**
 * Paging of the list routes (staff accounts, paired terminals, all notices). A list route that
 * answers with its whole table lets one request make the host serialize every row it ever
 * stored; each list takes a bounded `limit` and an `offset` instead, and its reply says where
 * the next page starts. One query schema for every list route, declared here once.
 */

/** The most rows one page may carry: a larger `limit` is a 400, never the whole table. */
export const PAGE_LIMIT_MAX = 200;
export const PAGE_LIMIT_DEFAULT = 100;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  /** Rows to skip: the `next` of the page before (0 for the first page). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;
export type PageQueryInput = z.input<typeof PageQuery>;

/** The `offset` of the next page, or null after the last one. */
export const NextPage = z.number().int().nonnegative().nullable();
export type NextPage = z.infer<typeof NextPage>;

/**
 * A page from rows read with `limit + 1` at `offset`: the extra row is not returned, it only
 * tells that a next page exists (no COUNT over the table).
 */
export function pageOf<T>(rows: readonly T[], page: PageQuery): { rows: T[]; next: NextPage } {
  const more = rows.length > page.limit;
  return { rows: rows.slice(0, page.limit), next: more ? page.offset + page.limit : null };
}
