import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewFilter } from '../../../contracts/reviews';

export interface FilterValues {
  filter: ReviewFilter;
  window: string;
  staff: string;
  from: string;
  to: string;
}

/** The list's filters, applied together with 查询 (typing does not reload the list at each key). */
export function ReviewFilters({
  values,
  onApply,
  onReset,
}: {
  values: FilterValues;
  onApply: (values: FilterValues) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(values);
  const set = (patch: Partial<FilterValues>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="mgr-reviews-filters"
      aria-label={t('mgrReviews.filters.legend')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft, window: draft.window.trim(), staff: draft.staff.trim() });
      }}
    >
      <label>
        {t('mgrReviews.filters.status')}
        <select value={draft.filter} onChange={(e) => set({ filter: ReviewFilter.parse(e.target.value) })}>
          {ReviewFilter.options.map((f) => (
            <option key={f} value={f}>
              {t(`mgrReviews.filters.statuses.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mgrReviews.filters.window')}
        <input value={draft.window} onChange={(e) => set({ window: e.target.value })} size={4} />
      </label>
      <label>
        {t('mgrReviews.filters.staff')}
        <input value={draft.staff} onChange={(e) => set({ staff: e.target.value })} size={8} />
      </label>
      <label>
        {t('mgrReviews.filters.from')}
        <input type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {t('mgrReviews.filters.to')}
        <input type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <button type="submit" className="primary">
        {t('mgrReviews.filters.apply')}
      </button>
      <button
        type="button"
        className="console-button"
        onClick={() => {
          setDraft({ filter: 'all', window: '', staff: '', from: '', to: '' });
          onReset();
        }}
      >
        {t('mgrReviews.filters.reset')}
      </button>
    </form>
  );
}
