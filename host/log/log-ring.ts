import type { LogEntry, LogList, LogQuery } from '../../contracts/logs';
import { levelNumber, toLogEntry } from './log-entry';

export interface LogRingLimits {
  /** Entries kept at most (the oldest go first). */
  maxEntries: number;
  /** Serialised size kept at most, so a burst of long lines cannot grow the host's memory. */
  maxBytes: number;
}

/**
 * The host's recent log lines, in memory only (nothing extra is written to disk), every line
 * masked before it is kept. Fed by the logger (see ring-destination.ts); read by the console's
 * log screen and the diagnostics bundle.
 */
export class LogRing {
  private readonly entries: { entry: LogEntry; bytes: number }[] = [];
  private bytes = 0;
  private seq = 0;
  private droppedCount = 0;
  private readonly limits: LogRingLimits;

  constructor(limits: Partial<LogRingLimits> = {}) {
    this.limits = { maxEntries: 2000, maxBytes: 1_000_000, ...limits };
  }

  /** Keeps one pino record (masked on the way in). */
  add(record: Record<string, unknown>): LogEntry {
    this.seq += 1;
    const entry = toLogEntry(record, this.seq);
    const bytes = Buffer.byteLength(JSON.stringify(entry));
    this.entries.push({ entry, bytes });
    this.bytes += bytes;
    while (this.entries.length > this.limits.maxEntries || (this.bytes > this.limits.maxBytes && this.entries.length > 1)) {
      const oldest = this.entries.shift();
      if (oldest) this.bytes -= oldest.bytes;
      this.droppedCount += 1;
    }
    return entry;
  }

  /** The newest `limit` entries that match, oldest first. */
  query(q: Partial<LogQuery> = {}): LogList {
    const minLevel = q.level ? levelNumber(q.level) : 0;
    const since = q.since ? Date.parse(q.since) : Number.NEGATIVE_INFINITY;
    const after = q.after ?? 0;
    const matching = this.entries
      .map((e) => e.entry)
      .filter((e) => e.seq > after && levelNumber(e.level) >= minLevel && Date.parse(e.time) >= since);
    const limit = q.limit ?? this.limits.maxEntries;
    return { entries: matching.slice(Math.max(0, matching.length - limit)), dropped: this.droppedCount };
  }

  /** Everything kept, oldest first (for the diagnostics bundle). */
  all(): LogEntry[] {
    return this.entries.map((e) => e.entry);
  }
}
