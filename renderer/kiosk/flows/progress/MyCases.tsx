import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LocalCase } from '../../../../contracts/cases';
import { useApi } from '../../../api/context';
import { useKioskSession } from '../../shell/session';
import { progressErrorCode } from './errors';
import { formatDateTime, isLate } from './format';

/** The card holder's recent cases (the host looks back 30 days), newest first. */
export function MyCases({ onOpen }: { onOpen: (c: LocalCase) => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const timeZone = session.health?.timeZone;
  // Personal: the shell drops this query when the visit ends ('myCases' is not a public key).
  const mine = useQuery({ queryKey: ['myCases'], queryFn: api.myCases, retry: false, staleTime: 0 });

  if (mine.isPending) return <p className="loading">{t('progress.loadingMine')}</p>;
  if (mine.isError) {
    return (
      <div className="progress-problem">
        <p className="error" role="alert">
          {t(`progress.errors.${progressErrorCode(mine.error)}`)}
        </p>
        <button type="button" className="secondary big" onClick={() => void mine.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const cases = mine.data.cases;
  return (
    <section className="progress-mine" aria-labelledby="progress-mine-title">
      <h3 id="progress-mine-title">{t('progress.mineTitle')}</h3>
      {cases.length === 0 ? (
        <p className="progress-empty" role="status">
          {t('progress.mineEmpty')}
        </p>
      ) : (
        <ul className="case-list" data-testid="my-cases">
          {cases.map((c) => {
            const late = c.deadlines.some(isLate);
            return (
              <li key={c.id}>
                <button type="button" className="case-row" onClick={() => onOpen(c)}>
                  <span className="case-row-main">
                    <span className="case-row-item">{c.itemName}</span>
                    <span className="case-row-number">
                      {c.caseNumber ?? <span className="number-pending">{t('progress.numberPending')}</span>}
                    </span>
                    <span className="case-row-meta">
                      {t('progress.submittedOn', { time: formatDateTime(c.submittedAt, timeZone, i18n.language) })}
                      {c.steward && ` · ${t('progress.steward')}`}
                    </span>
                  </span>
                  <span className="case-row-side">
                    <span className={`status-badge status-${c.status}`}>{t(`progress.status.${c.status}`)}</span>
                    {late && <span className="late-flag">{t('progress.deadlineOverdue')}</span>}
                    <span className="case-row-open">{t('progress.open')}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
