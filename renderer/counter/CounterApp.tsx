import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { OfflineBanner } from '../ui/OfflineBanner';
import { SignInForm } from './SignInForm';

type Action = 'callNext' | 'recall' | 'skip' | 'finish' | 'pause';
const SHORTCUTS: Record<string, Action> = { F1: 'callNext', F2: 'recall', F3: 'skip', F4: 'finish' };

/** A staff window: sign in, then call, recall, skip, finish, pause. */
export function CounterApp() {
  const api = useApi();
  const { t } = useTranslation();
  const [session, setSession] = useState<{ staff: StaffPrincipal; windowId: number } | null>(null);
  const windowId = session?.windowId ?? null;
  const win = useQuery({
    queryKey: ['window', windowId],
    queryFn: () => api.window(windowId ?? 0),
    enabled: windowId !== null,
  });
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  const [message, setMessage] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void refreshAfterEvent(queryClient, ['window']);
    void refreshAfterEvent(queryClient, ['services']);
  }, [queryClient]);
  const connected = useHallEvents((event) => {
    if (event.type === 'queue.counts' || event.type.startsWith('ticket.') || event.type === 'window.paused') refresh();
  }, refresh);

  const act = useCallback(
    async (action: Action) => {
      if (windowId === null) return;
      setMessage(null);
      try {
        if (action === 'callNext') await api.callNext(windowId);
        else if (action === 'recall') await api.recall(windowId);
        else if (action === 'skip') await api.skip(windowId);
        else if (action === 'finish') await api.finish(windowId, 'done');
        else await api.pause(windowId, !(win.data?.paused ?? false));
        await win.refetch();
      } catch (e) {
        const code = e instanceof ApiClientError ? e.code : 'generic';
        setMessage(
          t(
            `counter.errors.${['queue_empty', 'window_paused', 'invalid_state', 'unauthorized'].includes(code) ? code : 'generic'}`,
          ),
        );
        if (code === 'unauthorized') setSession(null);
      }
    },
    [api, windowId, win, t],
  );

  useEffect(() => {
    if (!session) return;
    const onKey = (e: KeyboardEvent) => {
      const action = SHORTCUTS[e.key];
      if (!action) return;
      e.preventDefault();
      void act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session, act]);

  if (!session) {
    return (
      <div className="counter">
        <OfflineBanner connected={connected} />
        <header className="counter-header">
          <h1>{t('counter.title')}</h1>
        </header>
        <main className="counter-main single">
          <SignInForm onSignedIn={(staff, id) => setSession({ staff, windowId: id })} />
        </main>
      </div>
    );
  }

  const w = win.data;
  const current = w?.current ?? null;
  return (
    <div className="counter">
      <OfflineBanner connected={connected} />
      <header className="counter-header">
        <h1>
          {t('counter.title')} · {w ? `${w.number} · ${w.name}` : ''}
        </h1>
        <span>{session.staff.name}</span>
        <button
          type="button"
          className="secondary light"
          onClick={() => {
            void api.signOut();
            setSession(null);
          }}
        >
          {t('counter.signOut')}
        </button>
      </header>
      <main className="counter-main">
        <section className="counter-current">
          <p>{w?.paused ? t('counter.paused') : t('counter.current')}</p>
          <p className="counter-number" data-testid="current-number">
            {current?.number ?? t('counter.none')}
          </p>
          {current && (
            <p>
              {current.serviceName}
              {current.recallCount > 0 ? ` · ${t('counter.recalled', { count: current.recallCount })}` : ''}
            </p>
          )}
          <div className="counter-actions">
            <button type="button" className="primary" onClick={() => void act('callNext')} aria-keyshortcuts="F1">
              {t('counter.callNext')} (F1)
            </button>
            <button type="button" onClick={() => void act('recall')} disabled={!current} aria-keyshortcuts="F2">
              {t('counter.recall')} (F2)
            </button>
            <button type="button" onClick={() => void act('skip')} disabled={!current} aria-keyshortcuts="F3">
              {t('counter.skip')} (F3)
            </button>
            <button type="button" onClick={() => void act('finish')} disabled={!current} aria-keyshortcuts="F4">
              {t('counter.finish')} (F4)
            </button>
            <button type="button" onClick={() => void act('pause')}>
              {w?.paused ? t('counter.resume') : t('counter.pause')}
            </button>
          </div>
          {message && <p role="status">{message}</p>}
        </section>
        <section className="counter-services">
          <h2>{t('counter.services')}</h2>
          <ul>
            {w?.services.map((code) => {
              const s = services.data?.services.find((x) => x.code === code);
              return (
                <li key={code}>
                  {s?.name ?? code}: {t('kiosk.waiting', { count: s?.waiting ?? 0 })}
                </li>
              );
            })}
          </ul>
        </section>
      </main>
    </div>
  );
}
