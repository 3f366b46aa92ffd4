import '../manager-tools.css';
import './audit.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import { useApi } from '../../api/context';
import { MorePages } from '../../ui/console/MorePages';
import { DeskTable } from '../DeskTable';
import { formatDateTime, MANAGER_KEYS, useManagerSession } from '../session';
import { auditQuery, detailsLine, NO_AUDIT_FILTERS, type AuditFilterProblem, type AuditFilters } from './audit-filters';

const AUDIT_KEY = [...MANAGER_KEYS.all, 'audit'] as const;

/** The kinds of action offered in the filter's suggestions (its messages name them). */
const KINDS = [
  'auth',
  'staff',
  'ticket',
  'window',
  'notice',
  'steward',
  'settings',
  'config',
  'pairing',
  'device',
  'hall_link',
  'diagnostics',
  'cases',
];

/**
 * 审计日志: who did what and when, newest first, filtered by hall-local days, the acting staff
 * number, the kind of action and what it acted on. Supervisors and technicians read it.
 */
export default function AuditScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [problems, setProblems] = useState<AuditFilterProblem[]>([]);
  const checked = auditQuery(applied);
  const query = checked.ok ? checked.query : {};
  const entries = useInfiniteQuery({
    queryKey: [...AUDIT_KEY, query],
    queryFn: ({ pageParam }) => api.auditSearch({ ...query, limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  });
  const list = entries.data?.pages.flatMap((page) => page.entries);
  const set = (patch: Partial<AuditFilters>) => setDraft((f) => ({ ...f, ...patch }));
  const actionName = (action: string) =>
    action.includes('.') ? t(`mgrAudit.actionNames.${action}`, { defaultValue: action }) : action;

  return (
    <section className="mgt-section" aria-labelledby="mgr-audit-title">
      <h2 id="mgr-audit-title">{t('mgrAudit.title')}</h2>
      <p className="console-muted">{t('mgrAudit.intro')}</p>
      <form
        className="mgt-filters console-fields"
        aria-label={t('mgrAudit.filters.label')}
        onSubmit={(e) => {
          e.preventDefault();
          const result = auditQuery(draft);
          setProblems(result.ok ? [] : result.problems);
          if (result.ok) setApplied(draft);
        }}
      >
        <label>
          {t('mgrAudit.filters.from')}
          <input type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('mgrAudit.filters.to')}
          <input type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          {t('mgrAudit.filters.staffNo')}
          <input value={draft.staffNo} maxLength={20} onChange={(e) => set({ staffNo: e.target.value })} />
        </label>
        <div className="mgt-field">
          <label>
            {t('mgrAudit.filters.action')}
            <input
              value={draft.action}
              list={`${id}-kinds`}
              maxLength={64}
              aria-describedby={`${id}-action-hint`}
              onChange={(e) => set({ action: e.target.value })}
            />
          </label>
          <span id={`${id}-action-hint`} className="mgt-small console-muted">
            {t('mgrAudit.filters.actionHint')}
          </span>
        </div>
        <datalist id={`${id}-kinds`}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`mgrAudit.kinds.${kind}`)}
            </option>
          ))}
        </datalist>
        <div className="mgt-field">
          <label>
            {t('mgrAudit.filters.target')}
            <input
              value={draft.target}
              maxLength={100}
              aria-describedby={`${id}-target-hint`}
              onChange={(e) => set({ target: e.target.value })}
            />
          </label>
          <span id={`${id}-target-hint`} className="mgt-small console-muted">
            {t('mgrAudit.filters.targetHint')}
          </span>
        </div>
        <div className="console-actions">
          <button type="submit" className="console-button console-primary">
            {t('mgrAudit.filters.apply')}
          </button>
          <button
            type="button"
            className="console-button"
            onClick={() => {
              setDraft(NO_AUDIT_FILTERS);
              setApplied(NO_AUDIT_FILTERS);
              setProblems([]);
            }}
          >
            {t('mgrAudit.filters.clear')}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`mgrAudit.refused.${p}`)}</li>
          ))}
        </ul>
      )}
      {entries.isError && (
        <p className="error" role="alert">
          {session.describeError(entries.error)}
        </p>
      )}
      {list !== undefined && (
        <DeskTable
          className="mgt-audit"
          testId="audit-list"
          rows={list}
          empty={t('mgrAudit.none')}
          rowKey={(entry) => entry.id}
          rowAttributes={(entry) => ({ 'data-action': entry.action })}
          columns={[
            { header: t('mgrAudit.columns.at'), cell: (entry) => formatDateTime(entry.at, session.timeZone, i18n.language) },
            {
              header: t('mgrAudit.columns.action'),
              cell: (entry) => (
                <>
                  {actionName(entry.action)}
                  <code className="mgt-small">{entry.action}</code>
                </>
              ),
            },
            {
              header: t('mgrAudit.columns.who'),
              cell: (entry) => (entry.staffNo === null ? t('mgrAudit.system') : `${entry.staffName ?? ''}（${entry.staffNo}）`),
            },
            {
              header: t('mgrAudit.columns.window'),
              cell: (entry) => (entry.windowNumber === null ? '' : t('mgrAudit.window', { number: entry.windowNumber })),
            },
            { header: t('mgrAudit.columns.ticket'), cell: (entry) => entry.ticketNumber ?? '' },
            {
              header: t('mgrAudit.columns.details'),
              className: 'mgt-audit-details',
              cell: (entry) => detailsLine(entry.details),
            },
          ]}
        />
      )}
      <MorePages query={entries} label={t('mgrAudit.more')} />
    </section>
  );
}
