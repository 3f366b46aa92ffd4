import { useTranslation } from 'react-i18next';
import { Field, useHallForm } from './HallField';
import { WeekHours } from './WeekHours';

/** The weekdays a 调休 weekend day may take its hours from. */
const MAKEUP_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** The hall's opening hours and its working-day calendar (holidays, 调休 workdays and their hours). */
export function HoursSection() {
  const { t } = useTranslation();
  const { form, update, readOnly } = useHallForm();
  return (
    <section className="hall-section" aria-labelledby="hall-hours-title">
      <h3 id="hall-hours-title">{t('hallSettings.hours.title')}</h3>
      <p className="console-muted">{t('hallSettings.hours.intro')}</p>
      <fieldset className="hall-fieldset" disabled={readOnly}>
        <legend className="visually-hidden">{t('hallSettings.hours.title')}</legend>
        <WeekHoursBlock />
      </fieldset>
      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.calendar.title')}</legend>
        <p className="console-muted hall-wide">{t('hallSettings.calendar.intro')}</p>
        <div className="hall-grid">
          <Field path="calendar.holidays" label={t('hallSettings.calendar.holidays')} hint={t('hallSettings.calendar.hint')}>
            {(props) => (
              <textarea
                {...props}
                rows={6}
                value={form.calendar.holidays}
                onChange={(e) =>
                  update((draft) => {
                    draft.calendar.holidays = e.target.value;
                  })
                }
              />
            )}
          </Field>
          <Field
            path="calendar.extraWorkdays"
            label={t('hallSettings.calendar.extraWorkdays')}
            hint={t('hallSettings.calendar.hint')}
          >
            {(props) => (
              <textarea
                {...props}
                rows={6}
                value={form.calendar.extraWorkdays}
                onChange={(e) =>
                  update((draft) => {
                    draft.calendar.extraWorkdays = e.target.value;
                  })
                }
              />
            )}
          </Field>
          <Field
            path="calendar.makeupHours"
            label={t('hallSettings.calendar.makeupHours')}
            hint={t('hallSettings.calendar.makeupHoursHint')}
          >
            {(props) => (
              <select
                {...props}
                value={form.calendar.makeupHours}
                onChange={(e) =>
                  update((draft) => {
                    draft.calendar.makeupHours = MAKEUP_DAYS.find((d) => d === e.target.value) ?? 'mon';
                  })
                }
              >
                {MAKEUP_DAYS.map((day) => (
                  <option key={day} value={day}>
                    {t(`hallSettings.days.${day}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </section>
  );
}

function WeekHoursBlock() {
  const { t } = useTranslation();
  const { form, update } = useHallForm();
  return (
    <WeekHours
      path="hours"
      caption={t('hallSettings.hours.title')}
      hours={form.hours}
      onChange={(hours) =>
        update((draft) => {
          draft.hours = hours;
        })
      }
    />
  );
}
