import './display.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, ServiceList } from '../../contracts/queue';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { Clock } from '../ui/Clock';
import { OfflineBanner } from '../ui/OfflineBanner';
import { useLatest } from '../ui/use-latest';
import { worthAnnouncing } from './call-board';
import { CurrentCall } from './CurrentCall';
import { NoticeTicker } from './NoticeTicker';
import { RecentCalls } from './RecentCalls';
import { useBoardVoice } from './use-announcer';
import { useCallBoard } from './use-call-board';
import { WaitingCounts } from './WaitingCounts';

/** Calls older than this (by the host's clock) are shown but not said: a long outage is not replayed aloud. */
const ANNOUNCE_MAX_AGE_MS = 2 * 60_000;
const DEFAULT_RECENT = 6;

/**
 * The hall screen (叫号屏), readable from 10 m: the newest call large, the calls before it (the ones
 * made together with it flash), waiting counts per service, the hall's name and time, notices. Each
 * call is said in Chinese (use-announcer). Live over the event stream; after a reconnect it replays
 * what it missed, or reloads and shows (and says) the calls made while it was away.
 */
export function DisplayApp() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['display-settings'], queryFn: api.displaySettings, refetchInterval: 10 * 60_000 });
  const services = useQuery({ queryKey: ['services'], queryFn: api.services, refetchInterval: 60_000 });
  const voice = useBoardVoice(settings.data);

  // The host's clock as this screen sees it, so "a fresh call" does not depend on the TV's own clock.
  const clockOffsetRef = useLatest(settings.data ? Date.parse(settings.data.now) - settings.dataUpdatedAt : 0);

  const { announce, blocked, unblock, audioRef } = voice;
  const onNews = useCallback(
    (call: Call) => {
      if (worthAnnouncing(call, Date.now() + clockOffsetRef.current, ANNOUNCE_MAX_AGE_MS)) announce(call);
    },
    [announce, clockOffsetRef],
  );
  const size = (settings.data?.recentCalls ?? DEFAULT_RECENT) + 1;
  const board = useCallBoard(size, onNews);

  const connected = useHallEvents(
    (event) => {
      switch (event.type) {
        // A resumed ticket is called back to its window: shown and said like a call.
        case 'ticket.called':
        case 'ticket.recalled':
        case 'ticket.resumed':
          board.called(event.call);
          break;
        // Off the board: skipped, transferred, or back from a step of 转办并返回 (to wait for the first window's call).
        case 'ticket.skipped':
        case 'ticket.transferred':
        case 'ticket.returned':
          board.left(event.ticket.id);
          break;
        case 'queue.counts':
          queryClient.setQueryData<ServiceList>(['services'], (old) =>
            old
              ? {
                  services: old.services.map((s) => {
                    const count = event.counts.find((c) => c.serviceCode === s.code);
                    return count ? { ...s, waiting: count.waiting } : s;
                  }),
                }
              : old,
          );
          break;
        case 'notices.changed':
          void refreshAfterEvent(queryClient, ['notices']);
          break;
        // The hall's name, services or announcement settings changed in the technician console.
        case 'settings.changed':
          if (event.scope === 'hall') {
            void refreshAfterEvent(queryClient, ['display-settings']);
            void refreshAfterEvent(queryClient, ['services']);
          }
          break;
        default:
          break;
      }
    },
    () => {
      // Events were lost (host restart, long outage): the board finds the calls it missed itself.
      board.reload();
      void refreshAfterEvent(queryClient);
    },
  );

  const [current, ...earlier] = board.state.calls;
  return (
    // A touch anywhere lets a browser that blocked sound speak (needed only without an autoplay policy).
    <div className="hall-display" data-testid="hall-display" onPointerDown={blocked ? unblock : undefined}>
      <OfflineBanner connected={connected} />
      <header className="hd-header">
        <h1>{settings.data?.hallName ?? t('hall.defaultName')}</h1>
        <Clock timeZone={settings.data?.timeZone} />
      </header>
      <main className="hd-main">
        <CurrentCall call={current} />
        <RecentCalls calls={earlier} />
        <WaitingCounts services={services.data?.services ?? []} />
      </main>
      <NoticeTicker />
      {blocked ? (
        <button type="button" className="hd-sound" onClick={unblock} data-testid="enable-sound">
          <span>{t('displayUi.soundBlocked')}</span>
          <strong>{t('displayUi.enableSound')}</strong>
        </button>
      ) : null}
      {/* Plays the host's rendering of a call when this browser has no Chinese voice. */}
      <audio ref={audioRef} preload="auto" hidden />
    </div>
  );
}
