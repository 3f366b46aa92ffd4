import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorAlert, FloorSnapshot } from '../../../contracts/floor';
import { useApi } from '../../api/context';
import { formatTime, useManagerSession } from '../session';
import { alertWords, durationWords, FLOOR_KEYS } from './floor-logic';

/**
 * The alerts, critical first: each says what is wrong in a sentence, how urgent (in words, not
 * colour alone) and since when on the hall's clock. A supervisor marks a 差评 seen here; its
 * follow-up is the 差评整改 section's.
 */
export function FloorAlerts({ floor }: { floor: FloorSnapshot }) {
  const { t } = useTranslation();
  return (
    <section className="mgr-floor-alerts" aria-labelledby="mgr-floor-alerts-title">
      <h3 id="mgr-floor-alerts-title">
        {t('mgrFloor.alerts.title')}
        <span className="mgr-floor-count" role="status" data-testid="floor-alert-count">
          {floor.alerts.length === 0 ? t('mgrFloor.alerts.none') : t('mgrFloor.alerts.count', { count: floor.alerts.length })}
        </span>
      </h3>
      {floor.alerts.length > 0 && (
        <ul>
          {floor.alerts.map((alert) => (
            <AlertItem key={alert.key} alert={alert} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertItem({ alert }: { alert: FloorAlert }) {
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const duration = (seconds: number) => {
    const words = durationWords(seconds);
    return t(words.key, words.values);
  };
  const sentence = alertWords(alert, duration, (key) => t(key));
  return (
    <li className={`mgr-floor-alert ${alert.severity}`} data-testid="floor-alert" data-kind={alert.kind}>
      <strong className="mgr-floor-severity">{t(`mgrFloor.alerts.severity.${alert.severity}`)}</strong>
      <span className="mgr-floor-sentence">{t(sentence.key, sentence.values)}</span>
      <span className="mgr-floor-since">
        {t('mgrFloor.alerts.since', { time: formatTime(alert.since, session.timeZone, i18n.language) })}
      </span>
      {alert.kind === 'bad_review' && session.canChange && <SeenButton evaluationId={alert.evaluationId} />}
    </li>
  );
}

/** 已知悉: the 差评's alert leaves every manager's floor (the host tells the others). */
function SeenButton({ evaluationId }: { evaluationId: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const seen = useMutation({
    mutationFn: () => api.markReviewSeen(evaluationId),
    onSuccess: (floor) => queryClient.setQueryData(FLOOR_KEYS.floor, floor),
    onError: (error) => setFailure(session.failed(error)),
  });
  return (
    <>
      <button type="button" className="console-button" disabled={seen.isPending} onClick={() => seen.mutate()}>
        {seen.isPending ? t('mgrFloor.alerts.seeing') : t('mgrFloor.alerts.seen')}
      </button>
      {failure && (
        <span className="mgr-floor-failure" role="alert">
          {failure}
        </span>
      )}
    </>
  );
}
