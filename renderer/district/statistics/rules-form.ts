import { AssessmentRules, type AssessmentItem } from '../../../contracts/complaint-assessment';

/**
 * The rules editor's logic: the numbers a supervisor changes (each item's points and its
 * thresholds, each deduction's points and cap, the rules' name), the points' sum the total must
 * equal, and the contract's own validation, so the editor refuses what the platform would.
 */

/** The numeric fields of an item a supervisor edits, by its kind. */
export type ItemField = 'points' | 'target' | 'worst' | 'step' | 'deduct';

export function fieldsOf(item: AssessmentItem): ItemField[] {
  switch (item.kind) {
    case 'linear':
      return ['points', 'target', 'worst'];
    case 'stepped':
      return ['points', 'target', 'step', 'deduct'];
    case 'per_item':
      return ['points', 'deduct'];
  }
}

/** The item's value of a field it has (undefined for one it has not). */
export function fieldValue(item: AssessmentItem, field: ItemField): number | undefined {
  switch (field) {
    case 'points':
      return item.points;
    case 'deduct':
      return item.kind === 'linear' ? undefined : item.deduct;
    case 'target':
      return item.kind === 'per_item' ? undefined : item.target;
    case 'worst':
      return item.kind === 'linear' ? item.worst : undefined;
    case 'step':
      return item.kind === 'stepped' ? item.step : undefined;
  }
}

/** The rules with one item's field set; a field the item has not leaves it as it was. */
export function withItemField(rules: AssessmentRules, index: number, field: ItemField, value: number): AssessmentRules {
  const items = rules.items.map((item, i) => {
    if (i !== index || fieldValue(item, field) === undefined) return item;
    return { ...item, [field]: value };
  });
  return { ...rules, items };
}

export function withDeduction(
  rules: AssessmentRules,
  index: number,
  change: { perItem?: number; cap?: number | null },
): AssessmentRules {
  return { ...rules, deductions: rules.deductions.map((d, i) => (i === index ? { ...d, ...change } : d)) };
}

/** The items' points summed: what the editor shows against the total. */
export function pointsSum(rules: AssessmentRules): number {
  return Number(rules.items.reduce((sum, item) => sum + item.points, 0).toFixed(3));
}

export type RulesCheck = { ok: true; rules: AssessmentRules } | { ok: false; problems: string[] };

/** The contract's validation of the edited rules, its problems as `path: message` lines. */
export function checkRules(rules: AssessmentRules): RulesCheck {
  const parsed = AssessmentRules.safeParse(rules);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

/** A number typed into a field: NaN for what is not one, so the check refuses it. */
export function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}
