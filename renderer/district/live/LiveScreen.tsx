import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveHall } from '../../../contracts/platform-console';
import { DeskTable } from '../../manager/DeskTable';
import { DISTRICT_KEYS, formatDateTime, notServed, useDistrictClient, useDistrictSession } from '../session';

/** A hall that has not reported for this long is marked silent (it pushes every minute). */
export const SILENT_AFTER_MS = 3 * 60_000;

/** Whether a hall's last report is too old at `at` (the platform's time of the answer, not the browser's). */
export function isSilent(hall: LiveHall, at: string): boolean {
  return hall.reportedAt === undefined || Date.parse(at) - Date.parse(hall.reportedAt) > SILENT_AFTER_MS;
}

/**
 * 实时: every hall's waiting count and today's served count as each last pushed them, read again
 * every 30 seconds; a silent hall is marked. Served by the live part of the platform; until a
 * platform has it, the screen says so.
 */
export default function LiveScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t, i18n } = useTranslation();
  const live = useQuery({
    queryKey: [...DISTRICT_KEYS.all, 'live'],
    queryFn: client.live,
    refetchInterval: 30_000,
    retry: false,
  });
  const data = live.data;
  const total = (data?.halls ?? []).reduce(
    (sum, hall) => ({ waiting: sum.waiting + hall.waiting, served: sum.served + hall.servedToday }),
    { waiting: 0, served: 0 },
  );
  return (
    <section className="dst-section" aria-labelledby="dst-live-title">
      <h2 id="dst-live-title">{t('dstLive.title')}</h2>
      <p className="console-muted">{t('dstLive.intro')}</p>
      {live.error &&
        (notServed(live.error) ? (
          <p className="console-notice" data-testid="dst-live-not-served">
            {t('dstLive.notServed')}
          </p>
        ) : (
          <p className="error" role="alert">
            {session.describeError(live.error)}
          </p>
        ))}
      {data && data.halls.length > 0 && <p data-testid="dst-live-total">{t('dstLive.total', total)}</p>}
      {data && (
        <DeskTable<LiveHall>
          testId="dst-live"
          rows={data.halls}
          rowKey={(hall) => hall.hallId}
          rowAttributes={(hall) => ({ 'data-hall': hall.hallId })}
          empty={t('dstLive.none')}
          columns={[
            { header: t('dstLive.columns.hall'), rowHeader: true, cell: (hall) => hall.name },
            { header: t('dstLive.columns.level'), cell: (hall) => t(`dstLive.levels.${hall.level}`) },
            { header: t('dstLive.columns.waiting'), num: true, cell: (hall) => hall.waiting },
            { header: t('dstLive.columns.served'), num: true, cell: (hall) => hall.servedToday },
            {
              header: t('dstLive.columns.reported'),
              cell: (hall) => (
                <>
                  {hall.reportedAt ? formatDateTime(hall.reportedAt, i18n.language) : t('dstLive.never')}{' '}
                  {isSilent(hall, data.at) && <span className="dst-badge tone-warn">{t('dstLive.silent')}</span>}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
