import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../contracts/config';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import {
  configFromForm,
  DEVICE_KINDS,
  type DeviceForm,
  type Editing,
  fieldOf,
  formFromConfig,
  hostIssues,
  issueText,
  lineOf,
  missingFields,
  type PaperWidth,
  type ScannerMode,
  type ScannerTerminator,
  type TransportType,
  withKind,
} from './device-form';
import { TECH_KEYS, useTechSession } from './session';

/** The form's free-text fields. */
type TextKey = 'name' | 'path' | 'baudRate' | 'vendorId' | 'productId' | 'pollIntervalMs' | 'ledWindowNumber' | 'ledAddress';

type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

const domId = (field: string) => `tech-field-${field.replace(/\./g, '-')}`;

/**
 * Adds or edits one device. The host's DeviceConfig schema judges every value: its refusals
 * come back on the fields they are about. A saved device is restarted by the host at once.
 */
export function DeviceFormView({
  editing,
  taken,
  onCancel,
  onSaved,
}: {
  editing: Editing;
  taken: ReadonlySet<string>;
  onCancel: () => void;
  onSaved: (id: string) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const adding = editing.mode === 'add';
  const original = editing.mode === 'edit' ? editing.config : undefined;
  const [form, setForm] = useState<DeviceForm>(() => (editing.mode === 'edit' ? formFromConfig(editing.config) : editing.form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

  // After a refused save, the first field in trouble gets the focus (and the screen reader's attention).
  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? formRef.current?.querySelector<HTMLElement>('.tech-form-errors'))?.focus();
  }, [attempt]);

  const set = <K extends keyof DeviceForm>(key: K, value: DeviceForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    for (const field of missingFields(form)) local[field] = t('tech.form.issues.required');
    // PUT replaces: a new device under a taken id would silently overwrite that device.
    if (adding && taken.has(form.id.trim())) local.id = t('tech.form.idTaken');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setOtherErrors([]);
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      queryClient.setQueryData(TECH_KEYS.devices, await api.saveDevice(configFromForm(form, original)));
      onSaved(form.id.trim());
    } catch (error) {
      const issues = error instanceof ApiClientError && error.code === 'invalid_request' ? hostIssues(error.details) : [];
      const onFields: Record<string, string> = {};
      const rest: string[] = [];
      for (const issue of issues) {
        const { key, values } = issueText(issue);
        const line = lineOf(issue.instancePath);
        const text = `${line === null ? '' : t('tech.form.line', { line })}${t(`tech.form.issues.${key}`, values)}`;
        const field = fieldOf(issue.instancePath);
        if (field === '') rest.push(`${issue.instancePath}: ${text}`);
        else onFields[field] = onFields[field] ? `${onFields[field]}；${text}` : text;
      }
      if (issues.length === 0) rest.push(session.failed(error));
      setErrors(onFields);
      setOtherErrors(rest);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  /** A labelled control with its error (from the form or the host) tied to it. */
  const field = (name: string, label: string, control: (props: FieldProps) => ReactNode, hint?: string) => {
    const id = domId(name);
    const error = errors[name];
    const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`tech-field${error ? ' invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {control({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
        {hint && (
          <p id={`${id}-hint`} className="tech-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="tech-field-error" data-field={name}>
            {error}
          </p>
        )}
      </div>
    );
  };

  const text = (key: TextKey, props: FieldProps, extra: { inputMode?: 'numeric' | 'text' } = {}) => (
    <input {...props} value={form[key]} inputMode={extra.inputMode} onChange={(e) => set(key, e.target.value)} />
  );

  const hasErrors = Object.keys(errors).length > 0 || otherErrors.length > 0;
  const title = adding ? t('tech.form.addTitle') : t('tech.form.editTitle', { name: original?.name ?? original?.id ?? '' });

  return (
    <section className="tech-screen" aria-labelledby="tech-form-title">
      <div className="tech-screen-head">
        <h2 id="tech-form-title">{title}</h2>
      </div>
      <p className="console-muted">{t('tech.form.liveHint')}</p>
      <form ref={formRef} className="tech-form" onSubmit={(e) => void submit(e)} noValidate>
        {hasErrors && (
          <div className="tech-form-errors error" role="alert" tabIndex={-1} data-testid="tech-form-errors">
            <p>{t('tech.form.refused')}</p>
            {otherErrors.length > 0 && (
              <ul>
                {otherErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <fieldset>
          <legend>{t('tech.form.basics')}</legend>
          {field('kind', t('tech.form.kind'), (props) => (
            <select
              {...props}
              value={form.kind}
              disabled={!adding}
              onChange={(e) => setForm((f) => withKind(f, e.target.value as DeviceKind, taken))}
            >
              {DEVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`tech.kinds.${k}`)}
                </option>
              ))}
            </select>
          ))}
          {field(
            'id',
            t('tech.form.id'),
            (props) => (
              <input {...props} value={form.id} readOnly={!adding} onChange={(e) => set('id', e.target.value)} />
            ),
            adding ? t('tech.form.idHint') : t('tech.form.idFixed'),
          )}
          {field('name', t('tech.form.name'), (props) => text('name', props), t('tech.form.nameHint'))}
          <div className="tech-field tech-check">
            <input
              id={domId('enabled')}
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => set('enabled', e.target.checked)}
            />
            <label htmlFor={domId('enabled')}>{t('tech.form.enabled')}</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('tech.form.connection')}</legend>
          {field('transport', t('tech.form.transport'), (props) => (
            <select {...props} value={form.transport} onChange={(e) => set('transport', e.target.value as TransportType)}>
              <option value="simulated">{t('tech.form.transports.simulated')}</option>
              <option value="serial">{t('tech.form.transports.serial')}</option>
              <option value="hid">{t('tech.form.transports.hid')}</option>
            </select>
          ))}
          {form.transport === 'serial' && (
            <>
              {field('path', t('tech.form.path'), (props) => text('path', props), t('tech.form.pathHint'))}
              {field('baudRate', t('tech.form.baudRate'), (props) => text('baudRate', props, { inputMode: 'numeric' }))}
            </>
          )}
          {form.transport === 'hid' && (
            <>
              {field('vendorId', t('tech.form.vendorId'), (props) => text('vendorId', props), t('tech.form.usbIdHint'))}
              {field('productId', t('tech.form.productId'), (props) => text('productId', props), t('tech.form.usbIdHint'))}
            </>
          )}
          {form.kind === 'idcard' &&
            field(
              'pollIntervalMs',
              t('tech.form.pollIntervalMs'),
              (props) => text('pollIntervalMs', props, { inputMode: 'numeric' }),
              t('tech.form.pollHint'),
            )}
        </fieldset>

        {form.kind !== 'idcard' && (
          <fieldset>
            <legend>{t(`tech.form.options.${form.kind}`)}</legend>
            {form.kind === 'printer' && (
              <>
                {field('paperWidth', t('tech.form.paperWidth'), (props) => (
                  <select {...props} value={form.paperWidth} onChange={(e) => set('paperWidth', e.target.value as PaperWidth)}>
                    <option value="80">80 mm</option>
                    <option value="58">58 mm</option>
                  </select>
                ))}
                {field(
                  'header',
                  t('tech.form.header'),
                  (props) => (
                    <textarea {...props} rows={3} value={form.header} onChange={(e) => set('header', e.target.value)} />
                  ),
                  t('tech.form.linesHint'),
                )}
                {field(
                  'footer',
                  t('tech.form.footer'),
                  (props) => (
                    <textarea {...props} rows={3} value={form.footer} onChange={(e) => set('footer', e.target.value)} />
                  ),
                  t('tech.form.linesHint'),
                )}
              </>
            )}
            {form.kind === 'caller' && <BindingsEditor form={form} setForm={setForm} errors={errors} />}
            {form.kind === 'ledscreen' && (
              <>
                {field('ledWindowNumber', t('tech.form.windowNumber'), (props) =>
                  text('ledWindowNumber', props, { inputMode: 'numeric' }),
                )}
                {field(
                  'ledAddress',
                  t('tech.form.screenAddress'),
                  (props) => text('ledAddress', props, { inputMode: 'numeric' }),
                  t('tech.form.screenAddressHint'),
                )}
              </>
            )}
            {form.kind === 'scanner' && (
              <>
                {field('scannerMode', t('tech.form.scannerMode'), (props) => (
                  <select {...props} value={form.scannerMode} onChange={(e) => set('scannerMode', e.target.value as ScannerMode)}>
                    <option value="line">{t('tech.form.scannerModes.line')}</option>
                    <option value="hid-pos">{t('tech.form.scannerModes.hidPos')}</option>
                  </select>
                ))}
                {form.scannerMode === 'line' &&
                  field('scannerTerminator', t('tech.form.terminator'), (props) => (
                    <select
                      {...props}
                      value={form.scannerTerminator}
                      onChange={(e) => set('scannerTerminator', e.target.value as ScannerTerminator)}
                    >
                      <option value="CR">CR (\r)</option>
                      <option value="LF">LF (\n)</option>
                      <option value="CRLF">CR LF (\r\n)</option>
                    </select>
                  ))}
              </>
            )}
          </fieldset>
        )}

        <div className="tech-form-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('tech.form.saving') : t('tech.form.save')}
          </button>
          <button type="button" className="console-button" onClick={onCancel}>
            {t('tech.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Which window each keypad address (呼叫器地址) on this line sits at. */
function BindingsEditor({
  form,
  setForm,
  errors,
}: {
  form: DeviceForm;
  setForm: (update: (f: DeviceForm) => DeviceForm) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (index: number, key: 'address' | 'windowNumber', value: string) =>
    setForm((f) => ({ ...f, bindings: f.bindings.map((b, i) => (i === index ? { ...b, [key]: value } : b)) }));
  const cell = (index: number, key: 'address' | 'windowNumber', label: string) => {
    const name = `bindings.${index}.${key}`;
    const id = domId(name);
    const error = errors[name];
    return (
      <div className={`tech-field${error ? ' invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          inputMode="numeric"
          value={form.bindings[index]?.[key] ?? ''}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => update(index, key, e.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="tech-field-error" data-field={name}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <div className="tech-bindings">
      <p className="tech-hint">{t('tech.form.bindingsHint')}</p>
      {errors.bindings && (
        <p className="tech-field-error" data-field="bindings">
          {errors.bindings}
        </p>
      )}
      {form.bindings.map((_, index) => (
        <div key={index} className="tech-binding" role="group" aria-label={t('tech.form.binding', { n: index + 1 })}>
          {cell(index, 'address', t('tech.form.keypadAddress'))}
          {cell(index, 'windowNumber', t('tech.form.windowNumber'))}
          <button
            type="button"
            className="console-button"
            onClick={() => setForm((f) => ({ ...f, bindings: f.bindings.filter((__, i) => i !== index) }))}
          >
            {t('tech.form.removeBinding')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="console-button"
        onClick={() => setForm((f) => ({ ...f, bindings: [...f.bindings, { address: '', windowNumber: '' }] }))}
      >
        {t('tech.form.addBinding')}
      </button>
    </div>
  );
}
