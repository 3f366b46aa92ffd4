import type { LogEntry } from '../../../contracts/logs';

/** An entry's details as one line: `device=printer-1 state=ok`. */
export function contextText(entry: LogEntry): string {
  return Object.entries(entry.context)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/** Entries whose message or details contain `text` (case-insensitive), newest first. */
export function filterEntries(entries: readonly LogEntry[], text: string): LogEntry[] {
  const needle = text.trim().toLowerCase();
  const matching =
    needle === '' ? [...entries] : entries.filter((e) => `${e.msg} ${contextText(e)}`.toLowerCase().includes(needle));
  return matching.reverse();
}
