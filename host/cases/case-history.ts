import type { CaseStatus, StatusHistoryEntry } from '../../contracts/central-api';

/**
 * Adds a status change to a case's history unless it is already there, so applying the
 * same change twice (a re-pulled page, a replayed delivery) changes nothing. The kiosk's own
 * 'submitted' entry and the central API's stand for the same event: only one is kept.
 */
export function withChange(
  history: readonly StatusHistoryEntry[],
  change: { status: CaseStatus; at: string; note?: string | undefined },
): StatusHistoryEntry[] | null {
  const at = new Date(change.at).toISOString();
  const seen = history.some(
    (h) => h.status === change.status && (change.status === 'submitted' || new Date(h.at).getTime() === Date.parse(at)),
  );
  if (seen) return null;
  return [...history, { status: change.status, at, ...(change.note === undefined ? {} : { note: change.note }) }];
}
