import { DispatchRule } from '../../../contracts/complaint-sorting';
import { ComplaintTopic } from '../../../contracts/complaints';
import { SaveDeadlineRulesRequest, SetCalendarDayRequest } from '../../../contracts/platform-complaint-settings';

/**
 * The settings' forms read with the platform's own schemas: what does not parse is not sent,
 * and the platform refuses again what slips through.
 */

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A number field; NaN (refused by the schema) when empty or not a number. */
const number = (form: FormData, name: string): number => (text(form, name) === '' ? Number.NaN : Number(text(form, name)));

/** The day fields: its date apart, since the date is the route's. */
export function calendarDayOf(form: FormData) {
  const date = text(form, 'date');
  const day = SetCalendarDayRequest.safeParse({
    kind: text(form, 'kind'),
    holiday: text(form, 'holiday'),
    source: text(form, 'source'),
  });
  return day.success && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, day: day.data } : null;
}

/** The stage fields of the deadline rules, one per field, per topic where the rule is per topic. */
export const STAGE_FIELDS = [
  'sortWorkingDays',
  'acceptWorkingDays',
  'partLeadWorkingDays',
  'reviewWorkingDays',
  'redoWorkingDays',
  'escalateAfterWorkingDays',
] as const;
export const TOPIC_FIELDS = ['replyWorkingDays', 'closeWorkingDays'] as const;

export function deadlineRulesOf(form: FormData, expectedVersion: number) {
  const perTopic = (field: (typeof TOPIC_FIELDS)[number]) =>
    Object.fromEntries(ComplaintTopic.options.map((topic) => [topic, number(form, `${field}.${topic}`)]));
  return SaveDeadlineRulesRequest.safeParse({
    expectedVersion,
    rules: {
      ...Object.fromEntries(STAGE_FIELDS.map((field) => [field, number(form, field)])),
      replyWorkingDays: perTopic('replyWorkingDays'),
      closeWorkingDays: perTopic('closeWorkingDays'),
      reminderTime: text(form, 'reminderTime'),
    },
  });
}

/** Keywords as typed: split on commas (either width), 、 and spaces. */
export function keywordsOf(typed: string): string[] {
  return typed
    .split(/[,，、\s]+/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
}

export function dispatchRuleOf(form: FormData) {
  const lead = text(form, 'leadUnit');
  return DispatchRule.safeParse({
    id: text(form, 'id'),
    topic: text(form, 'topic') || null,
    area: text(form, 'area') || null,
    keywords: keywordsOf(text(form, 'keywords')),
    leadUnit: lead,
    coUnits: form.getAll('coUnits').filter((code): code is string => typeof code === 'string' && code !== lead),
  });
}
