import { useTranslation } from 'react-i18next';
import { Field, NumberFields, SectionError, TextField, useHallForm } from './HallField';
import { fieldId, move, newService, type ServiceForm } from './hall-form';
import { WeekHours } from './WeekHours';

/**
 * The hall's services (事项) in the kiosk's order: a list to pick from and the picked one's
 * fields. A service with a refused field is marked in the list.
 */
export function ServicesSection({ selected, onSelect }: { selected: number; onSelect: (index: number) => void }) {
  const { t } = useTranslation();
  const { form, update, errors, readOnly } = useHallForm();
  const index = Math.min(selected, form.services.length - 1);
  const service = form.services[index];
  const hasError = (i: number) => Object.keys(errors).some((path) => path.startsWith(`services.${i}.`));

  const set = (patch: Partial<ServiceForm>) =>
    update((draft) => {
      const target = draft.services[index];
      if (target) Object.assign(target, patch);
    });

  return (
    <section className="hall-section" aria-labelledby="hall-services-title">
      <h3 id="hall-services-title">{t('hallSettings.services.title')}</h3>
      <p className="console-muted">{t('hallSettings.services.intro')}</p>
      <SectionError path="services" />
      <div className="hall-master">
        <div className="hall-list">
          <ol aria-label={t('hallSettings.services.list')}>
            {form.services.map((s, i) => (
              <li key={s.key}>
                <button
                  type="button"
                  aria-current={i === index ? 'true' : undefined}
                  className={hasError(i) ? 'has-error' : undefined}
                  data-testid={`hall-service-${s.code || i}`}
                  onClick={() => onSelect(i)}
                >
                  <span className="hall-prefix">{s.prefix || '?'}</span>
                  <span>{s.name || t('hallSettings.services.unnamed')}</span>
                  {hasError(i) && <span className="hall-error-mark">{t('hallSettings.hasError')}</span>}
                </button>
              </li>
            ))}
          </ol>
          {!readOnly && (
            <button
              type="button"
              className="console-button"
              onClick={() => {
                update((draft) => {
                  draft.services.push(newService(draft));
                });
                onSelect(form.services.length);
              }}
            >
              {t('hallSettings.services.add')}
            </button>
          )}
        </div>

        {service && (
          // Disabled for a supervisor, who may still pick any service from the list to look at it.
          <fieldset className="hall-editor" disabled={readOnly}>
            <legend id="hall-service-legend">
              {t('hallSettings.services.editing', {
                prefix: service.prefix || '?',
                name: service.name || t('hallSettings.services.unnamed'),
              })}
            </legend>
            <div className="hall-grid">
              <TextField
                path={`services.${index}.name`}
                label={t('hallSettings.services.name')}
                value={service.name}
                onChange={(name) => set({ name })}
              />
              <TextField
                path={`services.${index}.nameEn`}
                label={t('hallSettings.services.nameEn')}
                value={service.nameEn}
                onChange={(nameEn) => set({ nameEn })}
              />
              <TextField
                path={`services.${index}.code`}
                label={t('hallSettings.services.code')}
                hint={service.isNew ? t('hallSettings.services.codeHint') : t('hallSettings.services.codeFixed')}
                value={service.code}
                readOnly={!service.isNew}
                onChange={(code) => set({ code })}
              />
              <TextField
                path={`services.${index}.prefix`}
                label={t('hallSettings.services.prefix')}
                hint={t('hallSettings.services.prefixHint')}
                value={service.prefix}
                maxLength={1}
                onChange={(prefix) => set({ prefix: prefix.toUpperCase() })}
              />
              <NumberFields
                labels="hallSettings.services"
                values={service}
                onChange={(field, value) => set({ [field]: value })}
                rows={[
                  { field: 'numberStart', path: `services.${index}.numberStart` },
                  { field: 'numberEnd', path: `services.${index}.numberEnd` },
                  { field: 'dailyLimit', path: `services.${index}.dailyLimit` },
                  { field: 'slotMinutes', path: `services.${index}.slotMinutes`, hint: 'slotHint' },
                  { field: 'slotLimit', path: `services.${index}.slotLimit` },
                  { field: 'targetWaitMin', path: `services.${index}.targetWaitMin` },
                ]}
              />
              <Field path={`services.${index}.materials`} label={t('hallSettings.services.materials')} wide>
                {(props) => (
                  <textarea {...props} rows={3} value={service.materials} onChange={(e) => set({ materials: e.target.value })} />
                )}
              </Field>
              <div className="tech-field tech-check hall-wide">
                <input
                  id={fieldId(`services.${index}.ownHours`)}
                  type="checkbox"
                  checked={service.ownHours}
                  onChange={(e) => set({ ownHours: e.target.checked })}
                />
                <label htmlFor={fieldId(`services.${index}.ownHours`)}>{t('hallSettings.services.ownHours')}</label>
              </div>
            </div>
            {service.ownHours && (
              <WeekHours
                path={`services.${index}.hours`}
                caption={t('hallSettings.services.hoursCaption', { name: service.name })}
                hours={service.hours}
                onChange={(hours) => set({ hours })}
              />
            )}
            {!readOnly && (
              <div className="tech-form-buttons">
                <button
                  type="button"
                  className="console-button"
                  disabled={index === 0}
                  onClick={() => {
                    update((draft) => {
                      draft.services = move(draft.services, index, -1);
                    });
                    onSelect(index - 1);
                  }}
                >
                  {t('hallSettings.moveUp')}
                </button>
                <button
                  type="button"
                  className="console-button"
                  disabled={index === form.services.length - 1}
                  onClick={() => {
                    update((draft) => {
                      draft.services = move(draft.services, index, 1);
                    });
                    onSelect(index + 1);
                  }}
                >
                  {t('hallSettings.moveDown')}
                </button>
                <button
                  type="button"
                  className="console-button danger"
                  disabled={form.services.length <= 1}
                  onClick={() => {
                    if (!window.confirm(t('hallSettings.services.confirmRemove', { name: service.name || service.code }))) return;
                    update((draft) => {
                      const code = draft.services[index]?.code;
                      draft.services.splice(index, 1);
                      // Windows stop serving it too, so the settings still hold together.
                      for (const w of draft.windows) w.services = w.services.filter((c) => c !== code);
                    });
                    onSelect(Math.max(0, index - 1));
                  }}
                >
                  {t('hallSettings.services.remove')}
                </button>
              </div>
            )}
          </fieldset>
        )}
      </div>
    </section>
  );
}
