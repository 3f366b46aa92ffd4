import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RecentCalls } from '../../contracts/queue';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { Clock } from '../ui/Clock';
import { OfflineBanner } from '../ui/OfflineBanner';
import { NoticeTicker } from './NoticeTicker';

const BOARD_SIZE = 8;

/** The hall screen: the latest call large, the calls before it below, waiting counts aside. */
export function DisplayApp() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const calls = useQuery({ queryKey: ['recent-calls'], queryFn: () => api.recentCalls(BOARD_SIZE) });
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });

  const connected = useHallEvents(
    (event) => {
      // A recall or resume puts the ticket back on top of the board, as a new call does.
      if (event.type === 'ticket.called' || event.type === 'ticket.recalled' || event.type === 'ticket.resumed') {
        queryClient.setQueryData<RecentCalls>(['recent-calls'], (old) => ({
          calls: [event.call, ...(old?.calls ?? []).filter((c) => c.ticketId !== event.call.ticketId)].slice(0, BOARD_SIZE),
        }));
        // Shown at once from the event; then confirmed by a load that starts after it.
        void refreshAfterEvent(queryClient, ['recent-calls']);
      }
      if (event.type === 'queue.counts') void refreshAfterEvent(queryClient, ['services']);
      if (event.type === 'notices.changed') void refreshAfterEvent(queryClient, ['notices']);
    },
    () => void refreshAfterEvent(queryClient),
  );

  const [latest, ...earlier] = calls.data?.calls ?? [];
  return (
    <div className="display">
      <OfflineBanner connected={connected} />
      <header className="display-header">
        <h1>{health.data?.hallName ?? t('hall.defaultName')}</h1>
        <Clock timeZone={health.data?.timeZone ?? 'Asia/Shanghai'} />
      </header>
      <main className="display-main">
        <section className="display-latest" aria-live="assertive" data-testid="latest-call">
          {latest ? (
            <>
              <span className="display-number">{latest.ticketNumber}</span>
              <span className="display-arrow" aria-hidden="true">
                →
              </span>
              <span className="display-window">{t('display.windowLabel', { window: latest.windowNumber })}</span>
              <p className="display-line">
                {t('display.callLine', { number: latest.ticketNumber, window: latest.windowNumber })}
              </p>
            </>
          ) : (
            <span className="display-idle">{t('display.title')}</span>
          )}
        </section>
        <section className="display-recent">
          <h2>{t('display.recent')}</h2>
          <ol>
            {earlier.map((c) => (
              <li key={c.ticketId}>
                <span>{c.ticketNumber}</span> <span>{t('display.windowLabel', { window: c.windowNumber })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="display-waiting">
          <h2>{t('display.waiting')}</h2>
          <ul>
            {services.data?.services.map((s) => (
              <li key={s.code}>
                <span>{s.name}</span> <span>{s.waiting}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <NoticeTicker />
    </div>
  );
}
