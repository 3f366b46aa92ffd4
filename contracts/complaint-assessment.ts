import { z } from 'zod';
import type { EvaluationLevel } from './central-api';
import { UnitCode } from './complaints';

/**
 * 考核细则: the yearly (or quarterly) assessment of the units that handle 营商诉求. Each unit's
 * figures for a period (`UnitFigures`, counted by the store), the measures made of them (rates
 * and counts), the rules a district writes (each item's 分值, direction, how a rate becomes
 * points, deductions per item with a cap) and the scores and ranking they give. The rules are
 * applied by platform/services/complaint-assessment.ts; docs/complaints.md explains them.
 */

const count = z.number().int().nonnegative();
const isoDate = z.iso.date();

/** The period assessed: Beijing dates, both included. */
export const AssessmentPeriod = z
  .object({ from: isoDate, to: isoDate, label: z.string().trim().min(1).max(40) })
  .refine((p) => p.from <= p.to, { message: 'the period ends before it begins', path: ['to'] });
export type AssessmentPeriod = z.infer<typeof AssessmentPeriod>;

/** The enterprises' evaluations by level (the five of 好差评). */
export const EvaluationCounts = z.object({
  very_satisfied: count,
  satisfied: count,
  basic: count,
  dissatisfied: count,
  very_dissatisfied: count,
} satisfies Record<EvaluationLevel, typeof count>);
export type EvaluationCounts = z.infer<typeof EvaluationCounts>;

/**
 * One unit's figures for a period, as the store counts them. "In the period" means the Beijing
 * date of the instant named lies within it. A complaint belongs to a unit for a figure when the
 * unit is its lead unit at that step (co-units only in `supervised`).
 */
export const UnitFigures = z
  .object({
    unitCode: UnitCode,
    /** 受理件数: dispatch steps naming the unit as lead unit, made in the period. */
    received: count,
    /** 应签收: the unit's acceptance deadlines (a dispatch's `accept` stage) that fall in the period, met or not. */
    acceptDue: count,
    /** 按时签收: of those, accepted (or declined back to sorting) at or before the deadline. */
    acceptedOnTime: count,
    /** 办结件数: the unit's complaints closed (办结) in the period. */
    closed: count,
    /** 规定期限内办结: of those, closed at or before their 办结期限. */
    closedOnTime: count,
    /**
     * 超期件数: the unit's complaints whose 办结期限 falls in the period and that were not closed
     * by it (closed late, or still open). Each late complaint counts once, in the period of its deadline.
     */
    overdue: count,
    /** 审核件次: the 营商局's review decisions (approve or return) on the unit's replies in the period. */
    reviewed: count,
    /** 审核退回件次: of those, returns. */
    returned: count,
    /** 督办件数: 督办单 issued in the period (their deadline passed undone) to the unit, as lead or co-unit. */
    supervised: count,
    /** The enterprises' evaluations, given in the period, of complaints the unit led. */
    evaluations: EvaluationCounts,
  })
  .superRefine((f, ctx) => {
    type Counted = 'acceptDue' | 'acceptedOnTime' | 'closed' | 'closedOnTime' | 'reviewed' | 'returned';
    const atMost = (part: Counted, whole: Counted) => {
      if (f[part] > f[whole]) {
        ctx.addIssue({ code: 'custom', path: [part], message: `${part} cannot exceed ${whole}` });
      }
    };
    atMost('acceptedOnTime', 'acceptDue');
    atMost('closedOnTime', 'closed');
    atMost('returned', 'reviewed');
  });
export type UnitFigures = z.infer<typeof UnitFigures>;

/** A unit's figures before any complaint is counted: every count zero, no evaluation. */
export function emptyUnitFigures(unitCode: string): UnitFigures {
  return {
    unitCode,
    received: 0,
    acceptDue: 0,
    acceptedOnTime: 0,
    closed: 0,
    closedOnTime: 0,
    overdue: 0,
    reviewed: 0,
    returned: 0,
    supervised: 0,
    evaluations: { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 },
  };
}

/** Adds `from`'s counts to `into` (a district's total, a period's days), keeping `into`'s unit. */
export function addUnitFigures(into: UnitFigures, from: UnitFigures): void {
  into.received += from.received;
  into.acceptDue += from.acceptDue;
  into.acceptedOnTime += from.acceptedOnTime;
  into.closed += from.closed;
  into.closedOnTime += from.closedOnTime;
  into.overdue += from.overdue;
  into.reviewed += from.reviewed;
  into.returned += from.returned;
  into.supervised += from.supervised;
  for (const level of EvaluationCounts.keyof().options) into.evaluations[level] += from.evaluations[level];
}

/**
 * What an item scores. Rates are percentages (0–100) and null when their basis is 0 (a unit
 * that closed nothing has no 办结率, neither 0 % nor 100 %): `acceptedOnTimeRate` (按时签收率 =
 * acceptedOnTime ÷ acceptDue), `closedOnTimeRate` (规定期限办结率 = closedOnTime ÷ closed),
 * `returnRate` (审核退回率 = returned ÷ reviewed), `satisfactionRate` (满意率 = very satisfied and
 * satisfied ÷ evaluations). Counts: `received`, `lateAccepted` (acceptDue − acceptedOnTime),
 * `overdue`, `returned`, `supervised`.
 */
