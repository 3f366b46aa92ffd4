import {
  ASSESSMENT_MEASURES,
  ASSESSMENT_RATE_DECIMALS,
  ASSESSMENT_SCORE_DECIMALS,
  type AssessmentDeduction,
  type AssessmentItem,
  type AssessmentPeriod,
  type AssessmentResult,
  type AssessmentRules,
  type DeductionScore,
  type ItemScore,
  type UnitFigures,
  type UnitMeasures,
  type UnitScore,
} from '../../contracts/complaint-assessment';

/**
 * 考核细则 applied (docs/complaints.md): each unit's figures for a period become its measures
 * (rates in %, null without a basis), each item of the rules turns its measure into points, the
 * points earned are scaled to the total over the items that counted, the deductions come off,
 * and the units are ranked with ties shared. Pure: the figures come from the store, the rules
 * from the 营商局's settings.
 *
 * Everything is computed unrounded and rounded once when reported (scores to two decimals, rates
 * to one), so a unit's score is not the sum of its reported item points to the last digit. Ranks
 * compare the reported scores: two units shown with the same score share a rank.
 */

const round = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

const share = (part: number, whole: number): number | null => (whole === 0 ? null : (100 * part) / whole);

/** The rates of `raw` rounded as the scores and the statistics show them; counts as they are. */
function roundedRates(raw: UnitMeasures): UnitMeasures {
  const rate = (value: number | null) => (value === null ? null : round(value, ASSESSMENT_RATE_DECIMALS));
  return {
    ...raw,
    acceptedOnTimeRate: rate(raw.acceptedOnTimeRate),
    closedOnTimeRate: rate(raw.closedOnTimeRate),
    returnRate: rate(raw.returnRate),
    satisfactionRate: rate(raw.satisfactionRate),
  };
}

/** A unit's (or the district's) measures with its rates rounded. */
export function roundedMeasuresOf(f: UnitFigures): UnitMeasures {
  return roundedRates(measuresOf(f));
}

/** A unit's measures, unrounded. */
export function measuresOf(f: UnitFigures): UnitMeasures {
  const evaluated = Object.values(f.evaluations).reduce((sum, n) => sum + n, 0);
  return {
    acceptedOnTimeRate: share(f.acceptedOnTime, f.acceptDue),
    closedOnTimeRate: share(f.closedOnTime, f.closed),
    returnRate: share(f.returned, f.reviewed),
    satisfactionRate: share(f.evaluations.very_satisfied + f.evaluations.satisfied, evaluated),
    received: f.received,
    lateAccepted: f.acceptDue - f.acceptedOnTime,
    overdue: f.overdue,
    returned: f.returned,
    supervised: f.supervised,
  };
}

/** Whether the unit had anything to count in the period; an inactive unit is not scored. */
export function isActive(f: UnitFigures): boolean {
  const evaluated = Object.values(f.evaluations).reduce((sum, n) => sum + n, 0);
  return f.received + f.acceptDue + f.closed + f.overdue + f.reviewed + f.supervised + evaluated > 0;
}

/** The points an item earns for its measure's value, unrounded; null when the value has no basis and the rule excludes it. */
export function itemPoints(item: AssessmentItem, value: number | null): number | null {
  if (value === null) {
    if (item.kind === 'per_item') return item.points; // a count is never without a basis; nothing counted, nothing deducted
    if (item.whenNoData === 'exclude') return null;
    return item.whenNoData === 'full' ? item.points : 0;
  }
  switch (item.kind) {
    case 'linear': {
      const part = (value - item.worst) / (item.target - item.worst);
      return item.points * Math.min(1, Math.max(0, part));
    }
    case 'stepped': {
      const short = Math.max(0, item.direction === 'higher' ? item.target - value : value - item.target);
      // Floating point: 100 − 97.0000000001 is not quite 3 steps; a hair's breadth is no step.
      const raw = round(short / item.step, 9);
      const steps = item.wholeSteps ? Math.ceil(raw) : raw;
      return Math.max(0, item.points - steps * item.deduct);
    }
    case 'per_item':
      return Math.max(0, item.points - value * item.deduct);
  }
}

