import './reviews.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewListQueryInput } from '../../../contracts/reviews';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { useManagerSession } from '../session';
import { ReviewDetail } from './ReviewDetail';
import { ReviewFilters, type FilterValues } from './ReviewFilters';
import { ReviewList } from './ReviewList';
import { ReviewRatesPanel } from './ReviewRatesPanel';
import { monthSoFar, REVIEW_KEYS } from './review-logic';

const PAGE = 20;
const NO_FILTERS: FilterValues = { filter: 'all', window: '', staff: '', from: '', to: '' };

/**
 * 差评整改 (/manager#reviews): every 差评 with its deadline and where its follow-up stands, the
 * rates of a range, and one 差评's timeline with a form per next step. Supervisors only: the host
 * refuses technicians the list (a 差评 names a clerk), so they see the counts.
 */
export default function ReviewsScreen() {
  const session = useManagerSession();
  return session.staff.role === 'supervisor' ? <ReviewsDesk /> : <ReviewsCountsOnly />;
}

/** The counts a technician may see, and why the rest is not shown. */
function ReviewsCountsOnly() {
  const api = useApi();
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: REVIEW_KEYS.summary, queryFn: api.reviewSummary });
  return (
    <section className="mgr-reviews" aria-labelledby="mgr-reviews-title">
      <h2 id="mgr-reviews-title">{t('mgrReviews.title')}</h2>
      {summary.data && <p data-testid="reviews-summary">{t('mgrReviews.summary', summary.data)}</p>}
      <p className="console-notice">{t('mgrReviews.supervisorsOnly')}</p>
    </section>
  );
}

function ReviewsDesk() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);

  const query: ReviewListQueryInput = {
    filter: filters.filter,
    limit: PAGE,
    offset,
    ...(filters.window === '' ? {} : { window: filters.window }),
    ...(filters.staff === '' ? {} : { staff: filters.staff }),
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
  };
  // A new 差评 has no event of its own here: the list looks again every half minute.
  const list = useQuery({ queryKey: REVIEW_KEYS.list(query), queryFn: () => api.reviews(query), refetchInterval: 30_000 });
  const summary = useQuery({ queryKey: REVIEW_KEYS.summary, queryFn: api.reviewSummary, refetchInterval: 30_000 });

  const refresh = () => void refreshAfterEvent(queryClient, REVIEW_KEYS.all);
  useHallEvents((event) => {
    if (event.type === 'review.updated' || event.type === 'review.overdue') refresh();
  }, refresh);

  const today = list.data?.today ?? summary.data?.today;
  const range = filters.from !== '' && filters.to !== '' ? { from: filters.from, to: filters.to } : today && monthSoFar(today);

  return (
    <section className="mgr-reviews" aria-labelledby="mgr-reviews-title">
      <h2 id="mgr-reviews-title">{t('mgrReviews.title')}</h2>
      <p className="console-muted">{t('mgrReviews.intro')}</p>
      {summary.data && (
        <p className="mgr-reviews-summary" data-testid="reviews-summary">
          {t('mgrReviews.summary', summary.data)}
        </p>
      )}
      {range && <ReviewRatesPanel from={range.from} to={range.to} />}
      <ReviewFilters
        values={filters}
        onApply={(next) => {
          setFilters(next);
          setOffset(0);
        }}
        onReset={() => {
          setFilters(NO_FILTERS);
          setOffset(0);
        }}
      />
      <div className="mgr-reviews-body">
        <ReviewList list={list} selected={selected} onSelect={setSelected} offset={offset} onPage={setOffset} pageSize={PAGE} />
        <ReviewDetail evaluationId={selected} />
      </div>
    </section>
  );
}