export const AssessmentMeasure = z.enum([
  'acceptedOnTimeRate',
  'closedOnTimeRate',
  'returnRate',
  'satisfactionRate',
  'received',
  'lateAccepted',
  'overdue',
  'returned',
  'supervised',
]);
export type AssessmentMeasure = z.infer<typeof AssessmentMeasure>;

export const AssessmentDirection = z.enum(['higher', 'lower']);
export type AssessmentDirection = z.infer<typeof AssessmentDirection>;

/** Each measure's Chinese name, whether it is a rate or a count, and which way is better. */
export const ASSESSMENT_MEASURES: Readonly<
  Record<AssessmentMeasure, { name: string; kind: 'rate' | 'count'; direction: AssessmentDirection }>
> = {
  acceptedOnTimeRate: { name: '按时签收率', kind: 'rate', direction: 'higher' },
  closedOnTimeRate: { name: '规定期限办结率', kind: 'rate', direction: 'higher' },
  returnRate: { name: '审核退回率', kind: 'rate', direction: 'lower' },
  satisfactionRate: { name: '满意率', kind: 'rate', direction: 'higher' },
  received: { name: '受理件数', kind: 'count', direction: 'higher' },
  lateAccepted: { name: '超时签收件数', kind: 'count', direction: 'lower' },
  overdue: { name: '超期件数', kind: 'count', direction: 'lower' },
  returned: { name: '审核退回件次', kind: 'count', direction: 'lower' },
  supervised: { name: '督办件数', kind: 'count', direction: 'lower' },
};

const percent = z.number().min(0).max(100);
const points = z.number().positive().max(1000);
const label = z.string().trim().min(1).max(40);

/**
 * A rate with no basis this period (nothing closed, nothing evaluated): `exclude` (the default)
 * scores it not at all and spreads its points over the unit's other items in proportion; `full`
 * and `zero` give it all or none of its points, where a district's rule says so.
 */
export const WhenNoData = z.enum(['exclude', 'full', 'zero']);
export type WhenNoData = z.infer<typeof WhenNoData>;

/**
 * One scored item of the rules, worth `points` (分值). How its measure becomes points:
 * - `linear` (rates): all points at or beyond `target`, none at or beyond `worst`, in proportion
 *   between (满意率 95% 得满分, 75% 及以下不得分).
 * - `stepped` (rates): all points at or beyond `target`, less `deduct` for every `step` percentage
 *   points short of it, down to 0; `wholeSteps` counts a part of a step as a whole one (不足 1 个
 *   百分点按 1 个百分点计) (办结率 100% 得满分, 每低 1 个百分点扣 2 分, 扣完为止).
 * - `per_item` (counts): all points less `deduct` for each one counted, down to 0 (每超期一件扣
 *   2 分, 扣完为止).
 */
export const AssessmentItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('linear'),
    measure: AssessmentMeasure,
    label,
    points,
    direction: AssessmentDirection,
    target: percent,
    worst: percent,
    whenNoData: WhenNoData.default('exclude'),
  }),
  z.object({
    kind: z.literal('stepped'),
    measure: AssessmentMeasure,
    label,
    points,
    direction: AssessmentDirection,
    target: percent,
    step: z.number().positive().max(100),
    deduct: points,
    wholeSteps: z.boolean().default(false),
    whenNoData: WhenNoData.default('exclude'),
  }),
  z.object({ kind: z.literal('per_item'), measure: AssessmentMeasure, label, points, deduct: points }),
]);
export type AssessmentItem = z.infer<typeof AssessmentItem>;
export type AssessmentItemInput = z.input<typeof AssessmentItem>;

/** A deduction from the total, outside the items: `perItem` for each one counted, at most `cap` (督办一件扣 1 分, 最多扣 10 分). */
export const AssessmentDeduction = z.object({
  measure: AssessmentMeasure,
  label,
  perItem: points,
  cap: points.nullable(),
});
export type AssessmentDeduction = z.infer<typeof AssessmentDeduction>;

/** Items' points must sum to the total within this. */
export const ASSESSMENT_POINTS_TOLERANCE = 0.001;

