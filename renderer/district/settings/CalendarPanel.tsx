import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicHoliday, type CalendarDay } from '../../../contracts/district-calendar';
import type { CalendarView } from '../../../contracts/platform-complaint-settings';
import { DeskTable } from '../../manager/DeskTable';
import { useDistrictClient } from '../session';
import { Outcome } from './Outcome';
import { calendarDayOf } from './settings-forms';
import { EditableBy } from './EditableBy';
import { useSettingsChange } from './use-settings-change';

const weekdayOf = (date: string, language: string): string =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(language, { weekday: 'short', timeZone: 'UTC' });

/** The district calendar by year: each day off or worked with its source; the supervisor sets or clears a day. */
export function CalendarPanel({ editable }: { editable: boolean }) {
  const client = useDistrictClient();
  const { t, i18n } = useTranslation();
  const change = useSettingsChange<CalendarView>('calendar');
  const calendar = useQuery({ queryKey: change.key, queryFn: () => client.complaintCalendar() });
  const days = calendar.data?.days ?? [];
  const years = [...new Set([...days.map((d) => d.date.slice(0, 4)), String(new Date().getFullYear())])].sort();
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  const shown = days.filter((d) => d.date.startsWith(year));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = calendarDayOf(new FormData(e.currentTarget));
    if (parsed === null) return;
    setYear(parsed.date.slice(0, 4));
    change.run({
      send: () => client.setCalendarDay(parsed.date, parsed.day),
      done: () =>
        t('dstSettings.calendar.setDone', { date: parsed.date, kind: t(`dstSettings.calendar.kinds.${parsed.day.kind}`) }),
    });
  };
  const clear = (day: CalendarDay) =>
    change.run({
      send: () => client.clearCalendarDay(day.date),
      done: () => t('dstSettings.calendar.clearDone', { date: day.date }),
    });

  return (
    <div className="dst-panel" data-testid="dst-calendar">
      <div className="dst-panel-head console-fields">
        <h3>{t('dstSettings.calendar.title')}</h3>
        <label>
          {t('dstSettings.calendar.year')}{' '}
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!editable && <EditableBy area="calendar" />}
      <Outcome done={change.done} error={calendar.error ?? change.error} />
      {editable && (
        <form className="dst-row console-fields" onSubmit={submit} aria-label={t('dstSettings.calendar.set')}>
          <label>
            {t('dstSettings.calendar.date')}
            <input name="date" type="date" required />
          </label>
          <label>
            {t('dstSettings.calendar.kind')}
            <select name="kind" defaultValue="holiday">
              <option value="holiday">{t('dstSettings.calendar.kinds.holiday')}</option>
              <option value="workday">{t('dstSettings.calendar.kinds.workday')}</option>
            </select>
          </label>
          <label>
            {t('dstSettings.calendar.holiday')}
            <select name="holiday">
              {PublicHoliday.options.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dstSettings.calendar.source')}
            <input name="source" required maxLength={200} autoComplete="off" />
          </label>
          <button type="submit" className="console-button console-primary" disabled={change.busy}>
            {t('dstSettings.calendar.set')}
          </button>
        </form>
      )}
      {calendar.data && (
        <DeskTable<CalendarDay>
          testId="dst-calendar-days"
          rows={shown}
          rowKey={(day) => day.date}
          rowAttributes={(day) => ({ 'data-date': day.date })}
          empty={t('dstSettings.calendar.none')}
          columns={[
            { header: t('dstSettings.calendar.columns.date'), rowHeader: true, cell: (day) => day.date },
            { header: t('dstSettings.calendar.columns.weekday'), cell: (day) => weekdayOf(day.date, i18n.language) },
            {
              header: t('dstSettings.calendar.columns.kind'),
              cell: (day) => (
                <span className={day.kind === 'holiday' ? 'console-badge tone-info' : 'console-badge tone-warn'}>
                  {t(`dstSettings.calendar.kinds.${day.kind}`)}
                </span>
              ),
            },
            { header: t('dstSettings.calendar.columns.holiday'), cell: (day) => day.holiday },
            { header: t('dstSettings.calendar.columns.source'), cell: (day) => day.source },
            ...(editable
              ? [
                  {
                    header: t('dstSettings.calendar.columns.actions'),
                    cell: (day: CalendarDay) => (
                      <button
                        type="button"
                        className="console-button"
                        aria-label={t('dstSettings.calendar.clearOf', { date: day.date })}
                        disabled={change.busy}
                        onClick={() => clear(day)}
                      >
                        {t('dstSettings.calendar.clear')}
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}
