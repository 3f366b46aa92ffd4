import '../manager-tools.css';
import './notices.css';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditNoticeInput, HallNoticeRecord, PublishNoticeInput } from '../../../contracts/notices';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { MorePages } from '../../ui/console/MorePages';
import { DeskTable } from '../DeskTable';
import { formatDateTime, MANAGER_KEYS, useManagerSession } from '../session';
import { NoticeEditor } from './NoticeEditor';

const NOTICES_KEY = [...MANAGER_KEYS.all, 'notices', 'all'] as const;

/** How each state reads at a glance: showing green, not started amber, over grey. */
const STATE_TONES = { showing: 'tone-ok', scheduled: 'tone-warn', ended: '', withdrawn: '' } as const;

type Editing = { mode: 'new' } | { mode: 'edit'; notice: HallNoticeRecord } | null;

/**
 * 通知公告: every notice, the hall's own and the province's, with where each is shown, its window
 * of time and where it stands now; a supervisor publishes, edits and withdraws the hall's own.
 * Supervisors only (the host refuses technicians): a technician sees why there is nothing here.
 */
export default function NoticesScreen() {
  const session = useManagerSession();
  const { t } = useTranslation();
  return (
    <section className="mgt-section" aria-labelledby="mgt-notices-title">
      <h2 id="mgt-notices-title">{t('mgrNotices.title')}</h2>
      {session.canChange ? <NoticeDesk /> : <p className="console-notice">{t('mgrNotices.supervisorsOnly')}</p>}
    </section>
  );
}

function NoticeDesk() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const notices = useInfiniteQuery({
    queryKey: NOTICES_KEY,
    queryFn: ({ pageParam }) => api.allNotices({ limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
    // A notice starts and ends with nobody acting: its state is read again every minute.
    refetchInterval: 60_000,
  });
  useHallEvents(
    (event) => {
      if (event.type === 'notices.changed') void refreshAfterEvent(queryClient, NOTICES_KEY);
    },
    () => undefined,
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: NOTICES_KEY });
  const save = useMutation({
    mutationFn: (request: PublishNoticeInput & EditNoticeInput) =>
      editing?.mode === 'edit' ? api.editNotice(editing.notice.id, request) : api.publishNotice(request),
    onSuccess: () => {
      setDone(editing?.mode === 'edit' ? t('mgrNotices.saved') : t('mgrNotices.published'));
      setEditing(null);
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.withdrawNotice(id),
    onSuccess: () => {
      setDone(t('mgrNotices.withdrawn'));
      refresh();
    },
    onError: (error) => setDone(session.failed(error)),
  });
  const timeZone = session.timeZone;
  const list = notices.data?.pages.flatMap((page) => page.notices);
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  const open = (next: Editing) => {
    save.reset();
    setDone(null);
    setEditing(next);
  };

  return (
    <>
      <p className="console-muted">{t('mgrNotices.intro')}</p>
      {editing === null && (
        <div className="console-actions">
          <button
            type="button"
            className="console-button console-primary"
            disabled={timeZone === undefined}
            onClick={() => open({ mode: 'new' })}
          >
            {t('mgrNotices.create')}
          </button>
        </div>
      )}
      {editing !== null && timeZone !== undefined && (
        <NoticeEditor
          key={editing.mode === 'edit' ? editing.notice.id : 'new'}
          {...(editing.mode === 'edit' ? { notice: editing.notice } : {})}
          timeZone={timeZone}
          busy={save.isPending}
          error={save.error}
          onSubmit={(request) => save.mutate(request)}
          onCancel={() => setEditing(null)}
        />
      )}
      {done !== null && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {notices.isError && (
        <p className="error" role="alert">
          {session.describeError(notices.error)}
        </p>
      )}
      {list !== undefined && (
        <DeskTable
          className="mgt-notices"
          testId="notice-list"
          rows={list}
          empty={t('mgrNotices.none')}
          rowKey={(notice) => notice.id}
          rowAttributes={(notice) => ({ 'data-notice': notice.title })}
          columns={[
            {
              header: t('mgrNotices.columns.title'),
              rowHeader: true,
              cell: (notice) => (
                <>
                  {notice.title}
                  <span className="mgt-notice-body">{notice.body}</span>
                </>
              ),
            },
            { header: t('mgrNotices.columns.source'), cell: (notice) => t(`mgrNotices.sources.${notice.source}`) },
            { header: t('mgrNotices.columns.screens'), cell: screensOf },
            {
              header: t('mgrNotices.columns.window'),
              cell: (notice) => (
                <>
                  {t('mgrNotices.from', { start: when(notice.startsAt) })}
                  <br />
                  {notice.endsAt === null ? t('mgrNotices.untilWithdrawn') : t('mgrNotices.until', { end: when(notice.endsAt) })}
                </>
              ),
            },
            {
              // The host's reading on the hall's clock (refetched every minute), not this PC's.
              header: t('mgrNotices.columns.state'),
              cell: (notice) => (
                <span className={`console-badge ${STATE_TONES[notice.state]}`}>{t(`mgrNotices.states.${notice.state}`)}</span>
              ),
            },
            {
              header: t('mgrNotices.columns.by'),
              cell: (notice) => (
                <>
                  {notice.createdBy ?? ''}
                  {notice.editedBy !== null && notice.editedAt !== null && (
                    <span className="console-muted mgt-small">
                      {t('mgrNotices.edited', { by: notice.editedBy, when: when(notice.editedAt) })}
                    </span>
                  )}
                </>
              ),
            },
            { header: t('mgrNotices.columns.actions'), cell: actionsOf },
          ]}
        />
      )}
      <MorePages query={notices} label={t('mgrNotices.more')} />
    </>
  );

  /** Edit and withdraw, for the hall's own notices still in force; the central API's are read only. */
  function actionsOf(notice: HallNoticeRecord) {
    if (notice.source === 'central') return <span className="console-muted">{t('mgrNotices.readOnly')}</span>;
    if (notice.state === 'withdrawn') return false;
    return (
      <div className="console-row-actions">
        <button
          type="button"
          className="console-button"
          disabled={timeZone === undefined}
          aria-label={`${t('mgrNotices.edit')} ${notice.title}`}
          onClick={() => open({ mode: 'edit', notice })}
        >
          {t('mgrNotices.edit')}
        </button>
        <button
          type="button"
          className="console-button danger"
          disabled={withdraw.isPending}
          aria-label={`${t('mgrNotices.withdraw')} ${notice.title}`}
          onClick={() => {
            if (window.confirm(t('mgrNotices.confirmWithdraw', { title: notice.title }))) withdraw.mutate(notice.id);
          }}
        >
          {t('mgrNotices.withdraw')}
        </button>
      </div>
    );
  }

  function screensOf(notice: HallNoticeRecord): string {
    const audience = notice.audience;
    if (audience.scope === 'all') return t('mgrNotices.allScreens');
    const names = audience.terminals.map((terminal) =>
      terminal.revoked ? t('mgrNotices.revoked', { name: terminal.name }) : terminal.name,
    );
    return [...(audience.hall ? [t('mgrNotices.hallMachine')] : []), ...names].join('、');
  }
}
