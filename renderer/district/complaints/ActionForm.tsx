import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationLevel } from '../../../contracts/central-api';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { ComplaintPage } from '../../../contracts/platform-complaints';
import { useDistrictSession } from '../session';
import { ACTION_FIELDS, actionOf, isRequired, unchosenField } from './action-body';
import type { DeskAction } from './available-actions';
import { refusalOf, type ActionField, type Refusal } from './refusal';
import { useComplaintAction } from './use-complaint-action';
import type { ComplaintDesk } from './use-complaint-desk';

/** The five levels of 好差评, best first, as the enterprise names them on the phone. */
const EVALUATION_LEVELS = EvaluationLevel.options;

/** The platform's refusal in words, where it belongs. */
function RefusalText({ refusal, id }: { refusal: Refusal; id: string }) {
  const { t } = useTranslation();
  const session = useDistrictSession();
  return (
    <span className="error dst-field-error" role="alert" id={id}>
      {refusal.key === null ? session.describeError(refusal.error) : t(`dstComplaints.refusals.${refusal.key}`, refusal.values)}
    </span>
  );
}

/** A field's label: a supervisor's note is the reason to act, an evaluation's reason is why the enterprise was dissatisfied. */
function labelKeyOf(action: DeskAction, field: ActionField): string {
  if (field === 'note' && action === 'supervise') return 'reason';
  if (field === 'reason' && action === 'evaluate') return 'evaluationReason';
  return field;
}

/** One field of an action's form, with the refusal that concerns it right under it. */
function Field({
  action,
  field,
  page,
  desk,
  refusal,
}: {
  action: DeskAction;
  field: ActionField;
  page: ComplaintPage;
  desk: ComplaintDesk;
  refusal: Refusal | null;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const label = t(`dstComplaints.fields.${labelKeyOf(action, field)}`);
  const here = refusal !== null && refusal.field === field ? refusal : null;
  const described = here ? { 'aria-describedby': errorId, 'aria-invalid': true as const } : {};
  const required = isRequired(action, field);
  const active = desk.units.filter((u) => u.active);
  let control: ReactNode;
  switch (field) {
    case 'leadUnit':
      control = (
        <select name={field} defaultValue="" {...described}>
          <option value="">{t('dstComplaints.fields.pick')}</option>
          {active.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      );
      break;
    case 'coUnits':
      return (
        <fieldset className="dst-co-units" {...described}>
          <legend>{label}</legend>
          {active.map((u) => (
            <label key={u.code} className="dst-check">
              <input type="checkbox" name="coUnits" value={u.code} />
              {u.name}
            </label>
          ))}
          {here && <RefusalText refusal={here} id={errorId} />}
        </fieldset>
      );
    case 'into':
      control = <input name={field} defaultValue={page.duplicates[0]?.number ?? ''} autoComplete="off" {...described} />;
      break;
    case 'level':
      control = (
        <select name={field} defaultValue="" {...described}>
          <option value="">{t('dstComplaints.fields.pick')}</option>
          {EVALUATION_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`dstComplaints.levels.${level}`)}
            </option>
          ))}
        </select>
      );
      break;
    case 'text':
      control = (
        <textarea
          name={field}
          rows={5}
          maxLength={4000}
          defaultValue={action === 'draft' ? (page.complaint.reply?.text ?? '') : ''}
          {...described}
        />
      );
      break;
    default:
      control = <textarea name={field} rows={2} maxLength={1000} {...described} />;
  }
  return (
    <label>
      {label}
      {required ? ' *' : ''}
      {control}
      {here && <RefusalText refusal={here} id={errorId} />}
    </label>
  );
}

/**
 * One step the signed-in person may take: its fields, its button, and the platform's refusal
 * beside the field it concerns (or beside the button when it concerns the step as a whole).
 */
export function ActionForm({
  action,
  page,
  desk,
  onDone,
}: {
  action: DeskAction;
  page: ComplaintPage;
  desk: ComplaintDesk;
  onDone: (action: ComplaintAction) => void;
}) {
  const { t } = useTranslation();
  const mutation = useComplaintAction(page.complaint.number, onDone);
  const [unchosen, setUnchosen] = useState<ActionField | null>(null);
  const refusal: Refusal | null =
    unchosen !== null
      ? { field: unchosen, key: `${unchosen}_required`, values: {}, error: null }
      : mutation.error
        ? refusalOf(mutation.error)
        : null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const missing = unchosenField(action, form);
    setUnchosen(missing);
    if (missing === null) mutation.mutate(actionOf(action, form));
  };
  const fields = ACTION_FIELDS[action];
  return (
    <form
      className={`dst-form console-fields dst-action${fields.length === 0 ? ' is-button' : ''}`}
      onSubmit={submit}
      aria-label={t(`dstComplaints.actions.${action}`)}
      data-action={action}
      noValidate
    >
      {fields.map((field) => (
        <Field key={field} action={action} field={field} page={page} desk={desk} refusal={refusal} />
      ))}
      <div className="dst-inline">
        <button type="submit" className="console-button console-primary" disabled={mutation.isPending}>
          {t(`dstComplaints.actions.${action}`)}
        </button>
        {refusal !== null && (refusal.field === null || !fields.includes(refusal.field)) && (
          <RefusalText refusal={refusal} id={`${action}-refusal`} />
        )}
      </div>
    </form>
  );
}
