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
  supervise: ['note'],
};

/** Whether a field must be filled in (the platform checks again; a required field just says so up front). */
export function isRequired(action: DeskAction, field: ActionField): boolean {
  return field !== 'coUnits' && !(field === 'note' && action !== 'supervise');
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
    case 'claim':
    case 'accept':
    case 'submit':
    case 'close':
      return { type };
  }
}
