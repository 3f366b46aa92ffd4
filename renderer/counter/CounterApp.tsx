import './counter.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import type { HallEvent } from '../../contracts/events';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OfflineBanner } from '../ui/OfflineBanner';
import { CounterDesk } from './CounterDesk';
import { type CounterRating, ratingAfter } from './rating-status';
import { DeskClock } from './DeskClock';
import { SignInForm } from './SignInForm';

interface Session {
  staff: StaffPrincipal;
  /** The window this page acts at: where the clerk signed in, or any window a supervisor picks. */
  windowId: number;
}

type EndReason = 'unauthorized' | 'forbidden' | 'signedOut';

/** Events that change what a counter shows: its window, the queue, the figures, the hall's services and windows. */
function touchesCounter(event: HallEvent): boolean {
  return (
    event.type.startsWith('ticket.') ||
    event.type === 'queue.counts' ||
    event.type === 'window.paused' ||
    (event.type === 'settings.changed' && event.scope === 'hall')
  );
}

/**
 * The staff window page (/counter), for any browser on the hall LAN: sign in
 * with staff number + PIN at a window, then serve citizens with big buttons or
 * F1–F8. The bearer token lives only in the API client's memory: a reload
 * signs the clerk out, and nothing is left in the browser.
 */
export function CounterApp() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, staleTime: 5 * 60_000 });
  // The hall's zone is the host's to say: sign-in and desk wait for it (their times are the hall's).
  const timeZone = health.data?.timeZone;
  const [session, setSession] = useState<Session | null>(null);
  const [ended, setEnded] = useState<EndReason | null>(null);
  /** The rating this window last asked for, and whether the citizen has rated (live, from events). */
  const [rating, setRating] = useState<CounterRating | null>(null);

  const windows = useQuery({ queryKey: ['counter', 'windows'], queryFn: api.windows, enabled: session !== null });
  const acting = windows.data?.windows.find((w) => w.id === session?.windowId);

  const connected = useHallEvents(
    (event) => {
      if (
        (event.type === 'evaluation.requested' || event.type === 'evaluation.submitted') &&
        event.windowNumber === acting?.number
      )
        setRating((now) => ratingAfter(now, event));
      if (!touchesCounter(event)) return;
      void refreshAfterEvent(queryClient, ['counter']);
      void refreshAfterEvent(queryClient, ['services']);
      if (event.type === 'ticket.finished' || event.type === 'ticket.skipped')
        void refreshAfterEvent(queryClient, ['counterStats']);
    },
    () => {
      // Missed events (a reconnect after the host restarted): everything is read again.
      void refreshAfterEvent(queryClient, ['counter']);
      void refreshAfterEvent(queryClient, ['counterStats']);
      void refreshAfterEvent(queryClient, ['services']);
    },
  );

  const end = useCallback(
    (reason: EndReason) => {
      // Also for a session the host already dropped: the client forgets its token either way.
      void api.signOut();
      queryClient.removeQueries({ queryKey: ['counter'] });
      queryClient.removeQueries({ queryKey: ['counterStats'] });
      setSession(null);
      setRating(null);
      setEnded(reason);
    },
    [api, queryClient],
  );
  const lost = useCallback((reason: 'unauthorized' | 'forbidden') => end(reason), [end]);

  return (
    <div className="counter-desk" lang={i18n.language}>
      <OfflineBanner connected={connected} />
      <header className="cd-header">
        <h1>
          {t('counterUi.title')}
          {acting && (
            <span className="cd-header-window" data-testid="header-window">
              {t('counterUi.windowLabel', { number: acting.number, name: acting.name })}
            </span>
          )}
        </h1>
        {session && (
          <p className="cd-header-staff" data-testid="header-staff">
            {t('counterUi.staffLabel', { name: session.staff.name, staffNo: session.staff.staffNo })}
            {session.staff.role === 'supervisor' && <span className="cd-role">{t('counterUi.supervisor')}</span>}
          </p>
        )}
        {session?.staff.role === 'supervisor' && windows.data && (
          // Supervisors may act at any window (the host allows it); clerks only at their own.
          <label className="cd-header-switch">
            {t('counterUi.actAtWindow')}
            <select
              value={session.windowId}
              onChange={(e) => setSession({ ...session, windowId: Number(e.target.value) })}
              data-testid="act-at-window"
            >
              {windows.data.windows.map((w) => (
                <option key={w.id} value={w.id}>
                  {t('counterUi.windowLabel', { number: w.number, name: w.name })}
                </option>
              ))}
            </select>
          </label>
        )}
        {timeZone !== undefined && <DeskClock timeZone={timeZone} />}
        <LanguageToggle />
        {session && (
          <button type="button" className="cd-header-button" onClick={() => end('signedOut')}>
            {t('counterUi.signOut')}
          </button>
        )}
      </header>
      {timeZone === undefined ? (
        <main className="cd-main cd-main-single">
          <p>{t('common.loading')}</p>
        </main>
      ) : session ? (
        <CounterDesk
          // Another window is another desk: its message, dialog and filter start afresh.
          key={`${session.staff.id}@${session.windowId}`}
          staff={session.staff}
          windowId={session.windowId}
          timeZone={timeZone}
          onSessionLost={lost}
          rating={rating}
        />
      ) : (
        <main className="cd-main cd-main-single">
          <SignInForm
            timeZone={timeZone}
            notice={ended ? t(`counterUi.sessionEnded.${ended}`) : null}
            onSignedIn={(staff, windowId) => {
              setEnded(null);
              setSession({ staff, windowId });
            }}
          />
        </main>
      )}
    </div>
  );
}
