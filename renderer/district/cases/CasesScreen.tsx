import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus } from '../../../contracts/central-api';
import type { CaseSearchQueryInput, CaseSummary } from '../../../contracts/platform-console';
import { DeskTable } from '../../manager/DeskTable';
import { MorePages } from '../../ui/console/MorePages';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { CaseDetailPanel } from './CaseDetailPanel';
import { STATUS_TONES } from './status-tone';

const PAGE_SIZE = 20;

type Filters = Omit<CaseSearchQueryInput, 'limit' | 'after'>;

const FIELDS = ['caseNumber', 'hallId', 'itemCode'] as const;

/** The filters as typed, without the empty ones (an empty field filters nothing). */
function filtersOf(form: FormData): Filters {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const status = CaseStatus.safeParse(text('status'));
  const filters: Filters = {};
  for (const field of FIELDS) {
    const value = text(field);
    if (value !== undefined) filters[field] = value;
  }
  if (status.success) filters.status = status.data;
  const from = text('from');
  const to = text('to');
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  return filters;
}

/**
 * 办件: every hall's cases, newest first, filtered by number, hall, item, status and the days
 * they were received (Beijing days); pages follow on ("show more"). A case opens beside the list
 * with its history, and an operator moves it along its lifecycle there.
 */
export default function CasesScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<string | null>(null);
  const cases = useInfiniteQuery({
    queryKey: [...DISTRICT_KEYS.all, 'cases', filters],
    queryFn: ({ pageParam }) =>
      client.searchCases({ ...filters, limit: PAGE_SIZE, ...(pageParam === null ? {} : { after: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const rows = cases.data?.pages.flatMap((page) => page.cases) ?? [];

  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFilters(filtersOf(new FormData(e.currentTarget)));
  };

  return (
    <section className="dst-section" aria-labelledby="dst-cases-title">
      <h2 id="dst-cases-title">{t('dstCases.title')}</h2>
      <form
        className="dst-filters console-fields"
        onSubmit={search}
        aria-label={t('dstCases.filters')}
        data-testid="dst-case-filters"
      >
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`dstCases.${field}`)}
            <input name={field} autoComplete="off" />
          </label>
        ))}
        <label>
          {t('dstCases.status')}
          <select name="status" defaultValue="">
            <option value="">{t('dstCases.anyStatus')}</option>
            {CaseStatus.options.map((status) => (
              <option key={status} value={status}>
                {t(`dstCases.statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstCases.from')}
          <input type="date" name="from" />
        </label>
        <label>
          {t('dstCases.to')}
          <input type="date" name="to" />
        </label>
        <div className="console-actions">
          <button type="submit" className="console-button console-primary">
            {t('dstCases.search')}
          </button>
          <button type="reset" className="console-button" onClick={() => setFilters({})}>
            {t('dstCases.clear')}
          </button>
        </div>
      </form>
      {cases.error && (
        <p className="error" role="alert">
          {session.describeError(cases.error)}
        </p>
      )}
      <div className="dst-split">
        <div className="dst-list">
          {cases.isSuccess && (
            <DeskTable<CaseSummary>
              testId="dst-cases"
              rows={rows}
              rowKey={(row) => row.caseNumber}
              rowAttributes={(row) => ({
                'data-case': row.caseNumber,
                ...(row.caseNumber === open ? { 'aria-current': 'true' as const } : {}),
              })}
              empty={t('dstCases.none')}
              columns={[
                {
                  header: t('dstCases.columns.caseNumber'),
                  rowHeader: true,
                  cell: (row) => (
                    <button
                      type="button"
                      className="dst-link"
                      aria-label={t('dstCases.open', { caseNumber: row.caseNumber })}
                      onClick={() => setOpen(row.caseNumber)}
                    >
                      {row.caseNumber}
                    </button>
                  ),
                },
                { header: t('dstCases.columns.hall'), cell: (row) => row.hallId },
                { header: t('dstCases.columns.item'), cell: (row) => row.itemName },
                {
                  header: t('dstCases.columns.status'),
                  cell: (row) => (
                    <span className={`console-badge ${STATUS_TONES[row.status]}`}>{t(`dstCases.statuses.${row.status}`)}</span>
                  ),
                },
                { header: t('dstCases.columns.receivedAt'), cell: (row) => formatDateTime(row.receivedAt, i18n.language) },
                { header: t('dstCases.columns.expected'), cell: (row) => row.expectedCompletion ?? '' },
              ]}
            />
          )}
          <MorePages query={cases} label={t('dstCases.more')} />
        </div>
        {open !== null && <CaseDetailPanel caseNumber={open} onClose={() => setOpen(null)} />}
      </div>
    </section>
  );
}
