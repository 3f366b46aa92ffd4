import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../contracts/sync';
import { useApi } from '../api/context';
import type { Tone } from './DeviceCard';
import { formatTime, TECH_KEYS, useTechSession } from './session';

/** Kinds of outbox record with a name of their own; a kind added later shows as its code. */
const KNOWN_KINDS = ['case', 'evaluation', 'queue-stats', 'review-outcome'];

/** The one sentence at the top: what state the sync is in. */
function verdictOf(s: SyncStatus): { key: 'refused' | 'down' | 'waiting' | 'clear'; tone: Tone } {
  if (s.failed > 0) return { key: 'refused', tone: 'bad' };
  if (s.breaker !== 'closed') return { key: 'down', tone: 'bad' };
  if (s.pending > 0) return { key: 'waiting', tone: 'warn' };
  return { key: 'clear', tone: 'ok' };
}

/** What the hall still owes the central API (省政务服务平台), and why. */
export function SyncScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const sync = useQuery({ queryKey: TECH_KEYS.sync, queryFn: api.syncStatus, refetchInterval: 5_000 });
  const s = sync.data;
  const time = (iso: string | null) => formatTime(iso, session.timeZone, i18n.language);
  const verdict = s ? verdictOf(s) : null;

  return (
    <section className="tech-screen" aria-labelledby="tech-sync-title">
      <div className="tech-screen-head">
        <h2 id="tech-sync-title">{t('tech.sync.title')}</h2>
        <button type="button" className="console-button" disabled={sync.isFetching} onClick={() => void sync.refetch()}>
          {t('tech.sync.refresh')}
        </button>
      </div>
      <p className="console-muted">{t('tech.sync.intro')}</p>
      {sync.isError && (
        <p className="error" role="alert">
          {session.describeError(sync.error)}
        </p>
      )}
      {sync.isPending && <p>{t('tech.loading')}</p>}
      {s && verdict && (
        <>
          <p className={`tech-verdict tone-${verdict.tone}`} role="status" data-testid="tech-sync-verdict">
            {t(`tech.sync.verdict.${verdict.key}`, { pending: s.pending, failed: s.failed })}
          </p>
          <dl className="tech-stats">
            <div data-testid="tech-sync-pending">
              <dt>{t('tech.sync.pending')}</dt>
              <dd>{s.pending}</dd>
              <dd className="tech-stat-explain">{t('tech.sync.pendingExplain')}</dd>
            </div>
            <div data-testid="tech-sync-failed">
              <dt>{t('tech.sync.failed')}</dt>
              <dd>{s.failed}</dd>
              <dd className="tech-stat-explain">{t('tech.sync.failedExplain')}</dd>
            </div>
            <div>
              <dt>{t('tech.sync.lastSuccess')}</dt>
              <dd className="tech-stat-text">{s.lastSuccessAt ? time(s.lastSuccessAt) : t('tech.sync.never')}</dd>
              <dd className="tech-stat-explain">{t('tech.sync.lastSuccessExplain')}</dd>
            </div>
            <div data-testid="tech-sync-breaker">
              <dt>{t('tech.sync.breaker')}</dt>
              <dd className="tech-stat-text">{t(`tech.sync.breakerStates.${s.breaker}.label`)}</dd>
              <dd className="tech-stat-explain">{t(`tech.sync.breakerStates.${s.breaker}.explain`)}</dd>
            </div>
          </dl>
          {s.lastError && (
            <p className="tech-last-error" data-testid="tech-sync-last-error">
              <strong>{t('tech.sync.lastError')}</strong> <code>{s.lastError}</code>
            </p>
          )}
          <h3>{t('tech.sync.records')}</h3>
          {s.records.length === 0 ? (
            <p>{t('tech.sync.noRecords')}</p>
          ) : (
            <div className="tech-table-wrap" role="region" aria-label={t('tech.sync.records')} tabIndex={0}>
              <table className="tech-table" data-testid="tech-sync-records">
                <thead>
                  <tr>
                    <th scope="col">{t('tech.sync.columns.kind')}</th>
                    <th scope="col">{t('tech.sync.columns.record')}</th>
                    <th scope="col">{t('tech.sync.columns.state')}</th>
                    <th scope="col">{t('tech.sync.columns.attempts')}</th>
                    <th scope="col">{t('tech.sync.columns.lastError')}</th>
                    <th scope="col">{t('tech.sync.columns.created')}</th>
                    <th scope="col">{t('tech.sync.columns.next')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.records.map((r) => (
                    <tr key={`${r.kind}:${r.recordId}:${r.createdAt}`} data-state={r.state}>
                      <td>{KNOWN_KINDS.includes(r.kind) ? t(`tech.sync.kinds.${r.kind}`) : r.kind}</td>
                      <td>
                        <code>{r.recordId}</code>
                      </td>
                      <td>{t(`tech.sync.recordStates.${r.state}`)}</td>
                      <td>{r.attempts}</td>
                      <td>{r.lastError ? <code>{r.lastError}</code> : ''}</td>
                      <td>{time(r.createdAt)}</td>
                      <td>{r.state === 'pending' ? time(r.nextAttemptAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
