import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type HallForm } from './hall-form';

/** The form being edited, its errors by field path, and whether this account may change it. */
export interface HallFormState {
  form: HallForm;
  /** Applies a change to a copy of the form (the copy may be mutated freely). */
  update(change: (draft: HallForm) => void): void;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
}

export const HallFormContext = createContext<HallFormState | null>(null);

export function useHallForm(): HallFormState {
  const state = useContext(HallFormContext);
  if (!state) throw new Error('useHallForm outside the hall settings screen');
  return state;
}

export type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** A labelled control with its hint and its error (from the form or the host) tied to it. */
export function Field({
  path,
  label,
  hint,
  wide,
  children,
}: {
  path: string;
  label: string;
  hint?: string;
  /** Spans the whole row of the grid (long text). */
  wide?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const { errors } = useHallForm();
  const id = fieldId(path);
  const error = errors[path];
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`tech-field${error ? ' invalid' : ''}${wide ? ' hall-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="tech-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="tech-field-error" data-field={path}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A text (or number-as-text) field bound to the form. */
export function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  numeric,
  readOnly,
  maxLength,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  numeric?: boolean;
  readOnly?: boolean;
  maxLength?: number;
}) {
  return (
    <Field path={path} label={label} {...(hint === undefined ? {} : { hint })}>
      {(props) => (
        <input
          {...props}
          value={value}
          readOnly={readOnly}
          maxLength={maxLength}
          inputMode={numeric ? 'numeric' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * The number settings of one group of the form, in order: each typed as text (the host checks the
 * number), labelled `<labels>.<field>` with its hint `<labels>.<hint>`, its error found under `path`
 * (the contract's name of the setting, which may differ from the form's).
 */
export function NumberFields<F extends string>({
  labels,
  values,
  rows,
  onChange,
}: {
  labels: string;
  values: Readonly<Record<NoInfer<F>, string>>;
  rows: readonly { field: F; path: string; hint?: string }[];
  onChange: (field: NoInfer<F>, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {rows.map(({ field, path, hint }) => (
        <TextField
          key={path}
          path={path}
          label={t(`${labels}.${field}`)}
          {...(hint === undefined ? {} : { hint: t(`${labels}.${hint}`) })}
          numeric
          value={values[field]}
          onChange={(value) => onChange(field, value)}
        />
      ))}
    </>
  );
}

/** A checkbox bound to the form (its label follows it). */
export function CheckField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = fieldId(path);
  return (
    <div className="tech-field tech-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** An error about a whole list or section (e.g. a removed service still has tickets today). */
export function SectionError({ path }: { path: string }) {
  const { errors } = useHallForm();
  const error = errors[path];
  if (!error) return null;
  return (
    <p id={fieldId(path)} className="tech-field-error hall-section-error" data-field={path} tabIndex={-1}>
      {error}
    </p>
  );
}