export const AssessmentRules = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** The full score; the items' points sum to it. */
    total: points.default(100),
    items: z.array(AssessmentItem).min(1).max(20),
    deductions: z.array(AssessmentDeduction).max(10).default([]),
  })
  .superRefine((rules, ctx) => {
    const sum = rules.items.reduce((total, item) => total + item.points, 0);
    if (Math.abs(sum - rules.total) > ASSESSMENT_POINTS_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `the items' points sum to ${Number(sum.toFixed(3))}, not the total ${rules.total}`,
      });
    }
    const seen = new Set<AssessmentMeasure>();
    rules.items.forEach((item, index) => {
      const path = ['items', index];
      const measure = ASSESSMENT_MEASURES[item.measure];
      if (seen.has(item.measure))
        ctx.addIssue({ code: 'custom', path: [...path, 'measure'], message: `${item.measure} is scored twice` });
      seen.add(item.measure);
      const wanted = item.kind === 'per_item' ? 'count' : 'rate';
      if (measure.kind !== wanted) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'kind'],
          message: `${item.kind} scores a ${wanted}; ${item.measure} is a ${measure.kind}`,
        });
        return;
      }
      if (item.kind === 'per_item') {
        if (measure.direction !== 'lower') {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'measure'],
            message: `${item.measure}: more is better, nothing to deduct for`,
          });
        }
        return;
      }
      if (item.direction !== measure.direction) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'direction'],
          message: `for ${item.measure}, ${measure.direction} is better`,
        });
      }
      if (item.kind === 'linear') {
        const wrongSide = item.direction === 'higher' ? item.worst >= item.target : item.worst <= item.target;
        if (wrongSide) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'worst'],
            message: `worst must be ${item.direction === 'higher' ? 'below' : 'above'} target`,
          });
        }
      }
    });
    rules.deductions.forEach((deduction, index) => {
      const measure = ASSESSMENT_MEASURES[deduction.measure];
      if (measure.kind !== 'count' || measure.direction !== 'lower') {
        ctx.addIssue({
          code: 'custom',
          path: ['deductions', index, 'measure'],
          message: `${deduction.measure} is nothing to deduct for`,
        });
      }
    });
  });
export type AssessmentRules = z.infer<typeof AssessmentRules>;
export type AssessmentRulesInput = z.input<typeof AssessmentRules>;

/**
 * The rules a district starts with (docs/complaints.md): 100 points over five items, and 督办 as
 * a deduction outside them.
 */
export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = AssessmentRules.parse({
  name: '营商诉求办理考核细则',
  total: 100,
  items: [
    {
      kind: 'stepped',
      measure: 'acceptedOnTimeRate',
      label: '按时签收',
      points: 15,
      direction: 'higher',
      target: 100,
      step: 1,
      deduct: 1,
    },
    {
      kind: 'stepped',
      measure: 'closedOnTimeRate',
      label: '规定期限办结',
      points: 30,
      direction: 'higher',
      target: 100,
      step: 1,
      deduct: 2,
    },
    { kind: 'per_item', measure: 'overdue', label: '超期办理', points: 15, deduct: 2 },
    { kind: 'linear', measure: 'returnRate', label: '答复质量', points: 10, direction: 'lower', target: 0, worst: 30 },
    { kind: 'linear', measure: 'satisfactionRate', label: '企业满意度', points: 30, direction: 'higher', target: 95, worst: 75 },
  ],
  deductions: [{ measure: 'supervised', label: '督办扣分', perItem: 1, cap: 10 }],
});

/** Score precision: two decimals, rounded half up once from unrounded figures; rates one decimal. */
export const ASSESSMENT_SCORE_DECIMALS = 2;
export const ASSESSMENT_RATE_DECIMALS = 1;

const score = z.number().min(0);

/** Every measure of a unit: rates in % (one decimal), null without a basis; counts. */
export const UnitMeasures = z.record(AssessmentMeasure, z.number().nullable());
export type UnitMeasures = Record<AssessmentMeasure, number | null>;

export const ItemScore = z.object({
  measure: AssessmentMeasure,
  label: z.string(),
  points: score,
  value: z.number().nullable(),
  /** Points earned, of `points`; null when the measure has no basis and the rule excludes it. */
  earned: score.nullable(),
});
export type ItemScore = z.infer<typeof ItemScore>;

export const DeductionScore = z.object({ measure: AssessmentMeasure, label: z.string(), count, deducted: score });
export type DeductionScore = z.infer<typeof DeductionScore>;

/**
 * A unit's score: the items' points earned, scaled to the total over the items that counted
 * (`available`), less the deductions, never below 0. `active` is false for a unit with nothing
 * to count in the period (nothing received, due, closed, reviewed, supervised or evaluated): it
 * has no score and no rank, rather than a score made of nothing.
 */
export const UnitScore = z.object({
  unitCode: UnitCode,
  active: z.boolean(),
  measures: UnitMeasures,
  items: z.array(ItemScore),
  deductions: z.array(DeductionScore),
  /** Σ points of the items that counted. */
  available: score,
  /** Σ points earned on them. */
  earned: score,
  deducted: score,
  /** 0..total; null when inactive or when no item counted. */
  score: score.nullable(),
  /** 1 = best; units with the same (reported) score share a rank, the next rank skipping (1, 2, 2, 4); null without a score. */
  rank: z.number().int().positive().nullable(),
});
export type UnitScore = z.infer<typeof UnitScore>;

/** The period's scores: ranked units first, best first, then the units without a score in the order given. */
export const AssessmentResult = z.object({
  period: AssessmentPeriod,
  rulesName: z.string(),
  total: points,
  units: z.array(UnitScore),
});
export type AssessmentResult = z.infer<typeof AssessmentResult>;
