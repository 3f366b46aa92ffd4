import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus } from '../../../contracts/central-api';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { STATUS_TONES } from './status-tone';

/**
 * One case: where and when it was filed, the applicant masked, its history (each status with its
 * time and note), and for an operator the statuses its lifecycle allows next.
 */
export function CaseDetailPanel({ caseNumber, onClose }: { caseNumber: string; onClose: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const key = [...DISTRICT_KEYS.all, 'case', caseNumber];
  const detail = useQuery({ queryKey: key, queryFn: () => client.caseDetail(caseNumber) });
  const change = useMutation({
    mutationFn: ({ status, note }: { status: CaseStatus; note: string | undefined }) =>
      client.setCaseStatus(caseNumber, status, note),
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      void queryClient.invalidateQueries({ queryKey: [...DISTRICT_KEYS.all, 'cases'] });
      setDone(t('dstCases.detail.changed', { status: t(`dstCases.statuses.${updated.status}`) }));
    },
    onError: (error) => {
      setDone(null);
      // An ended session signs the console out; the message is shown below.
      session.failed(error);
    },
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const status = CaseStatus.safeParse(form.get('status'));
    const note = form.get('note');
    if (!status.success) return;
    change.mutate({ status: status.data, note: typeof note === 'string' && note.trim() !== '' ? note.trim() : undefined });
  };

  const c = detail.data;
  return (
    <aside className="dst-panel dst-detail" aria-labelledby="dst-case-title" data-testid="dst-case-detail">
      <div className="dst-panel-head">
        <h3 id="dst-case-title">{t('dstCases.detail.title', { caseNumber })}</h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('dstCases.detail.close')}
        </button>
      </div>
      {detail.error && (
        <p className="error" role="alert">
          {session.describeError(detail.error)}
        </p>
      )}
      {c && (
        <>
          <dl className="dst-facts">
            <dt>{t('dstCases.detail.item')}</dt>
            <dd>
              {c.itemName} <span className="console-muted">{c.itemCode}</span>
            </dd>
            <dt>{t('dstCases.detail.hall')}</dt>
            <dd>{c.hallId}</dd>
            <dt>{t('dstCases.detail.terminal')}</dt>
            <dd>{c.terminalId}</dd>
            <dt>{t('dstCases.detail.applicant')}</dt>
            <dd>{c.applicantMasked}</dd>
            <dt>{t('dstCases.columns.status')}</dt>
            <dd>
              <span className={`console-badge ${STATUS_TONES[c.status]}`}>{t(`dstCases.statuses.${c.status}`)}</span>
            </dd>
            {c.expectedCompletion && (
              <>
                <dt>{t('dstCases.detail.expected')}</dt>
                <dd>{c.expectedCompletion}</dd>
              </>
            )}
          </dl>
          <h4>{t('dstCases.detail.history')}</h4>
          <ol className="dst-history" data-testid="dst-case-history">
            {c.statusHistory.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <strong>{t(`dstCases.statuses.${entry.status}`)}</strong>{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                {entry.note && <span className="dst-note">{entry.note}</span>}
              </li>
            ))}
          </ol>
          {done && (
            <p className="console-done" role="status">
              {done}
            </p>
          )}
          {change.error && (
            <p className="error" role="alert">
              {session.describeError(change.error)}
            </p>
          )}
          {!session.may('setCaseStatus') ? (
            <p className="console-muted">{t('dstCases.detail.operatorsOnly')}</p>
          ) : c.complaint ? (
            <p className="console-muted">{t('dstCases.detail.complaint')}</p>
          ) : c.nextStatuses.length === 0 ? (
            <p className="console-muted">{t('dstCases.detail.final')}</p>
          ) : (
            <form className="dst-form console-fields" onSubmit={submit} aria-label={t('dstCases.detail.change')}>
              <label>
                {t('dstCases.detail.to')}
                <select name="status" defaultValue={c.nextStatuses[0]}>
                  {c.nextStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(`dstCases.statuses.${status}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('dstCases.detail.note')}
                <input name="note" maxLength={1000} autoComplete="off" />
              </label>
              <button type="submit" className="console-button console-primary" disabled={change.isPending}>
                {t('dstCases.detail.submit')}
              </button>
            </form>
          )}
        </>
      )}
    </aside>
  );
}
