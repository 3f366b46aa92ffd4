import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { useDistrictClient, useDistrictSession } from '../session';
import { ActionForm } from './ActionForm';
import { availableActions } from './available-actions';
import { ComplaintAids } from './ComplaintAids';
import { ComplaintDeadlines } from './ComplaintDeadlines';
import { ComplaintFacts } from './ComplaintFacts';
import { ComplaintHistory } from './ComplaintHistory';
import { complaintPageKey } from './use-complaint-action';
import type { ComplaintDesk } from './use-complaint-desk';

/**
 * A complaint's page beside the work list: what it says, its clocks, the sorter's aids, its
 * history, and the forms of the steps the signed-in person may take on it now.
 */
export function ComplaintPanel({ number, desk, onClose }: { number: string; desk: ComplaintDesk; onClose: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const page = useQuery({ queryKey: complaintPageKey(number), queryFn: () => client.complaintPage(number) });
  const onDone = (action: ComplaintAction) =>
    setDone(t('dstComplaints.detail.done', { action: t(`dstComplaints.actions.${action.type}`) }));
  const p = page.data;
  const actions = p ? availableActions(p.complaint, desk.capacity) : [];
  const now = new Date(page.dataUpdatedAt || Date.now());

  return (
    <aside className="dst-panel dst-detail dst-complaint" aria-labelledby="dst-complaint-title" data-testid="dst-complaint">
      <div className="dst-panel-head">
        <h3 id="dst-complaint-title">{t('dstComplaints.detail.title', { number })}</h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('dstComplaints.detail.close')}
        </button>
      </div>
      {page.error && (
        <p className="error" role="alert">
          {session.describeError(page.error)}
        </p>
      )}
      {p && (
        <>
          <ComplaintFacts complaint={p.complaint} desk={desk} />
          <ComplaintDeadlines page={p} desk={desk} now={now} />
          <ComplaintAids page={p} desk={desk} actions={actions} onDone={onDone} />
          <ComplaintHistory history={p.complaint.history} desk={desk} />
          <h4>{t('dstComplaints.detail.actions')}</h4>
          {done && (
            <p className="console-done" role="status">
              {done}
            </p>
          )}
          {desk.capacity === null ? (
            <p className="console-muted">{t('dstComplaints.detail.notAPerson')}</p>
          ) : actions.length === 0 ? (
            <p className="console-muted">{t('dstComplaints.detail.noActions')}</p>
          ) : (
            <div className="dst-actions" data-testid="dst-complaint-actions">
              {actions.map((action) => (
                <ActionForm key={action} action={action} page={p} desk={desk} onDone={onDone} />
              ))}
            </div>
          )}
        </>
      )}
    </aside>
  );
}
