import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryChange } from './directory-forms';

/** What every directory form is given: whether a change is under way, where to send its change, how to close it. */
export interface FormActions {
  busy: boolean;
  onSave: (change: DirectoryChange) => void;
  onCancel: () => void;
}

/**
 * A directory form's frame: its title, fields, save and cancel. `read` turns the fields into the
 * change to send, or null when they do not parse (the form then says so and sends nothing).
 */
export function FormFrame({
  title,
  testId,
  read,
  actions: { busy, onSave, onCancel },
  children,
}: {
  title: string;
  testId: string;
  read: (form: FormData) => DirectoryChange | null;
  actions: FormActions;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState(false);
  // Opened from a button above the tables: its first field is ready to type in.
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const change = read(new FormData(e.currentTarget));
    setInvalid(change === null);
    if (change !== null) onSave(change);
  };
  return (
    <form
      ref={form}
      className="dst-panel dst-form console-fields"
      onSubmit={submit}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
      {invalid && (
        <p className="error" role="alert">
          {t('dstDirectory.invalid')}
        </p>
      )}
      <div className="console-actions">
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {t('dstDirectory.save')}
        </button>
        <button type="button" className="console-button" onClick={onCancel}>
          {t('dstDirectory.cancel')}
        </button>
      </div>
    </form>
  );
}
