import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleNotice, CreateConsoleNoticeRequest } from '../../../contracts/platform-console';
import { DeskTable } from '../../manager/DeskTable';
import { MorePages } from '../../ui/console/MorePages';
import {
  DISTRICT_KEYS,
  districtInstant,
  districtLocalNow,
  formatDateTime,
  useDistrictClient,
  useDistrictSession,
} from '../session';

const NOTICES_KEY = [...DISTRICT_KEYS.all, 'notices'] as const;

export type NoticeState = 'withdrawn' | 'scheduled' | 'showing' | 'ended';

/** Where a notice stands at `now`: withdrawn, not started, showing, or past its end. */
export function noticeState(notice: ConsoleNotice, now: number): NoticeState {
  if (notice.withdrawnAt !== undefined) return 'withdrawn';
  if (Date.parse(notice.startsAt) > now) return 'scheduled';
  if (notice.endsAt !== undefined && Date.parse(notice.endsAt) <= now) return 'ended';
  return 'showing';
}

/** How each state reads at a glance: showing green, not started amber, the rest grey. */
const STATE_TONES: Record<NoticeState, string> = { showing: 'tone-ok', scheduled: 'tone-warn', ended: '', withdrawn: '' };

/** Hall ids as typed: separated by commas (either width) or spaces, each once. */
export function hallIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).filter((id) => id !== ''))];
}

/**
 * 通知公告: every notice the platform published, to every hall or some, newest first, withdrawn
 * ones marked; an operator publishes one and withdraws one (each hall drops it at its next sync).
 */
export default function NoticesScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const notices = useInfiniteQuery({
    queryKey: NOTICES_KEY,
    queryFn: ({ pageParam }) => client.notices({ limit: 20, ...(pageParam === null ? {} : { after: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: NOTICES_KEY });
  const withdraw = useMutation({
    mutationFn: (notice: ConsoleNotice) => client.withdrawNotice(notice.id),
    onSuccess: (notice) => {
      setDone(t('dstNotices.withdrawnDone', { title: notice.title }));
      refresh();
    },
    onError: (error) => setDone(session.failed(error)),
  });
  const canChange = session.may('createNotice');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const rows = notices.data?.pages.flatMap((page) => page.notices) ?? [];

  return (
    <section className="dst-section" aria-labelledby="dst-notices-title">
      <h2 id="dst-notices-title">{t('dstNotices.title')}</h2>
      <p className="console-muted">{t('dstNotices.intro')}</p>
      {canChange ? (
        <NoticeForm
          onPublished={() => {
            setDone(t('dstNotices.published'));
            refresh();
          }}
        />
      ) : (
        <p className="console-notice">{t('dstNotices.operatorsOnly')}</p>
      )}
      {done && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {notices.error && (
        <p className="error" role="alert">
          {session.describeError(notices.error)}
        </p>
      )}
      {notices.isSuccess && (
        <DeskTable<ConsoleNotice>
          testId="dst-notices"
          rows={rows}
          rowKey={(n) => n.id}
          rowAttributes={(n) => ({ 'data-notice': n.id })}
          empty={t('dstNotices.none')}
          columns={[
            { header: t('dstNotices.columns.title'), rowHeader: true, cell: (n) => n.title },
            {
              header: t('dstNotices.columns.audience'),
              cell: (n) => (n.hallIds === null ? t('dstNotices.allHalls') : n.hallIds.join('、')),
            },
            {
              header: t('dstNotices.columns.window'),
              cell: (n) =>
                `${when(n.startsAt)} ${n.endsAt ? t('dstNotices.until', { time: when(n.endsAt) }) : t('dstNotices.untilWithdrawn')}`,
            },
            { header: t('dstNotices.columns.by'), cell: (n) => n.publishedBy ?? '' },
            {
              header: t('dstNotices.columns.state'),
              cell: (n) => {
                const state = noticeState(n, Date.now());
                return <span className={`console-badge ${STATE_TONES[state]}`}>{t(`dstNotices.states.${state}`)}</span>;
              },
            },
            ...(canChange
              ? [
                  {
                    header: t('dstNotices.columns.actions'),
                    cell: (n: ConsoleNotice) =>
                      n.withdrawnAt !== undefined ? null : (
                        <button
                          type="button"
                          className="console-button danger"
                          aria-label={t('dstNotices.withdrawOf', { title: n.title })}
                          disabled={withdraw.isPending}
                          onClick={() => withdraw.mutate(n)}
                        >
                          {t('dstNotices.withdraw')}
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <MorePages query={notices} label={t('dstNotices.more')} />
    </section>
  );
}

function NoticeForm({ onPublished }: { onPublished: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t } = useTranslation();
  const [some, setSome] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: (request: CreateConsoleNoticeRequest) => client.createNotice(request),
    onSuccess: onPublished,
    onError: (error) => setProblem(session.failed(error)),
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProblem(null);
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const hallIds = hallIdsOf(text('hallIds'));
    if (some && hallIds.length === 0) {
      setProblem(t('dstNotices.needHalls'));
      return;
    }
    const endsAt = text('endsAt');
    publish.mutate(
      {
        title: text('title'),
        body: text('body'),
        startsAt: districtInstant(text('startsAt')),
        ...(endsAt === '' ? {} : { endsAt: districtInstant(endsAt) }),
        ...(some ? { hallIds } : {}),
      },
      { onSuccess: () => formElement.reset() },
    );
  };

  return (
    <form
      className="dst-panel dst-form console-fields"
      onSubmit={submit}
      aria-labelledby="dst-notice-form-title"
      data-testid="dst-notice-form"
    >
      <h3 id="dst-notice-form-title">{t('dstNotices.publish')}</h3>
      <label>
        {t('dstNotices.heading')}
        <input name="title" required maxLength={200} autoComplete="off" />
      </label>
      <label>
        {t('dstNotices.body')}
        <textarea name="body" required maxLength={10_000} rows={3} />
      </label>
      <fieldset>
        <legend>{t('dstNotices.audience')}</legend>
        <label className="dst-check">
          <input type="radio" name="audience" checked={!some} onChange={() => setSome(false)} />
          {t('dstNotices.everyHall')}
        </label>
        <label className="dst-check">
          <input type="radio" name="audience" checked={some} onChange={() => setSome(true)} />
          {t('dstNotices.someHalls')}
        </label>
        {some && (
          <label>
            {t('dstNotices.hallIds')}
            <input name="hallIds" autoComplete="off" />
          </label>
        )}
      </fieldset>
      <div className="dst-row">
        <label>
          {t('dstNotices.startsAt')}
          <input type="datetime-local" name="startsAt" required defaultValue={districtLocalNow()} />
        </label>
        <label>
          {t('dstNotices.endsAt')}
          <input type="datetime-local" name="endsAt" />
        </label>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="console-actions">
        <button type="submit" className="console-button console-primary" disabled={publish.isPending}>
          {t('dstNotices.submit')}
        </button>
      </div>
    </form>
  );
}
