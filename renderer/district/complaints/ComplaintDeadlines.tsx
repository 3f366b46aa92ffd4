import { useTranslation } from 'react-i18next';
import type { ComplaintPage } from '../../../contracts/platform-complaints';
import { formatDateTime } from '../session';
import { DeadlineBadge } from './DeadlineBadge';
import type { ComplaintDesk } from './use-complaint-desk';

/** Each stage's deadline: done when, or how many working days are left or overdue, and whether a 督办单 is open. */
export function ComplaintDeadlines({ page, desk, now }: { page: ComplaintPage; desk: ComplaintDesk; now: Date }) {
  const { t, i18n } = useTranslation();
  if (page.deadlines.length === 0) return null;
  return (
    <>
      <h4>{t('dstComplaints.detail.deadlines')}</h4>
      <ul className="dst-deadlines" data-testid="dst-complaint-deadlines">
        {page.deadlines.map((d) => {
          const supervised = page.openSupervisionOrders.some((o) => o.stage === d.stage && o.dueAt === d.dueAt);
          const who = d.responsible.kind === 'unit' ? ` · ${desk.unitName(d.responsible.unitCode)}` : '';
          return (
            <li key={`${d.stage}-${d.startedAt}-${who}`} data-stage={d.stage}>
              <strong>{t(`dstComplaints.deadlineStages.${d.stage}`)}</strong>
              {who} <time dateTime={d.dueAt}>{formatDateTime(d.dueAt, i18n.language)}</time>{' '}
              {d.metAt === null ? (
                <DeadlineBadge dueAt={d.dueAt} now={now} />
              ) : (
                <span className="console-muted">
                  {t('dstComplaints.detail.metAt', { at: formatDateTime(d.metAt, i18n.language) })}
                </span>
              )}
              {supervised && <span className="console-badge tone-bad">{t('dstComplaints.detail.supervised')}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
