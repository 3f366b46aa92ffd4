import type { DispatchBasis, DispatchRule, DispatchSuggestion } from '../../contracts/complaint-sorting';
import type { Complaint, Unit } from '../../contracts/complaints';
import { foldText } from './complaint-duplicates';

/**
 * Dispatch suggestions for the sorter (分拣转办): the lead unit (and co-units) the 营商局's rules
 * name for a complaint's topic, area and words, most specific first. A keyword names the matter
 * itself (消防, 排水), the area only where it happened, the topic only its kind, so a matched
 * keyword weighs 4, the area 2, the topic 1; equal weights keep the order the 营商局 listed its
 * rules in. When no rule names a unit for the area, the street or zone of the area itself comes
 * last (属地管理: a matter with no department of its own is the street's). Only suggestions: the
 * sorter dispatches.
 */

export type DispatchSubject = Pick<Complaint, 'topic' | 'area' | 'text'>;

const WEIGHT: Readonly<Record<Exclude<DispatchBasis, 'area_default'>, number>> = { keyword: 4, area: 2, topic: 1 };

function match(rule: DispatchRule, subject: DispatchSubject, text: string): DispatchSuggestion | null {
  if (rule.topic !== null && rule.topic !== subject.topic) return null;
  if (rule.area !== null && rule.area !== subject.area) return null;
  const matchedKeywords = rule.keywords.filter((keyword) => text.includes(foldText(keyword)));
  if (rule.keywords.length > 0 && matchedKeywords.length === 0) return null;
  const basis: Exclude<DispatchBasis, 'area_default'>[] = [];
  if (matchedKeywords.length > 0) basis.push('keyword');
  if (rule.area !== null) basis.push('area');
  if (rule.topic !== null) basis.push('topic');
  return {
    leadUnit: rule.leadUnit,
    coUnits: [...rule.coUnits],
    ruleId: rule.id,
    basis,
    matchedKeywords,
    specificity: basis.reduce((sum, b) => sum + WEIGHT[b], 0),
  };
}

/**
 * The suggestions for a complaint, best first, one per lead unit (its most specific rule's).
 * `units` are the district's: a rule naming an inactive or unknown unit suggests nothing.
 */
export function suggestDispatch(
  subject: DispatchSubject,
  rules: readonly DispatchRule[],
  units: readonly Unit[],
): DispatchSuggestion[] {
  const active = new Set(units.filter((u) => u.active).map((u) => u.code));
  const text = foldText(subject.text);
  const matched = rules
    .map((rule, order) => ({ suggestion: match(rule, subject, text), order }))
    .filter((m): m is { suggestion: DispatchSuggestion; order: number } => m.suggestion !== null)
    .filter((m) => active.has(m.suggestion.leadUnit))
    .sort((a, b) => b.suggestion.specificity - a.suggestion.specificity || a.order - b.order);

  const suggestions: DispatchSuggestion[] = [];
  for (const { suggestion } of matched) {
    if (suggestions.some((s) => s.leadUnit === suggestion.leadUnit)) continue;
    suggestions.push({ ...suggestion, coUnits: suggestion.coUnits.filter((code) => active.has(code)) });
  }
  const area = subject.area;
  if (area !== null && active.has(area) && !suggestions.some((s) => s.leadUnit === area)) {
    suggestions.push({ leadUnit: area, coUnits: [], ruleId: null, basis: ['area_default'], matchedKeywords: [], specificity: 0 });
  }
  return suggestions;
}
