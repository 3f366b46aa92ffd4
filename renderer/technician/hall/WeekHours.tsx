import { useTranslation } from 'react-i18next';
import { Field, SectionError, useHallForm } from './HallField';
import { DAYS, fieldId, type Day, type HoursForm, type PeriodForm } from './hall-form';

/**
 * Opening hours per weekday: each day a list of periods (from–to, HH:MM on the hall's clock),
 * a period may be the lunch-time duty window (午休值班). An empty day is closed.
 * `path` is where the hours sit in the settings (`hours`, `services.2.hours`).
 */
export function WeekHours({
  path,
  hours,
  onChange,
  caption,
}: {
  path: string;
  hours: HoursForm;
  onChange: (next: HoursForm) => void;
  caption: string;
}) {
  const { t } = useTranslation();
  const { readOnly } = useHallForm();
  const setDay = (day: Day, periods: PeriodForm[]) => onChange({ ...hours, [day]: periods });
  const setPeriod = (day: Day, index: number, patch: Partial<PeriodForm>) =>
    setDay(
      day,
      hours[day].map((p, i) => (i === index ? { ...p, ...patch } : p)),
    );

  return (
    <table className="tech-table hall-hours" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{t('hallSettings.hours.day')}</th>
          <th scope="col">{t('hallSettings.hours.periods')}</th>
        </tr>
      </thead>
      <tbody>
        {DAYS.map((day) => {
          const dayName = t(`hallSettings.days.${day}`);
          return (
            <tr key={day} data-day={day}>
              <th scope="row">{dayName}</th>
              <td className="hall-day">
                <SectionError path={`${path}.${day}`} />
                {hours[day].length === 0 && <p className="console-muted hall-closed">{t('hallSettings.hours.closed')}</p>}
                <ul className="hall-periods">
                  {hours[day].map((period, i) => {
                    const at = `${path}.${day}.${i}`;
                    const n = i + 1;
                    return (
                      <li key={i} className="hall-period">
                        <Field path={`${at}.from`} label={t('hallSettings.hours.from', { day: dayName, n })}>
                          {(props) => (
                            <input
                              {...props}
                              className="hall-time"
                              value={period.from}
                              placeholder="08:30"
                              inputMode="numeric"
                              onChange={(e) => setPeriod(day, i, { from: e.target.value })}
                            />
                          )}
                        </Field>
                        <Field path={`${at}.to`} label={t('hallSettings.hours.to', { day: dayName, n })}>
                          {(props) => (
                            <input
                              {...props}
                              className="hall-time"
                              value={period.to}
                              placeholder="17:30"
                              inputMode="numeric"
                              onChange={(e) => setPeriod(day, i, { to: e.target.value })}
                            />
                          )}
                        </Field>
                        <div className="tech-field tech-check">
                          <input
                            id={fieldId(`${at}.duty`)}
                            type="checkbox"
                            checked={period.duty}
                            onChange={(e) => setPeriod(day, i, { duty: e.target.checked })}
                          />
                          <label htmlFor={fieldId(`${at}.duty`)}>{t('hallSettings.hours.duty')}</label>
                        </div>
                        {!readOnly && (
                          <button
                            type="button"
                            className="console-button danger"
                            aria-label={t('hallSettings.hours.removeLabel', { day: dayName, n })}
                            onClick={() =>
                              setDay(
                                day,
                                hours[day].filter((_, k) => k !== i),
                              )
                            }
                          >
                            {t('hallSettings.remove')}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {!readOnly && (
                  <div className="hall-day-actions">
                    <button
                      type="button"
                      className="console-button"
                      aria-label={t('hallSettings.hours.addLabel', { day: dayName })}
                      onClick={() => setDay(day, [...hours[day], { from: '', to: '', duty: false }])}
                    >
                      {t('hallSettings.hours.add')}
                    </button>
                    {day === 'mon' && (
                      <button
                        type="button"
                        className="console-button"
                        onClick={() =>
                          onChange({
                            ...hours,
                            tue: structuredClone(hours.mon),
                            wed: structuredClone(hours.mon),
                            thu: structuredClone(hours.mon),
                            fri: structuredClone(hours.mon),
                          })
                        }
                      >
                        {t('hallSettings.hours.copyMonday')}
                      </button>
                    )}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
