/**
 * The host's recent log lines as the technician console reads them: kept in memory
 * only, every line masked before it is kept (no ID number, phone, name or address).
 */
import { z } from 'zod';

/** pino's levels, lowest first. */
export const LogLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
export type LogLevel = z.infer<typeof LogLevel>;

/** A masked context value: nested objects are flattened to dotted keys, long text is cut. */
export const LogContextValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const LogEntry = z.object({
  /** Increases by one per line kept since the host started: a poller asks for what follows. */
  seq: z.number().int().positive(),
  time: z.iso.datetime(),
  level: LogLevel,
  msg: z.string(),
  context: z.record(z.string(), LogContextValue),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const LogQuery = z.object({
  /** The lowest level returned (`warn` returns warn, error and fatal). */
  level: LogLevel.optional(),
  /** Only lines logged at or after this instant. */
  since: z.iso.datetime().optional(),
  /** Only lines after this sequence number (a poller passes the last one it has). */
  after: z.coerce.number().int().min(0).optional(),
  /** The newest `limit` matching lines, oldest first. */
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type LogQuery = z.infer<typeof LogQuery>;

export const LogList = z.object({
  entries: z.array(LogEntry),
  /** Lines the buffer dropped (oldest first) to stay within its size since the host started. */
  dropped: z.number().int().nonnegative(),
});
export type LogList = z.infer<typeof LogList>;
