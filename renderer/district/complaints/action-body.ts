import { EvaluationLevel } from '../../../contracts/central-api';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { ActionField } from './refusal';
import type { DeskAction } from './available-actions';

/** The fields each action's form asks for, in order; the actions without fields are one button. */
export const ACTION_FIELDS: Readonly<Record<DeskAction, readonly ActionField[]>> = {
  claim: [],
  dispatch: ['leadUnit', 'coUnits', 'note'],
  merge: ['into'],
  not_admit: ['reason'],
  accept: [],
  decline: ['reason'],
  submit_part: ['text'],
  draft: ['text'],
  submit: [],
  approve: ['note'],
  return: ['reason'],
  close: [],
  evaluate: ['level', 'reason', 'comment'],
  supervise: ['note'],
};

/** Whether a field must be filled in (the platform checks again; a required field just says so up front). */
export function isRequired(action: DeskAction, field: ActionField): boolean {
  if (action === 'evaluate') return field === 'level';
  return field !== 'coUnits' && field !== 'comment' && !(field === 'note' && action !== 'supervise');
}

/**
 * A choice the form must have before it can make a request at all: an evaluation's level (the
 * operator picks what the enterprise said; none is preselected, so none is recorded by default).
 */
export function unchosenField(type: DeskAction, form: FormData): ActionField | null {
  if (type !== 'evaluate') return null;
  return EvaluationLevel.safeParse(form.get('level')).success ? null : 'level';
}

/**
 * The request an action's form makes: its fields as typed, trimmed, an empty optional note as
 * null. A field left empty is sent empty, so the platform's refusal names it.
 */
export function actionOf(type: DeskAction, form: FormData): ComplaintAction {
  const text = (name: ActionField): string => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const optional = (name: ActionField): string | null => (text(name) === '' ? null : text(name));
  switch (type) {
    case 'dispatch':
      return {
        type,
        leadUnit: text('leadUnit'),
        coUnits: form.getAll('coUnits').filter((v): v is string => typeof v === 'string'),
        note: optional('note'),
      };
    case 'merge':
      return { type, into: text('into') };
    case 'not_admit':
    case 'decline':
    case 'return':
      return { type, reason: text('reason') };
    case 'submit_part':
    case 'draft':
      return { type, text: text('text') };
    case 'approve':
      return { type, note: optional('note') };
    case 'supervise':
      return { type, note: text('note') };
    case 'evaluate': {
      const level = EvaluationLevel.safeParse(text('level'));
      if (!level.success) throw new Error('an evaluation without a level: check unchosenField first');
      return { type, level: level.data, reason: optional('reason'), comment: optional('comment') };
    }
    case 'claim':
    case 'accept':
    case 'submit':
    case 'close':
      return { type };
  }
}
