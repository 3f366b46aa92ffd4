import { z } from 'zod';
import { ComplaintTopic, UnitCode } from './complaints';
import { MAX_CO_UNITS } from './complaint-actions';

/**
 * What helps the 营商局's sorter (分拣): rules that suggest a lead unit from a complaint's topic,
 * area and words, and the rule that flags a complaint repeating another for merging. Both only
 * suggest; the sorter decides. `platform/services/complaint-dispatch.ts` and
 * `complaint-duplicates.ts` apply them.
 */

/**
 * A dispatch rule: when every condition it sets holds (topic, area, any of its keywords in the
 * text), it suggests its lead unit and co-units. A condition left out matches everything.
 */
export const DispatchRule = z
  .object({
    id: z.string().trim().min(1).max(64),
    topic: ComplaintTopic.nullable(),
    /** A street or economic zone. */
    area: UnitCode.nullable(),
    /** Any one of them in the complaint's text (after width and case are folded). */
    keywords: z.array(z.string().trim().min(1).max(20)).max(20),
    leadUnit: UnitCode,
    coUnits: z.array(UnitCode).max(MAX_CO_UNITS),
  })
  .refine((r) => !r.coUnits.includes(r.leadUnit), { message: 'the lead unit is not also a co-unit', path: ['coUnits'] });
export type DispatchRule = z.infer<typeof DispatchRule>;

/** Which of a rule's conditions a suggestion rests on; `area_default` is the street of the area when no rule matched it (属地管理). */
export const DispatchBasis = z.enum(['keyword', 'area', 'topic', 'area_default']);
export type DispatchBasis = z.infer<typeof DispatchBasis>;

export const DispatchSuggestion = z.object({
  leadUnit: UnitCode,
  coUnits: z.array(UnitCode),
  /** The rule that made it; null for the area's default. */
  ruleId: z.string().nullable(),
  basis: z.array(DispatchBasis),
  matchedKeywords: z.array(z.string()),
  /** Higher is more specific: a keyword 4, the area 2, the topic 1 (docs/complaints.md). */
  specificity: z.number().int().nonnegative(),
});
export type DispatchSuggestion = z.infer<typeof DispatchSuggestion>;

/**
 * When a complaint is flagged as repeating another: the same enterprise (the same credit code,
 * or the same name where either lacks a code), registered within `windowDays` calendar days of
 * each other, and the same topic or texts at least `textSimilarity` alike (character-pair Dice
 * coefficient).
 */
export const DuplicateRule = z.object({
  windowDays: z.number().int().min(1).max(90).default(7),
  textSimilarity: z.number().min(0.1).max(1).default(0.6),
});
export type DuplicateRule = z.infer<typeof DuplicateRule>;

export const DEFAULT_DUPLICATE_RULE: DuplicateRule = DuplicateRule.parse({});

/** A complaint the new one may repeat, with why. */
export const DuplicateMatch = z.object({
  number: z.string(),
  sameTopic: z.boolean(),
  /** 0–1: how alike the two texts are. */
  similarity: z.number().min(0).max(1),
  /** Hours between the two registrations. */
  hoursApart: z.number().nonnegative(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;
