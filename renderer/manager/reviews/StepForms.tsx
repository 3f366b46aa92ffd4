import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppealDecision, CallbackRating, type ReviewFollowup, type ReviewStep } from '../../../contracts/reviews';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { instantOfWallTime, wallTimeOf } from '../hall-time';
import { useManagerSession } from '../session';
import { refusalKey, REVIEW_KEYS } from './review-logic';

/** One form per step the loop admits now (`next`, from the host), in the loop's order. */
export function StepForms({ review }: { review: ReviewFollowup }) {
  const { t } = useTranslation();
  if (review.next.length === 0) return <p className="console-muted">{t('mgrReviews.detail.nothingNext')}</p>;
  return (
    <div className="mgr-reviews-forms" data-testid="review-forms">
      <h4>{t('mgrReviews.forms.title')}</h4>
      {review.next.map((step) => (
        <StepForm key={`${review.evaluationId}-${step}`} step={step} review={review} />
      ))}
    </div>
  );
}

/** Sends one step; the answer is the follow-up as it now stands. */
function useStep(review: ReviewFollowup, send: () => Promise<ReviewFollowup>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      queryClient.setQueryData(REVIEW_KEYS.detail(review.evaluationId), updated);
      void refreshAfterEvent(queryClient, REVIEW_KEYS.all);
    },
  });
}

function StepForm({ step, review }: { step: ReviewStep; review: ReviewFollowup }) {
  switch (step) {
    case 'assign':
      return <AssignForm review={review} />;
    case 'verify':
      return <TextStep review={review} step="verify" />;
    case 'rectify':
      return <TextStep review={review} step="rectify" />;
    case 'callback':
      return <CallbackForm review={review} />;
    case 'appeal':
      return <TextStep review={review} step="appeal" />;
    case 'decide':
      return <DecideForm review={review} />;
    case 'close':
      return <CloseForm review={review} />;
  }
}

/** A step's fieldset: its legend, fields, the button and what became of the last try. */
function StepFieldset({
  step,
  mutation,
  onSubmit,
  disabled = false,
  children,
}: {
  step: ReviewStep;
  mutation: { isPending: boolean; isSuccess: boolean; error: unknown };
  onSubmit: () => void;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useManagerSession();
  const refusal = mutation.error ? (refusalKey(mutation.error) ?? null) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="mgr-reviews-step" onSubmit={submit} data-step={step}>
      <fieldset disabled={mutation.isPending}>
        <legend>{t(`mgrReviews.forms.${step}.legend`)}</legend>
        {children}
        <button type="submit" className="primary" disabled={disabled}>
          {t(`mgrReviews.forms.${step}.submit`)}
        </button>
      </fieldset>
      {mutation.isSuccess && (
        <p className="console-muted" role="status">
          {t('mgrReviews.forms.done')}
        </p>
      )}
      {mutation.error !== null && mutation.error !== undefined && (
        <p className="error" role="alert">
          {refusal === null ? session.failed(mutation.error) : t(refusal)}
        </p>
      )}
    </form>
  );
}

function AssignForm({ review }: { review: ReviewFollowup }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [handler, setHandler] = useState(review.handler?.staffNumber ?? '');
  const step = useStep(review, () => api.assignReview(review.evaluationId, { handlerStaffNumber: handler.trim() }));
  return (
    <StepFieldset step="assign" mutation={step} onSubmit={() => step.mutate()} disabled={handler.trim() === ''}>
      <label htmlFor={id}>{t('mgrReviews.forms.assign.handler')}</label>
      <input id={id} value={handler} onChange={(e) => setHandler(e.target.value)} size={10} required />
    </StepFieldset>
  );
}

