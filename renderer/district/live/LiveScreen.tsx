import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIVE_STALE_AFTER_SECONDS, type LiveHall } from '../../../contracts/central-api';
import { DeskTable } from '../../manager/DeskTable';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';

/** The halls' figures added up: only halls that sent a snapshot count, and how many they are. */
export function liveTotals(halls: readonly LiveHall[]) {
  let count = 0;
  let waiting = 0;
  let served = 0;
  let windows = 0;
  for (const { snapshot } of halls) {
    if (snapshot === null) continue;
    count += 1;
    waiting += snapshot.today.waiting;
    served += snapshot.today.served;
    windows += snapshot.openWindows;
  }
  return { count, waiting, served, windows };
}

/**
 * 实时: every registered hall as it last reported (its queue now, today's figures, open windows),
 * read again every 30 seconds, and the district's totals. Whether a hall is out of touch is the
 * platform's call (`stale`, on its own clock): a hall that never reported reads 无数据, one gone
 * quiet 已失联, its last figures still shown.
 */
export default function LiveScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t, i18n } = useTranslation();
  const live = useQuery({ queryKey: [...DISTRICT_KEYS.all, 'live'], queryFn: client.live, refetchInterval: 30_000 });
  const data = live.data;
  const minutes = Math.round((data?.staleAfterSeconds ?? LIVE_STALE_AFTER_SECONDS) / 60);
  const totals = liveTotals(data?.halls ?? []);
  const unknown = t('dstLive.unknown');
  // A figure of the hall's snapshot, or a dash for a hall that sent none.
  const figure = (hall: LiveHall, read: (snapshot: NonNullable<LiveHall['snapshot']>) => number | string) =>
    hall.snapshot === null ? unknown : read(hall.snapshot);

  return (
    <section className="dst-section" aria-labelledby="dst-live-title">
      <h2 id="dst-live-title">{t('dstLive.title')}</h2>
      <p className="console-muted">{t('dstLive.intro', { minutes })}</p>
      {live.error && (
        <p className="error" role="alert">
          {session.describeError(live.error)}
        </p>
      )}
      {data && <p className="console-muted">{t('dstLive.at', { time: formatDateTime(data.at, i18n.language) })}</p>}
      {data && totals.count > 0 && <p data-testid="dst-live-total">{t('dstLive.total', totals)}</p>}
      {data && (
        <DeskTable<LiveHall>
          testId="dst-live"
          rows={data.halls}
          rowKey={(hall) => hall.hallId}
          rowAttributes={(hall) => ({ 'data-hall': hall.hallId, 'data-stale': String(hall.stale) })}
          empty={t('dstLive.none')}
          columns={[
            { header: t('dstLive.columns.hall'), rowHeader: true, cell: (hall) => hall.name },
            {
              header: t('dstLive.columns.level'),
              cell: (hall) => (hall.level === null ? unknown : t(`dstLive.levels.${hall.level}`)),
            },
            {
              header: t('dstLive.columns.open'),
              cell: (hall) =>
                hall.snapshot === null ? (
                  unknown
                ) : (
                  <span className={`console-badge ${hall.snapshot.open ? 'tone-ok' : ''}`}>
                    {t(hall.snapshot.open ? 'dstLive.open' : 'dstLive.closed')}
                  </span>
                ),
            },
            { header: t('dstLive.columns.waiting'), num: true, cell: (hall) => figure(hall, (s) => s.today.waiting) },
            { header: t('dstLive.columns.served'), num: true, cell: (hall) => figure(hall, (s) => s.today.served) },
            { header: t('dstLive.columns.windows'), num: true, cell: (hall) => figure(hall, (s) => s.openWindows) },
            {
              header: t('dstLive.columns.serviceLevel'),
              num: true,
              cell: (hall) =>
                figure(hall, (s) =>
                  s.today.serviceLevelPct === null ? unknown : t('dstLive.percent', { value: s.today.serviceLevelPct }),
                ),
            },
            {
              header: t('dstLive.columns.reported'),
              cell: (hall) =>
                hall.snapshot === null || hall.receivedAt === null ? (
                  <span className="console-badge tone-warn">{t('dstLive.noData')}</span>
                ) : (
                  <>
                    {formatDateTime(hall.receivedAt, i18n.language)}
                    {hall.stale && (
                      <>
                        {' '}
                        <span className="console-badge tone-bad">{t('dstLive.stale')}</span>
                      </>
                    )}
                  </>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
