import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewFollowup, ReviewList as ReviewPage } from '../../../contracts/reviews';
import { formatDateTime, useManagerSession } from '../session';
import { deadlineOf } from './review-logic';

/** How a 差评's subject reads: the ticket, window and staff number, or the case number. */
export function useSubjectText(): (r: Pick<ReviewFollowup, 'subject'>) => string {
  const { t } = useTranslation();
  return ({ subject }) =>
    subject.kind === 'ticket'
      ? t('mgrReviews.subject.ticket', { ticket: subject.ticketNumber, window: subject.windowNumber, staff: subject.staffNumber })
      : t('mgrReviews.subject.case', { caseNumber: subject.caseNumber });
}

/** The deadline as a date and "剩 N 个工作日 / 已超期 N 个工作日", marked by tone and in words. */
export function Deadline({ review }: { review: ReviewFollowup }) {
  const { t } = useTranslation();
  const text = deadlineOf(review);
  // The due date is already the hall's local date (YYYY-MM-DD): shown as it is, never shifted by a zone.
  return (
    <span className={`mgr-reviews-deadline tone-${text.tone}`} data-testid="review-deadline">
      <span>{review.dueDate}</span> <strong>{t(text.key, text.count === undefined ? {} : { count: text.count })}</strong>
    </span>
  );
}

/** The page of 差评: each with its subject, rating, reason, deadline and status; one is opened at a time. */
export function ReviewList({
  list,
  selected,
  onSelect,
  offset,
  onPage,
  pageSize,
}: {
  list: UseQueryResult<ReviewPage>;
  selected: string | null;
  onSelect: (evaluationId: string) => void;
  offset: number;
  onPage: (offset: number) => void;
  pageSize: number;
}) {
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const subjectText = useSubjectText();
  if (list.isError)
    return (
      <p className="error" role="alert">
        {session.describeError(list.error)}
      </p>
    );
  if (!list.data) return <p className="console-muted">{t('manager.loading')}</p>;
  const { reviews, next } = list.data;
  return (
    <div className="mgr-reviews-list">
      <table data-testid="reviews-table">
        <caption>{t('mgrReviews.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mgrReviews.list.ratedAt')}</th>
            <th scope="col">{t('mgrReviews.list.subject')}</th>
            <th scope="col">{t('mgrReviews.list.level')}</th>
            <th scope="col">{t('mgrReviews.list.reason')}</th>
            <th scope="col">{t('mgrReviews.list.due')}</th>
            <th scope="col">{t('mgrReviews.list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr
              key={r.evaluationId}
              className={r.overdue ? 'overdue' : undefined}
              aria-current={r.evaluationId === selected ? 'true' : undefined}
              data-testid="review-row"
            >
              <td>{formatDateTime(r.ratedAt, session.timeZone, i18n.language)}</td>
              <td>
                <button type="button" className="mgr-reviews-open" onClick={() => onSelect(r.evaluationId)}>
                  {subjectText(r)}
                </button>
              </td>
              <td className="nowrap">{t(`mgrReviews.levels.${r.level}`)}</td>
              <td>{r.reason}</td>
              <td>
                <Deadline review={r} />
              </td>
              <td className="nowrap">{t(`mgrReviews.status.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reviews.length === 0 && <p className="console-muted">{t('mgrReviews.list.empty')}</p>}
      {(offset > 0 || next !== null) && (
        <div className="mgr-reviews-pages">
          <button
            type="button"
            className="console-button"
            disabled={offset === 0}
            onClick={() => onPage(Math.max(0, offset - pageSize))}
          >
            {t('mgrReviews.list.previous')}
          </button>
          <button type="button" className="console-button" disabled={next === null} onClick={() => next !== null && onPage(next)}>
            {t('mgrReviews.list.next')}
          </button>
        </div>
      )}
    </div>
  );
}
