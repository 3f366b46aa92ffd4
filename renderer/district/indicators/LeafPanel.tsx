import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_METRICS } from '../../../contracts/indicator-metrics';
import type { IndicatorPeriod, PeriodLeaf, ReviewEntryRequest } from '../../../contracts/platform-indicators';
import { formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import type { EntryOffer } from './entry-offers';
import { refusalText } from './refusal';
import { INDICATOR_KEYS, useRefreshIndicators } from './use-indicators';

/**
 * One leaf of a period beside the entry sheet: what it counts (口径), its target and the value
 * scoring 0, the value that scores now, every revision with its review, and the step offered to
 * the signed-in person: a value to enter (with a note on where it comes from), or the latest
 * revision to approve or return with a reason.
 */
export function LeafPanel({
  leaf,
  period,
  offer,
  unitName,
  onClose,
}: {
  leaf: PeriodLeaf;
  period: IndicatorPeriod;
  offer: EntryOffer;
  unitName: (code: string) => string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useDistrictClient();
  const session = useDistrictSession();
  const refresh = useRefreshIndicators();
  const [done, setDone] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const history = useQuery({
    queryKey: INDICATOR_KEYS.entries(period.period, leaf.code),
    queryFn: () => client.leafEntries(period.period, leaf.code),
    enabled: leaf.source.kind === 'entered',
  });

  const enter = useMutation({
    mutationFn: (entry: { value: number; note?: string }) => client.enterIndicatorValue(period.period, leaf.code, entry),
    onSuccess: (entry) => {
      setDone(t('dstIndicators.leaf.entered', { revision: entry.revision }));
      void refresh();
    },
    onError: (error) => {
      setDone(null);
      session.failed(error);
    },
  });
  const review = useMutation({
    mutationFn: (request: ReviewEntryRequest) => client.reviewIndicatorValue(period.period, leaf.code, request),
    onSuccess: (entry) => {
      setDone(
        t(entry.state === 'approved' ? 'dstIndicators.leaf.approved' : 'dstIndicators.leaf.returned', {
          revision: entry.revision,
        }),
      );
      void refresh();
    },
    onError: (error) => {
      setDone(null);
      session.failed(error);
    },
  });

  const submitEntry = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = Number(String(form.get('value') ?? '').trim());
    const note = String(form.get('note') ?? '').trim();
    enter.mutate(note === '' ? { value } : { value, note });
  };

  const submitReview = (decision: 'approve' | 'return', form: HTMLFormElement | null) => {
    const latest = leaf.latest;
    if (latest === null || form === null) return;
    const words = String(new FormData(form).get('remark') ?? '').trim();
    if (decision === 'return' && words === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    review.mutate(
      decision === 'return'
        ? { decision, revision: latest.revision, reason: words }
        : words === ''
          ? { decision, revision: latest.revision }
          : { decision, revision: latest.revision, remark: words },
    );
  };

  const english = i18n.language === 'en';
  const source =
    leaf.source.kind === 'computed'
      ? t('dstIndicators.sources.computedFrom', {
          metric: english ? INDICATOR_METRICS[leaf.source.metric].nameEn : INDICATOR_METRICS[leaf.source.metric].name,
        })
      : t('dstIndicators.sources.entered');
  const failure = enter.error ?? review.error;

  return (
    <aside className="dst-panel dst-detail dst-ind-leaf" data-testid="dst-ind-leaf" aria-labelledby="dst-ind-leaf-title">
      <div className="dst-panel-head">
        <h3 id="dst-ind-leaf-title">
          {leaf.code} {leaf.name}
        </h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('dstIndicators.close')}
        </button>
      </div>
      <dl className="dst-facts">
        <dt>{t('dstIndicators.leaf.definition')}</dt>
        <dd>{leaf.definition}</dd>
        <dt>{t('dstIndicators.columns.target')}</dt>
        <dd>
          {leaf.target} {leaf.unit}（{t(`dstIndicators.directions.${leaf.direction}`)}）
        </dd>
        <dt>{t('dstIndicators.columns.worst')}</dt>
        <dd>
          {leaf.worst} {leaf.unit}
        </dd>
        <dt>{t('dstIndicators.columns.responsible')}</dt>
        <dd>{unitName(leaf.responsibleUnit)}</dd>
        <dt>{t('dstIndicators.columns.source')}</dt>
        <dd>{source}</dd>
        <dt>{t('dstIndicators.leaf.scoring')}</dt>
        <dd data-testid="dst-ind-leaf-value">
          {leaf.value === null ? t('dstIndicators.missing') : `${leaf.value} ${leaf.unit}`} ·{' '}
          {t(`dstIndicators.statuses.${leaf.status}`)}
        </dd>
      </dl>

      {done && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          {refusalText(failure, t, session.describeError)}
        </p>
      )}

      {offer.ownSubmission && <p className="console-notice">{t('dstIndicators.leaf.ownSubmission')}</p>}

      {offer.review && leaf.latest && (
        <form
          className="dst-form console-fields"
          aria-label={t('dstIndicators.leaf.reviewTitle')}
          onSubmit={(e) => e.preventDefault()}
        >
          <p>
            {t('dstIndicators.leaf.toReview', {
              value: leaf.latest.value,
              unit: leaf.unit,
              revision: leaf.latest.revision,
              by: leaf.latest.enteredBy,
            })}
          </p>
          {leaf.latest.note && <p className="dst-note">{leaf.latest.note}</p>}
          <label>
            {t('dstIndicators.leaf.remark')}
            <textarea name="remark" rows={2} maxLength={1000} aria-invalid={reasonMissing} />
          </label>
          {reasonMissing && (
            <p className="error" role="alert">
              {t('dstIndicators.leaf.reasonRequired')}
            </p>
          )}
          <div className="console-actions">
            <button
              type="button"
              className="console-button console-primary"
              disabled={review.isPending}
              onClick={(e) => submitReview('approve', e.currentTarget.form)}
            >
              {t('dstIndicators.leaf.approve')}
            </button>
            <button
              type="button"
              className="console-button danger"
              disabled={review.isPending}
              onClick={(e) => submitReview('return', e.currentTarget.form)}
            >
              {t('dstIndicators.leaf.return')}
            </button>
          </div>
        </form>
      )}

      {offer.enter && (
        <form className="dst-form console-fields" aria-label={t('dstIndicators.leaf.enterTitle')} onSubmit={submitEntry}>
          <label>
            {t('dstIndicators.leaf.value', { unit: leaf.unit })}
            <input name="value" type="number" step="any" required inputMode="decimal" />
          </label>
          <label>
            {t('dstIndicators.leaf.note')}
            <textarea name="note" rows={2} maxLength={1000} />
          </label>
          <div className="console-actions">
            <button type="submit" className="console-button console-primary" disabled={enter.isPending}>
              {t('dstIndicators.leaf.submit')}
            </button>
          </div>
        </form>
      )}

      {leaf.source.kind === 'entered' && (
        <section aria-labelledby="dst-ind-history-title">
          <h4 id="dst-ind-history-title">{t('dstIndicators.leaf.history')}</h4>
          {history.data && history.data.entries.length === 0 && <p>{t('dstIndicators.leaf.noHistory')}</p>}
          {history.data && history.data.entries.length > 0 && (
            <ol className="dst-history" data-testid="dst-ind-history">
              {history.data.entries.map((entry) => (
                <li key={entry.revision}>
                  {t('dstIndicators.leaf.revision', {
                    revision: entry.revision,
                    value: entry.value,
                    unit: leaf.unit,
                    by: entry.enteredBy,
                    time: formatDateTime(entry.enteredAt, i18n.language),
                    state: t(`dstIndicators.entryStates.${entry.state}`),
                  })}
                  {entry.note && <span className="dst-note">{entry.note}</span>}
                  {entry.reviewedBy && (
                    <span className="dst-note">
                      {t('dstIndicators.leaf.reviewedBy', {
                        by: entry.reviewedBy,
                        time: formatDateTime(entry.reviewedAt ?? undefined, i18n.language),
                      })}
                      {entry.reason ? `：${entry.reason}` : ''}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </aside>
  );
}
