import '../manager-tools.css';
import './steward.css';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import type { StewardFollowUpStatus, StewardListQueryInput, StewardRequest } from '../../../contracts/steward';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { MorePages } from '../../ui/console/MorePages';
import { DeskTable } from '../DeskTable';
import { formatDateTime, useManagerSession } from '../session';
import { StewardDetail } from './StewardDetail';
import { STATUS_TONES, STEWARD_KEY } from './steward-view';

interface Filters {
  from: string;
  to: string;
  status: StewardFollowUpStatus | '';
  assignee: string;
}

const NO_FILTERS: Filters = { from: '', to: '', status: '', assignee: '' };

/** The query a set of filters makes: empty fields are left to the host (today, any status, anyone). */
function queryOf(filters: Filters): StewardListQueryInput {
  return {
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
    ...(filters.status === '' ? {} : { status: filters.status }),
    ...(filters.assignee === '' ? {} : { assignee: filters.assignee }),
  };
}

/**
 * 帮办: the steward requests asked for at the kiosks, with the ticket, the case and enterprise,
 * who handles it and where it stands; one opens to assign it, mark it contacted or close it with
 * what was done. Supervisors only (the host refuses technicians).
 */
export default function StewardScreen() {
  const session = useManagerSession();
  const { t } = useTranslation();
  return (
    <section className="mgt-section" aria-labelledby="mgr-steward-title">
      <h2 id="mgr-steward-title">{t('mgrSteward.title')}</h2>
      {session.canChange ? <StewardDesk /> : <p className="console-notice">{t('mgrSteward.supervisorsOnly')}</p>}
    </section>
  );
}

function StewardDesk() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [open, setOpen] = useState<string | null>(null);
  const requests = useInfiniteQuery({
    queryKey: [...STEWARD_KEY, 'list', filters],
    queryFn: ({ pageParam }) => api.stewardRequests({ ...queryOf(filters), limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
    refetchInterval: 60_000,
  });
  // A new request at a kiosk, a steward calling or finishing one: the list moves.
  useHallEvents(
    (event) => {
      if (event.type === 'ticket.issued' || event.type === 'ticket.called' || event.type === 'ticket.finished')
        void refreshAfterEvent(queryClient, STEWARD_KEY);
    },
    () => undefined,
  );
  const list = requests.data?.pages.flatMap((page) => page.requests);
  const stewards = requests.data?.pages[0]?.stewards ?? [];
  const when = (iso: string | null) => formatDateTime(iso, session.timeZone, i18n.language);
  const set = (patch: Partial<Filters>) => setDraft((f) => ({ ...f, ...patch }));

  return (
    <>
      <p className="console-muted">{t('mgrSteward.intro')}</p>
      <form
        className="mgt-filters console-fields"
        aria-label={t('mgrSteward.filters.label')}
        onSubmit={(e) => {
          e.preventDefault();
          setOpen(null);
          setFilters(draft);
        }}
      >
        <label>
          {t('mgrSteward.filters.from')}
          <input type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('mgrSteward.filters.to')}
          <input type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          {t('mgrSteward.filters.status')}
          <select value={draft.status} onChange={(e) => set({ status: statusOf(e.target.value) })}>
            <option value="">{t('mgrSteward.filters.any')}</option>
            {(['open', 'contacted', 'done'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`mgrSteward.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('mgrSteward.filters.assignee')}
          <input
            value={draft.assignee}
            list={`${id}-stewards`}
            maxLength={20}
            onChange={(e) => set({ assignee: e.target.value.trim() })}
          />
        </label>
        <datalist id={`${id}-stewards`}>
          {stewards.map((s) => (
            <option key={s.staffNo} value={s.staffNo}>
              {s.name}
            </option>
          ))}
        </datalist>
        <button type="submit" className="console-button console-primary">
          {t('mgrSteward.filters.apply')}
        </button>
      </form>
      {requests.isError && (
        <p className="error" role="alert">
          {session.describeError(requests.error)}
        </p>
      )}
      {open !== null && <StewardDetail requestId={open} stewards={stewards} onClose={() => setOpen(null)} />}
      {list !== undefined && (
        <DeskTable
          testId="steward-list"
          rows={list}
          empty={t('mgrSteward.none')}
          rowKey={(request) => request.id}
          rowAttributes={(request) => ({
            'data-request': request.id,
            ...(open === request.id ? { 'aria-current': 'true' } : {}),
          })}
          columns={[
            { header: t('mgrSteward.columns.requestedAt'), cell: (request) => when(request.requestedAt) },
            { header: t('mgrSteward.columns.ticket'), cell: ticketText },
            {
              header: t('mgrSteward.columns.subject'),
              cell: (request) => (
                <>
                  {request.case ? request.case.itemName : t('mgrSteward.noCase')}
                  {request.case?.enterprise && (
                    <span className="mgt-small">{t('mgrSteward.enterprise', { name: request.case.enterprise })}</span>
                  )}
                </>
              ),
            },
            { header: t('mgrSteward.columns.applicant'), cell: (request) => request.case?.applicantMasked ?? '' },
            {
              header: t('mgrSteward.columns.assignee'),
              cell: (request) =>
                request.assignee ? `${request.assignee.name}（${request.assignee.staffNo}）` : t('mgrSteward.unassigned'),
            },
            {
              header: t('mgrSteward.columns.status'),
              cell: (request) => (
                <span className={`console-badge ${STATUS_TONES[request.status]}`}>
                  {t(`mgrSteward.statuses.${request.status}`)}
                </span>
              ),
            },
            {
              header: t('mgrSteward.columns.lastNote'),
              className: 'mgt-steward-note',
              cell: (request) => request.lastNote ?? '',
            },
            {
              header: t('mgrSteward.columns.open'),
              cell: (request) => (
                <button
                  type="button"
                  className="console-button"
                  aria-label={t('mgrSteward.openRequest', { what: ticketText(request) })}
                  onClick={() => setOpen(request.id)}
                >
                  {t('mgrSteward.columns.open')}
                </button>
              ),
            },
          ]}
        />
      )}
      <MorePages query={requests} label={t('mgrSteward.more')} />
    </>
  );

  function ticketText(request: StewardRequest): string {
    return request.ticket
      ? t('mgrSteward.ticket', { number: request.ticket.number, status: t(`mgrSteward.ticketStatuses.${request.ticket.status}`) })
      : t('mgrSteward.noTicket', { day: request.businessDay });
  }
}

function statusOf(value: string): StewardFollowUpStatus | '' {
  return value === 'open' || value === 'contacted' || value === 'done' ? value : '';
}
