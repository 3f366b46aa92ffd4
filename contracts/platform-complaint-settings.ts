import { z } from 'zod';
import { ComplaintDeadlineRules } from './complaint-deadlines';
import { DispatchRule } from './complaint-sorting';
import type { BureauRole } from './complaints';
import { CalendarDay, PublicHoliday } from './district-calendar';

/**
 * The 营商局's settings a complaint is counted and sorted by, as the console reads and edits them:
 * the district calendar (days off, weekend days worked 调休), the deadline rules and the dispatch
 * rules (分拣 suggestions by topic, area and keywords). Every signed-in account reads them; who
 * edits each is `SETTINGS_EDITORS` (docs/complaints.md, "Editing the settings").
 */

/**
 * Which 营商局 role edits what. The calendar and the deadline rules are the clocks the 督办 holds
 * units to, so the supervisor sets them; the dispatch rules are the sorters' own aid.
 */
export const SETTINGS_EDITORS = {
  calendar: 'supervisor',
  deadlineRules: 'supervisor',
  dispatchRules: 'sorter',
} as const satisfies Record<string, BureauRole>;
export type SettingsArea = keyof typeof SETTINGS_EDITORS;

/** At most this many dispatch rules: the sorter reads every suggestion's rule on the page. */
export const MAX_DISPATCH_RULES = 200;

/** The whole calendar, oldest day first: the days that differ from Monday to Friday. */
export const CalendarView = z.object({ days: z.array(CalendarDay) });
export type CalendarView = z.infer<typeof CalendarView>;

export const CalendarDayParams = z.object({ date: z.iso.date() });

/**
 * One day set off (`holiday`) or worked (`workday`, a weekend day worked in a holiday's place).
 * A day worked must be a Saturday or Sunday (a weekday is worked anyway); the service checks it
 * against the date of the path.
 */
export const SetCalendarDayRequest = z.strictObject({
  kind: z.enum(['holiday', 'workday']),
  holiday: PublicHoliday,
  source: z.string().trim().min(1).max(200),
});
export type SetCalendarDayRequest = z.infer<typeof SetCalendarDayRequest>;

/** Who wrote a version of a rules table, and when. */
export const RulesVersion = z.object({
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  /** A district username, `admin-token` or `seed`. */
  createdBy: z.string(),
});
export type RulesVersion = z.infer<typeof RulesVersion>;

/** How many past versions a rules view lists, newest first. */
export const RULES_HISTORY_LIMIT = 50;

export const DeadlineRulesView = z.object({
  current: RulesVersion,
  rules: ComplaintDeadlineRules,
  /** The versions, newest first (the current one included), at most RULES_HISTORY_LIMIT. */
  history: z.array(RulesVersion),
});
export type DeadlineRulesView = z.infer<typeof DeadlineRulesView>;

export const DispatchRulesView = z.object({
  current: RulesVersion,
  rules: z.array(DispatchRule),
  history: z.array(RulesVersion),
});
export type DispatchRulesView = z.infer<typeof DispatchRulesView>;

/** A new version of the deadline rules, written on the version the editor read (409 `rules_changed` otherwise). */
export const SaveDeadlineRulesRequest = z.strictObject({
  expectedVersion: z.number().int().min(1),
  rules: ComplaintDeadlineRules,
});
export type SaveDeadlineRulesRequest = z.infer<typeof SaveDeadlineRulesRequest>;
export type SaveDeadlineRulesInput = z.input<typeof SaveDeadlineRulesRequest>;

/** A new version of the dispatch rules: ids unique; the units are checked to exist by the platform. */
export const SaveDispatchRulesRequest = z.strictObject({
  expectedVersion: z.number().int().min(1),
  rules: z
    .array(DispatchRule)
    .max(MAX_DISPATCH_RULES)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `rule ${rule.id} is listed twice` });
        seen.add(rule.id);
      });
    }),
});
export type SaveDispatchRulesRequest = z.infer<typeof SaveDispatchRulesRequest>;
