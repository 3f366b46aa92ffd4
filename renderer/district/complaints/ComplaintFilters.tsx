import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintChannel, ComplaintState, type Unit } from '../../../contracts/complaints';
import type { ComplaintListQueryInput } from '../../../contracts/platform-complaints';

export type ComplaintFilterValues = Omit<ComplaintListQueryInput, 'limit' | 'after'>;

/** The filters as typed, without the empty ones (an empty field filters nothing). */
export function filtersOf(form: FormData): ComplaintFilterValues {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const filters: ComplaintFilterValues = {};
  const state = ComplaintState.safeParse(value('state'));
  const channel = ComplaintChannel.safeParse(value('channel'));
  const unit = value('unit');
  const text = value('text');
  if (state.success) filters.state = state.data;
  if (channel.success) filters.channel = channel.data;
  if (unit !== undefined) filters.unit = unit;
  if (text !== undefined) filters.text = text.slice(0, 50);
  if (form.get('overdue') === 'on') filters.overdue = 'true';
  return filters;
}

/**
 * The work list's filters: state, unit (lead or co-unit), channel, overdue only and a piece of
 * the enterprise's name or text; and the red list (督办红榜), a toggle that lists at once the
 * complaints with a stage past its deadline, each of which has an open 督办单.
 */
export function ComplaintFilters({
  units,
  redList,
  onSearch,
  onRedList,
}: {
  units: readonly Unit[];
  redList: boolean;
  onSearch: (filters: ComplaintFilterValues) => void;
  onRedList: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSearch(filtersOf(new FormData(e.currentTarget)));
  };
  return (
    <form className="dst-filters console-fields" onSubmit={submit} aria-label={t('dstComplaints.filters')}>
      <label>
        {t('dstComplaints.state')}
        <select name="state" defaultValue="">
          <option value="">{t('dstComplaints.anyState')}</option>
          {ComplaintState.options.map((state) => (
            <option key={state} value={state}>
              {t(`dstComplaints.states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dstComplaints.unit')}
        <select name="unit" defaultValue="">
          <option value="">{t('dstComplaints.anyUnit')}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dstComplaints.channel')}
        <select name="channel" defaultValue="">
          <option value="">{t('dstComplaints.anyChannel')}</option>
          {ComplaintChannel.options.map((channel) => (
            <option key={channel} value={channel}>
              {t(`dstComplaints.channels.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dstComplaints.text')}
        <input name="text" maxLength={50} autoComplete="off" />
      </label>
      <label className="dst-check">
        <input type="checkbox" name="overdue" />
        {t('dstComplaints.overdue')}
      </label>
      <div className="console-actions">
        <button type="submit" className="console-button console-primary">
          {t('dstComplaints.search')}
        </button>
        <button type="reset" className="console-button" onClick={() => onSearch({})}>
          {t('dstComplaints.clear')}
        </button>
        <button
          type="button"
          className={`console-button dst-red-list${redList ? ' is-on' : ''}`}
          aria-pressed={redList}
          onClick={() => onRedList(!redList)}
        >
          {t('dstComplaints.redList')}
        </button>
      </div>
    </form>
  );
}
