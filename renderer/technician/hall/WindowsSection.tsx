import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionError, TextField, useHallForm } from './HallField';
import { fieldId, move, newWindow, type WindowForm } from './hall-form';

/**
 * The hall's windows (窗口): number, name and the services each serves, in the order it calls
 * them (the first listed goes first when several wait).
 */
export function WindowsSection() {
  const { t } = useTranslation();
  const { form, update, readOnly } = useHallForm();
  const names = new Map(form.services.map((s) => [s.code, s.name || s.code]));

  return (
    <section className="hall-section" aria-labelledby="hall-windows-title">
      <h3 id="hall-windows-title">{t('hallSettings.windows.title')}</h3>
      <p className="console-muted">{t('hallSettings.windows.intro')}</p>
      <SectionError path="windows" />
      <ul className="hall-windows">
        {form.windows.map((w, index) => (
          <WindowRow key={w.key} window={w} index={index} names={names} />
        ))}
      </ul>
      {!readOnly && (
        <button
          type="button"
          className="console-button"
          onClick={() =>
            update((draft) => {
              draft.windows.push(newWindow(draft));
            })
          }
        >
          {t('hallSettings.windows.add')}
        </button>
      )}
    </section>
  );
}

function WindowRow({ window: w, index, names }: { window: WindowForm; index: number; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { update, errors, readOnly } = useHallForm();
  const [adding, setAdding] = useState('');
  const label = t('hallSettings.windows.label', { number: w.number || '?', name: w.name });
  const servicesPath = `windows.${index}.services`;
  const listError = Object.entries(errors).find(([path]) => path === servicesPath || path.startsWith(`${servicesPath}.`))?.[1];
  const available = [...names.keys()].filter((code) => !w.services.includes(code));

  const set = (change: (target: WindowForm) => void) =>
    update((draft) => {
      const target = draft.windows[index];
      if (target) change(target);
    });

  return (
    <li className="hall-window" data-window={w.number}>
      <fieldset disabled={readOnly}>
        <legend>{label}</legend>
        <div className="hall-grid hall-window-grid">
          <TextField
            path={`windows.${index}.number`}
            label={t('hallSettings.windows.number')}
            numeric
            value={w.number}
            onChange={(number) =>
              set((target) => {
                target.number = number;
              })
            }
          />
          <TextField
            path={`windows.${index}.name`}
            label={t('hallSettings.windows.name')}
            value={w.name}
            onChange={(name) =>
              set((target) => {
                target.name = name;
              })
            }
          />
        </div>
        <div className={`hall-served${listError ? ' invalid' : ''}`}>
          <p className="hall-served-title" id={`${fieldId(servicesPath)}-title`}>
            {t('hallSettings.windows.services')}
          </p>
          {w.services.length === 0 && <p className="console-muted">{t('hallSettings.windows.none')}</p>}
          <ol
            id={fieldId(servicesPath)}
            tabIndex={-1}
            aria-labelledby={`${fieldId(servicesPath)}-title`}
            aria-describedby={listError ? `${fieldId(servicesPath)}-error` : undefined}
          >
            {w.services.map((code, j) => {
              const name = names.get(code) ?? code;
              return (
                <li key={code} data-service={code}>
                  <span className="hall-served-name">
                    {j + 1}. {name}
                  </span>
                  {!readOnly && (
                    <span className="hall-served-actions">
                      <button
                        type="button"
                        className="console-button"
                        disabled={j === 0}
                        aria-label={t('hallSettings.windows.upLabel', { name })}
                        onClick={() =>
                          set((target) => {
                            target.services = move(target.services, j, -1);
                          })
                        }
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="console-button"
                        disabled={j === w.services.length - 1}
                        aria-label={t('hallSettings.windows.downLabel', { name })}
                        onClick={() =>
                          set((target) => {
                            target.services = move(target.services, j, 1);
                          })
                        }
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="console-button danger"
                        aria-label={t('hallSettings.windows.removeServiceLabel', { name, window: label })}
                        onClick={() =>
                          set((target) => {
                            target.services = target.services.filter((c) => c !== code);
                          })
                        }
                      >
                        {t('hallSettings.remove')}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {listError && (
            <p id={`${fieldId(servicesPath)}-error`} className="tech-field-error" data-field={servicesPath}>
              {listError}
            </p>
          )}
          {!readOnly && available.length > 0 && (
            <div className="hall-served-add">
              <label htmlFor={`${fieldId(servicesPath)}-add`}>{t('hallSettings.windows.addService')}</label>
              <select id={`${fieldId(servicesPath)}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">{t('hallSettings.windows.choose')}</option>
                {available.map((code) => (
                  <option key={code} value={code}>
                    {names.get(code)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="console-button"
                disabled={adding === ''}
                aria-label={t('hallSettings.windows.addServiceTo', { window: label })}
                onClick={() => {
                  set((target) => {
                    target.services.push(adding);
                  });
                  setAdding('');
                }}
              >
                {t('hallSettings.windows.addButton')}
              </button>
            </div>
          )}
        </div>
        {!readOnly && (
          <div className="tech-form-buttons">
            <button
              type="button"
              className="console-button danger"
              onClick={() => {
                if (!window.confirm(t('hallSettings.windows.confirmRemove', { window: label }))) return;
                update((draft) => {
                  draft.windows.splice(index, 1);
                });
              }}
            >
              {t('hallSettings.windows.remove')}
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
