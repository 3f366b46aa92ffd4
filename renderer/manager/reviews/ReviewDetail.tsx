import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReviewFollowup } from '../../../contracts/reviews';
import { useApi } from '../../api/context';
import { formatDateTime, useManagerSession } from '../session';
import { Deadline, useSubjectText } from './ReviewList';
import { StepForms } from './StepForms';
import { REVIEW_KEYS } from './review-logic';

/** One 差评 opened from the list: what the citizen said, the deadline, the timeline, the next steps. */
export function ReviewDetail({ evaluationId }: { evaluationId: string | null }) {
  const { t } = useTranslation();
  return (
    <aside className="mgr-reviews-detail" aria-labelledby="mgr-review-detail-title" data-testid="review-detail">
      <h3 id="mgr-review-detail-title">{t('mgrReviews.detail.title')}</h3>
      {evaluationId === null ? (
        <p className="console-muted">{t('mgrReviews.detail.choose')}</p>
      ) : (
        <Detail evaluationId={evaluationId} />
      )}
    </aside>
  );
}

function Detail({ evaluationId }: { evaluationId: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const subjectText = useSubjectText();
  const detail = useQuery({ queryKey: REVIEW_KEYS.detail(evaluationId), queryFn: () => api.review(evaluationId) });
  if (detail.isError)
    return (
      <p className="error" role="alert">
        {session.describeError(detail.error)}
      </p>
    );
  const r = detail.data;
  if (!r) return <p className="console-muted">{t('manager.loading')}</p>;
  return (
    <>
      <p className="mgr-reviews-subject" data-testid="review-subject">
        <strong>{subjectText(r)}</strong> · {t(`mgrReviews.levels.${r.level}`)} · {t(`mgrReviews.status.${r.status}`)}
      </p>
      <dl className="mgr-reviews-facts">
        <dt>{t('mgrReviews.detail.reason')}</dt>
        <dd>{r.reason}</dd>
        <dt>{t('mgrReviews.detail.comment')}</dt>
        <dd>{r.comment ?? t('mgrReviews.detail.noComment')}</dd>
        <dt>{t('mgrReviews.detail.ratedAt')}</dt>
        <dd>{formatDateTime(r.ratedAt, session.timeZone, i18n.language)}</dd>
        <dt>{t('mgrReviews.detail.due')}</dt>
        <dd>
          <Deadline review={r} />
        </dd>
      </dl>
      <h4>{t('mgrReviews.detail.timeline')}</h4>
      <Timeline review={r} />
      {session.canChange && <StepForms review={r} />}
    </>
  );
}

interface Entry {
  step: string;
  at: string | null;
  by?: string | null;
  text?: string;
}

/** What happened, in order, then what the loop still asks for. */
function entriesOf(r: ReviewFollowup, t: TFunction): Entry[] {
  const done: Entry[] = [{ step: 'rated', at: r.ratedAt, text: r.reason ?? '' }];
  if (r.handler)
    done.push({ step: 'assign', ...r.handler, text: t('mgrReviews.detail.handler', { staffNumber: r.handler.staffNumber }) });
  if (r.verification) done.push({ step: 'verify', ...r.verification });
  if (r.appeal) done.push({ step: 'appeal', at: r.appeal.at, by: r.appeal.by, text: r.appeal.reason });
  if (r.appeal?.decision)
    done.push({
      step: 'decide',
      at: r.appeal.decidedAt,
      by: r.appeal.decidedBy,
      text: t(`mgrReviews.detail.decisions.${r.appeal.decision}`),
    });
  if (r.rectification)
    done.push({
      step: 'rectify',
      at: r.rectification.at,
      by: r.rectification.by,
      text: `${r.rectification.text}（${t(r.rectification.onTime ? 'mgrReviews.detail.onTime' : 'mgrReviews.detail.late')}）`,
    });
  if (r.callback)
    done.push({
      step: 'callback',
      at: r.callback.at,
      by: r.callback.by,
      text: `${r.callback.result} · ${t(`mgrReviews.detail.ratings.${r.callback.rating}`)}`,
    });
  if (r.closed) done.push({ step: 'close', at: r.closed.at, by: r.closed.by });
  done.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  if (r.status === 'overturned' || r.status === 'closed') return done;
  const has = new Set(done.map((e) => e.step));
  const pending = ['assign', 'verify', 'rectify', 'callback', 'close'].filter((s) => !has.has(s));
  return [...done, ...pending.map((step) => ({ step, at: null }))];
}

function Timeline({ review }: { review: ReviewFollowup }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useManagerSession();
  return (
    <ol className="mgr-reviews-timeline" data-testid="review-timeline">
      {entriesOf(review, t).map((e) => (
        <li key={e.step} className={e.at === null ? 'pending' : 'done'}>
          <strong>{t(`mgrReviews.detail.steps.${e.step}`)}</strong>
          {e.at === null ? (
            <span className="console-muted"> · {t('mgrReviews.detail.pending')}</span>
          ) : (
            <span className="console-muted">
              {' '}
              · {formatDateTime(e.at, timeZone, i18n.language)}
              {e.by ? ` · ${t('mgrReviews.detail.by', { by: e.by })}` : ''}
            </span>
          )}
          {e.text && <p>{e.text}</p>}
        </li>
      ))}
    </ol>
  );
}