function scoreUnit(rules: AssessmentRules, figures: UnitFigures): Omit<UnitScore, 'rank'> {
  const raw = measuresOf(figures);
  const active = isActive(figures);
  const items: ItemScore[] = [];
  let available = 0;
  let earned = 0;
  for (const item of rules.items) {
    const value = raw[item.measure];
    const points = active ? itemPoints(item, value) : null;
    if (points !== null) {
      available += item.points;
      earned += points;
    }
    items.push({
      measure: item.measure,
      label: item.label,
      points: item.points,
      value: value === null ? null : round(value, ASSESSMENT_RATE_DECIMALS),
      earned: points === null ? null : round(points, ASSESSMENT_SCORE_DECIMALS),
    });
  }
  const deductions: DeductionScore[] = rules.deductions.map((d) => {
    const counted = raw[d.measure] ?? 0;
    const deducted = Math.min(d.cap ?? Number.POSITIVE_INFINITY, counted * d.perItem);
    return { measure: d.measure, label: d.label, count: counted, deducted: active ? deducted : 0 };
  });
  const deducted = deductions.reduce((sum, d) => sum + d.deducted, 0);
  const score = !active || available === 0 ? null : Math.max(0, (earned / available) * rules.total - deducted);
  const measures = roundedRates(raw);
  return {
    unitCode: figures.unitCode,
    active,
    measures,
    items,
    deductions: deductions.map((d) => ({ ...d, deducted: round(d.deducted, ASSESSMENT_SCORE_DECIMALS) })),
    available: round(available, ASSESSMENT_SCORE_DECIMALS),
    earned: round(earned, ASSESSMENT_SCORE_DECIMALS),
    deducted: round(deducted, ASSESSMENT_SCORE_DECIMALS),
    score: score === null ? null : round(score, ASSESSMENT_SCORE_DECIMALS),
  };
}

/**
 * Ranks by score, best first: equal scores share a rank and the next rank skips (1, 2, 2, 4);
 * units without a score follow, unranked, in the order given. Equal scores keep the order given.
 */
export function rankScores(scores: readonly Omit<UnitScore, 'rank'>[]): UnitScore[] {
  const scored = scores
    .map((s, index) => ({ s, index }))
    .filter((x): x is { s: Omit<UnitScore, 'rank'> & { score: number }; index: number } => x.s.score !== null)
    .sort((a, b) => b.s.score - a.s.score || a.index - b.index);
  const ranked: UnitScore[] = [];
  scored.forEach(({ s }, position) => {
    const previous = ranked[position - 1];
    const rank = previous !== undefined && previous.score === s.score ? previous.rank : position + 1;
    ranked.push({ ...s, rank });
  });
  return [...ranked, ...scores.filter((s) => s.score === null).map((s) => ({ ...s, rank: null }))];
}

/**
 * The period's scores and ranking of every unit whose figures are given. A unit listed twice is
 * a bug in the caller's query: refused rather than scored twice.
 */
export function assessUnits(rules: AssessmentRules, period: AssessmentPeriod, figures: readonly UnitFigures[]): AssessmentResult {
  const codes = new Set<string>();
  for (const f of figures) {
    if (codes.has(f.unitCode)) throw new RangeError(`${f.unitCode}: figures given twice`);
    codes.add(f.unitCode);
  }
  return {
    period,
    rulesName: rules.name,
    total: rules.total,
    units: rankScores(figures.map((f) => scoreUnit(rules, f))),
  };
}

const num = (n: number) => String(Number(n.toFixed(3)));

/** An item's rule as a district writes it, in Chinese: the workbook's 计分规则 sheet and the console. */
export function describeItem(item: AssessmentItem): string {
  const name = ASSESSMENT_MEASURES[item.measure].name;
  const full = `${item.label}（${num(item.points)}分）：`;
  switch (item.kind) {
    case 'linear': {
      const [best, worst] = item.direction === 'higher' ? ['及以上', '及以下'] : ['及以下', '及以上'];
      return `${full}${name}${num(item.target)}%${best}得满分，${num(item.worst)}%${worst}不得分，其间按比例计分`;
    }
    case 'stepped': {
      const side = item.direction === 'higher' ? '低' : '高';
      const whole = item.wholeSteps ? `，不足${num(item.step)}个百分点按${num(item.step)}个百分点计` : '';
      return `${full}${name}达到${num(item.target)}%得满分，每${side}${num(item.step)}个百分点扣${num(item.deduct)}分${whole}，扣完为止`;
    }
    case 'per_item':
      return `${full}每${countedAs(item.measure)}一件扣${num(item.deduct)}分，扣完为止`;
  }
}

/** 超期件数 → 超期: the verb of "每超期一件". */
const countedAs = (measure: AssessmentItem['measure']) => ASSESSMENT_MEASURES[measure].name.replace(/件[数次]$/, '');

/** A deduction as a district writes it, in Chinese. */
export function describeDeduction(deduction: AssessmentDeduction): string {
  const cap = deduction.cap === null ? '' : `，最多扣${num(deduction.cap)}分`;
  return `${deduction.label}：每${countedAs(deduction.measure)}一件扣${num(deduction.perItem)}分${cap}`;
}

/** What a rate with no basis does under an item's rule, in Chinese. */
export function describeNoData(item: AssessmentItem): string | null {
  if (item.kind === 'per_item') return null;
  return { exclude: '无办件时不计此项，分值按比例折算到其他项', full: '无办件时得满分', zero: '无办件时不得分' }[item.whenNoData];
}
