import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { REVIEW_KEYS } from './review-logic';

/** The rates of the 差评 rated in [from, to] (definitions: contracts/reviews.ts `ReviewRates`). */
export function ReviewRatesPanel({ from, to }: { from: string; to: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const rates = useQuery({ queryKey: REVIEW_KEYS.rates(from, to), queryFn: () => api.reviewRates({ from, to }) });
  const r = rates.data;
  if (!r) return null;
  const pct = (value: number | null) => (value === null ? t('mgrReviews.rates.none') : `${value}%`);
  const figures = [
    { key: 'badReviews', value: String(r.badReviews), of: null },
    { key: 'onTime', value: pct(r.onTimePct), of: [r.rectifiedOnTime, r.dueOrRectified] },
    { key: 'callback', value: pct(r.callbackPct), of: [r.calledBack, r.badReviews] },
    {
      key: 'satisfaction',
      value: pct(r.satisfactionPct),
      of: [
        r.callbackRatings.satisfied + r.callbackRatings.basically_satisfied,
        r.callbackRatings.satisfied + r.callbackRatings.basically_satisfied + r.callbackRatings.dissatisfied,
      ],
    },
    { key: 'overturned', value: String(r.overturned), of: null },
  ] as const;
  return (
    <section className="mgr-reviews-rates" aria-labelledby="mgr-reviews-rates-title" data-testid="review-rates">
      <h3 id="mgr-reviews-rates-title">{t('mgrReviews.rates.title', { from: r.from, to: r.to })}</h3>
      <dl>
        {figures.map((f) => (
          <div key={f.key} data-testid={`rate-${f.key}`}>
            <dt>{t(`mgrReviews.rates.${f.key}`)}</dt>
            <dd>
              <strong>{f.value}</strong>
              {f.of && f.of[1] > 0 && (
                <span className="console-muted"> {t('mgrReviews.rates.ofWhich', { part: f.of[0], whole: f.of[1] })}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
