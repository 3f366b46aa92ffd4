import { DEFAULT_DUPLICATE_RULE, type DuplicateMatch } from '../../contracts/complaint-sorting';
import type { Sql } from '../db/sql';
import { enterpriseComplaintRows } from '../store/complaints';
import { findDuplicates, foldText, type DuplicateCandidate } from './complaint-duplicates';

const DAY_MS = 86_400_000;

/** The key an enterprise's complaints are found by when it gave no credit code: its name, folded. */
export function enterpriseKeyOf(name: string): string {
  return foldText(name);
}

/**
 * The complaints `complaint` may repeat (complaint-duplicates.ts): its enterprise's complaints
 * registered within the rule's window either way, one indexed read (by credit code or folded
 * name), then the rule itself. Read when registered and on its page, so a 民心网 batch bringing
 * an older complaint later flags both.
 */
export async function duplicatesOf(sql: Sql, complaint: DuplicateCandidate): Promise<DuplicateMatch[]> {
  const rule = DEFAULT_DUPLICATE_RULE;
  const at = Date.parse(complaint.registeredAt);
  const rows = await enterpriseComplaintRows(
    sql,
    { creditCode: complaint.enterprise.creditCode, key: enterpriseKeyOf(complaint.enterprise.name) },
    new Date(at - rule.windowDays * DAY_MS),
    new Date(at + rule.windowDays * DAY_MS),
  );
  const candidates: DuplicateCandidate[] = rows.map((row) => ({
    number: row.number,
    enterprise: { name: row.enterpriseName, creditCode: row.creditCode },
    topic: row.topic,
    text: row.text,
    registeredAt: row.registeredAt.toISOString(),
    state: row.state,
  }));
  return findDuplicates(complaint, candidates, rule);
}