/** Verification, rectification and appeal: one text each. */
function TextStep({ review, step }: { review: ReviewFollowup; step: 'verify' | 'rectify' | 'appeal' }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const send = () => {
    const value = text.trim();
    if (step === 'verify') return api.verifyReview(review.evaluationId, { verification: value });
    if (step === 'rectify') return api.rectifyReview(review.evaluationId, { rectification: value });
    return api.appealReview(review.evaluationId, { reason: value });
  };
  const mutation = useStep(review, send);
  const label = {
    verify: 'mgrReviews.forms.verify.text',
    rectify: 'mgrReviews.forms.rectify.text',
    appeal: 'mgrReviews.forms.appeal.reason',
  }[step];
  return (
    <StepFieldset step={step} mutation={mutation} onSubmit={() => mutation.mutate()} disabled={text.trim() === ''}>
      <label htmlFor={id}>{t(label)}</label>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={1000} required />
    </StepFieldset>
  );
}

function CallbackForm({ review }: { review: ReviewFollowup }) {
  const api = useApi();
  const { t } = useTranslation();
  const { timeZone } = useManagerSession();
  const ids = { at: useId(), result: useId() };
  // Filled with the hall's time now; left as it is, the host stamps the moment it is saved.
  const [initialAt] = useState(() => (timeZone === undefined ? '' : wallTimeOf(new Date().toISOString(), timeZone)));
  const [at, setAt] = useState(initialAt);
  const [result, setResult] = useState('');
  const [rating, setRating] = useState<CallbackRating | null>(null);
  const mutation = useStep(review, () => {
    const calledAt = timeZone === undefined || at === initialAt ? null : instantOfWallTime(at, timeZone);
    return api.callbackReview(review.evaluationId, {
      ...(calledAt === null ? {} : { calledAt }),
      result: result.trim(),
      rating: rating ?? 'satisfied',
    });
  });
  return (
    <StepFieldset
      step="callback"
      mutation={mutation}
      onSubmit={() => mutation.mutate()}
      disabled={result.trim() === '' || rating === null}
    >
      <label htmlFor={ids.at}>{t('mgrReviews.forms.callback.at')}</label>
      <input id={ids.at} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      <label htmlFor={ids.result}>{t('mgrReviews.forms.callback.result')}</label>
      <textarea id={ids.result} value={result} onChange={(e) => setResult(e.target.value)} rows={3} maxLength={1000} required />
      <fieldset className="mgr-reviews-choice">
        <legend>{t('mgrReviews.forms.callback.rating')}</legend>
        {CallbackRating.options.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${review.evaluationId}-rating`}
              value={option}
              checked={rating === option}
              onChange={() => setRating(option)}
            />
            {t(`mgrReviews.detail.ratings.${option}`)}
          </label>
        ))}
      </fieldset>
    </StepFieldset>
  );
}

function DecideForm({ review }: { review: ReviewFollowup }) {
  const api = useApi();
  const { t } = useTranslation();
  const { staff } = useManagerSession();
  const [decision, setDecision] = useState<AppealDecision | null>(null);
  const mutation = useStep(review, () => api.decideReviewAppeal(review.evaluationId, { decision: decision ?? 'upheld' }));
  // The host refuses it too: the filer of an appeal does not review it.
  const own = review.appeal?.by === staff.staffNo;
  return (
    <StepFieldset step="decide" mutation={mutation} onSubmit={() => mutation.mutate()} disabled={own || decision === null}>
      {review.appeal && <p>{review.appeal.reason}</p>}
      {own && <p className="console-notice">{t('mgrReviews.forms.decide.ownAppeal')}</p>}
      <fieldset className="mgr-reviews-choice" disabled={own}>
        <legend>{t('mgrReviews.forms.decide.decision')}</legend>
        {AppealDecision.options.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${review.evaluationId}-decision`}
              value={option}
              checked={decision === option}
              onChange={() => setDecision(option)}
            />
            {t(`mgrReviews.detail.decisions.${option}`)}
          </label>
        ))}
      </fieldset>
    </StepFieldset>
  );
}

function CloseForm({ review }: { review: ReviewFollowup }) {
  const api = useApi();
  const { t } = useTranslation();
  const mutation = useStep(review, () => api.closeReview(review.evaluationId));
  return (
    <StepFieldset step="close" mutation={mutation} onSubmit={() => mutation.mutate()}>
      <p className="console-muted">{t('mgrReviews.forms.close.hint')}</p>
    </StepFieldset>
  );
}
