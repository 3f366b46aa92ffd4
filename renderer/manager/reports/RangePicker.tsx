import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customRangeProblem, presetRange, RANGE_KINDS, REPORT_MAX_DAYS, type DateRange, type RangeKind } from './report-range';

/**
 * The period of the report: a day (today, or one chosen), this or last week or month, the past
 * year, or two dates (at most a year, checked by the host's own rule before asking). A preset
 * applies at once; a chosen day or custom dates apply with 查询.
 */
export function RangePicker({ today, onChange }: { today: string; onChange: (kind: RangeKind, range: DateRange) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RangeKind>('thisMonth');
  const [day, setDay] = useState(today);
  const [custom, setCustom] = useState<DateRange>(() => presetRange('thisMonth', today));
  const problem = kind === 'custom' ? customRangeProblem(custom) : null;

  const pick = (next: RangeKind) => {
    setKind(next);
    if (next !== 'custom' && next !== 'day') onChange(next, presetRange(next, today));
    if (next === 'day') onChange(next, presetRange('day', today, day));
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(day)) onChange(kind, presetRange('day', today, day));
    if (kind === 'custom' && problem === null) onChange(kind, custom);
  };

  return (
    <form className="mgr-rep-range" onSubmit={apply}>
      <fieldset>
        <legend>{t('mgrReports.range.legend')}</legend>
        <div className="mgr-rep-kinds">
          {RANGE_KINDS.map((k) => (
            <label key={k} className={k === kind ? 'chosen' : undefined}>
              <input type="radio" name="report-range" value={k} checked={k === kind} onChange={() => pick(k)} />
              {t(`mgrReports.range.${k}`)}
            </label>
          ))}
        </div>
        {kind === 'day' && (
          <div className="mgr-rep-dates">
            <label>
              {t('mgrReports.range.date')}
              <input type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} />
            </label>
            <button type="submit" className="console-button">
              {t('mgrReports.range.show')}
            </button>
          </div>
        )}
        {kind === 'custom' && (
          <div className="mgr-rep-dates">
            <label>
              {t('mgrReports.range.from')}
              <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              {t('mgrReports.range.to')}
              <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
            <button type="submit" className="console-button" disabled={problem !== null}>
              {t('mgrReports.range.show')}
            </button>
            {problem !== null && (
              <p className="error" role="alert">
                {t(`mgrReports.range.problems.${problem}`, { max: REPORT_MAX_DAYS })}
              </p>
            )}
          </div>
        )}
      </fieldset>
    </form>
  );
}
