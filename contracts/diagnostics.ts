/**
 * The technician's diagnostics bundle: a zip of what support needs to understand a
 * hall host, and nothing personal. These are the shapes of its JSON files that have their own.
 */
import { z } from 'zod';

/** host.json: what is running where. */
export const DiagnosticsHostInfo = z.object({
  generatedAt: z.iso.datetime(),
  appVersion: z.string(),
  node: z.string(),
  /** null when the host runs under plain Node (no Electron binary). */
  electron: z.string().nullable(),
  platform: z.string(),
  arch: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  memory: z.object({
    rss: z.number().int().nonnegative(),
    heapTotal: z.number().int().nonnegative(),
    heapUsed: z.number().int().nonnegative(),
    external: z.number().int().nonnegative(),
  }),
  role: z.string(),
  hallName: z.string(),
  hallId: z.string(),
  terminalId: z.string(),
  terminalName: z.string(),
  timeZone: z.string(),
  businessDay: z.iso.date(),
  /** Where the API listens (`host:port`), as bound or else as configured. */
  listen: z.array(z.string()),
  lanEnabled: z.boolean(),
  /** The hall host this terminal uses; null when it is the hall itself. */
  hallUrl: z.string().nullable(),
});
export type DiagnosticsHostInfo = z.infer<typeof DiagnosticsHostInfo>;

/** database.json: the SQLite file's health and size, row counts only (never a row). */
export const DatabaseFacts = z.object({
  /** `ok`, or SQLite's list of problems. */
  quickCheck: z.array(z.string()),
  pageCount: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  freelistCount: z.number().int().nonnegative(),
  userVersion: z.number().int().nonnegative(),
  journalMode: z.string(),
  /** Bytes of the write-ahead log next to the file (0 when there is none). */
  walBytes: z.number().int().nonnegative(),
  rowCounts: z.record(z.string(), z.number().int().nonnegative()),
});
export type DatabaseFacts = z.infer<typeof DatabaseFacts>;
