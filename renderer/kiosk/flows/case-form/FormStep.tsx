import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../contracts/cases';
import type { CatalogFormField } from '../../../../contracts/central-api';
import type { IdentityView } from '../../../../contracts/identity';
import { KioskField } from '../../../ui/keyboard/KioskField';
import { optionLabel } from '../catalog-text';
import { maskedCardValue } from './card-fields';
import { formatDateInput, layoutOf, maxLengthOf, problemMessageKey, typedValue, type FieldErrors } from './form-rules';

export interface FormStepProps {
  item: CatalogViewItem;
  citizen: IdentityView | null;
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
  fromCard: (field: CatalogFormField) => boolean;
  onChange: (key: string, value: string) => void;
}

/**
 * The item's form (事项表单): card fields shown read-only as filled from the ID card (masked),
 * the rest typed on the on-screen keyboard in the layout that fits, choices as big buttons.
 */
export function FormStep({ item, citizen, values, errors, fromCard, onChange }: FormStepProps) {
  const { t } = useTranslation();
  // The keyboard docks under the page and keeps the field being typed in view; a Chinese field
  // prefetches the pinyin index as the form opens (ui/keyboard).
  return (
    <div className="case-form">
      {item.formFields.map((field) => (
        <div key={field.key} className={`case-form-field case-form-${field.type}`} data-field-key={field.key}>
          {fromCard(field) ? (
            <CardField field={field} citizen={citizen} />
          ) : field.type === 'select' ? (
            <OptionField field={field} value={values[field.key] ?? ''} error={errorText(field)} onChange={onChange} />
          ) : field.type === 'date' ? (
            <DateField
              field={field}
              value={values[field.key] ?? ''}
              error={errorText(field)}
              hint={hintOf(field)}
              onChange={onChange}
            />
          ) : (
            <KioskField
              name={field.key}
              label={field.label}
              value={values[field.key] ?? ''}
              layout={layoutOf(field)}
              maxLength={maxLengthOf(field)}
              required={field.required}
              error={errorText(field)}
              hint={hintOf(field)}
              onChange={(value) => onChange(field.key, typedValue(field, value))}
            />
          )}
        </div>
      ))}
    </div>
  );

  function errorText(field: CatalogFormField): string | undefined {
    const problem = errors[field.key];
    return problem ? t(problemMessageKey(field, problem)) : undefined;
  }

  function hintOf(field: CatalogFormField): string | undefined {
    if (field.type === 'date') return t('case.form.dateHint');
    if (field.type === 'phone') return t('case.form.phoneHint');
    if (field.format === 'credit-code') return t('case.form.creditCodeHint');
    if (field.prefill !== undefined) return t('case.form.cardMissing');
    return undefined;
  }
}

/** A field the host fills from the card: shown masked where the kiosk has a masked value, else only noted. */
function CardField({ field, citizen }: { field: CatalogFormField; citizen: IdentityView | null }) {
  const { t } = useTranslation();
  const masked = maskedCardValue(field, citizen);
  return (
    <KioskField
      name={field.key}
      label={field.label}
      value={masked ?? t('case.form.fromCard')}
      layout="latin"
      fromCard
      hint={masked === null ? undefined : t('case.form.fromCard')}
      onChange={() => undefined}
    />
  );
}

/** A date typed as digits on the keypad and shown as YYYY-MM-DD while typing (the keypad types at the end). */
function DateField({
  field,
  value,
  error,
  hint,
  onChange,
}: {
  field: CatalogFormField;
  value: string;
  error: string | undefined;
  hint: string | undefined;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <KioskField
      name={field.key}
      label={field.label}
      value={value}
      layout={layoutOf(field)}
      maxLength={maxLengthOf(field)}
      required={field.required}
      error={error}
      hint={hint}
      onChange={(typed) => onChange(field.key, formatDateInput(typed))}
    />
  );
}

/** A choice among a few options: big buttons rather than a drop-down, which is hard to hit by touch. */
function OptionField({
  field,
  value,
  error,
  onChange,
}: {
  field: CatalogFormField;
  value: string;
  error: string | undefined;
  onChange: (key: string, value: string) => void;
}) {
  const id = useId();
  const { i18n } = useTranslation();
  return (
    <fieldset className={`case-options${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className="case-option-list">
        {(field.options ?? []).map((option) => (
          <button
            key={option}
            type="button"
            className="case-option"
            aria-pressed={value === option}
            onClick={() => onChange(field.key, option)}
          >
            {optionLabel(field, option, i18n.language)}
          </button>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
