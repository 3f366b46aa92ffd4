import type { DuplicateMatch, DuplicateRule } from '../../contracts/complaint-sorting';
import type { Complaint } from '../../contracts/complaints';

/**
 * Duplicate detection for the sorter (分拣): an enterprise that calls the hotline and then files
 * at the kiosk about the same matter should be handled once. The rule (contracts/complaint-sorting.ts):
 * the same enterprise, registered within `windowDays` calendar days either way, and the same
 * topic or texts alike enough. Topic alone is coarse (审批服务 covers many matters), but a sorter
 * dismisses a wrong flag in a glance while a missed one costs two units a second handling; the
 * text similarity catches the same matter filed under another topic. Flags only: the sorter
 * merges (complaint-lifecycle.ts `merge`).
 */

export type DuplicateCandidate = Pick<Complaint, 'number' | 'enterprise' | 'topic' | 'text' | 'registeredAt' | 'state'>;

const HOUR_MS = 3_600_000;

/** Width, case and compatibility forms folded (全角 → 半角), spaces and punctuation dropped. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * One enterprise: the same credit code when both have one (two codes are two legal entities,
 * whatever their names); otherwise the same name, folded.
 */
export function sameEnterprise(a: DuplicateCandidate['enterprise'], b: DuplicateCandidate['enterprise']): boolean {
  if (a.creditCode !== null && b.creditCode !== null) return a.creditCode === b.creditCode;
  return foldText(a.name) === foldText(b.name);
}

function pairs(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * How alike two texts are, 0–1: the Dice coefficient of their adjacent-character pairs (2 × shared
 * pairs ÷ all pairs), after folding. Chinese has no spaces to split words at, and two characters
 * are the usual length of a word, so pairs compare wording without a dictionary.
 */
export function textSimilarity(a: string, b: string): number {
  const left = foldText(a);
  const right = foldText(b);
  if (left.length < 2 || right.length < 2) return left === right ? 1 : 0;
  const leftPairs = pairs(left);
  const rightPairs = pairs(right);
  let shared = 0;
  let total = 0;
  for (const count of leftPairs.values()) total += count;
  for (const [pair, count] of rightPairs) {
    total += count;
    shared += Math.min(count, leftPairs.get(pair) ?? 0);
  }
  return (2 * shared) / total;
}

/**
 * The complaints `complaint` may repeat, most alike first. Merged and not-admitted complaints
 * are no one to merge into and are skipped, as is the complaint itself.
 */
export function findDuplicates(
  complaint: DuplicateCandidate,
  others: Iterable<DuplicateCandidate>,
  rule: DuplicateRule,
): DuplicateMatch[] {
  const at = Date.parse(complaint.registeredAt);
  const matches: DuplicateMatch[] = [];
  for (const other of others) {
    if (other.number === complaint.number || other.state === 'merged' || other.state === 'not_admitted') continue;
    if (!sameEnterprise(complaint.enterprise, other.enterprise)) continue;
    const hoursApart = Math.abs(Date.parse(other.registeredAt) - at) / HOUR_MS;
    if (hoursApart > rule.windowDays * 24) continue;
    const sameTopic = other.topic === complaint.topic;
    const similarity = textSimilarity(complaint.text, other.text);
    if (sameTopic || similarity >= rule.textSimilarity) matches.push({ number: other.number, sameTopic, similarity, hoursApart });
  }
  return matches.sort((a, b) => b.similarity - a.similarity || a.hoursApart - b.hoursApart || a.number.localeCompare(b.number));
}
