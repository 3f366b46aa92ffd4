import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallEvent } from '../../contracts/events';
import { useApi } from '../api/context';
import { randomId } from '../api/random-id';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { Clock } from '../ui/Clock';
import { ElderSwitch } from '../ui/ElderSwitch';
import { LanguageToggle } from '../ui/LanguageToggle';
import { KeyboardProvider } from '../ui/keyboard/KeyboardProvider';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { useKeyboardStore } from '../ui/keyboard/keyboard-context';
import { useMachine } from '../ui/use-machine';
import { DemoReaderPanel } from './DemoReaderPanel';
import { FLOWS } from './flows/registry';
import { AttractScreen } from './shell/AttractScreen';
import { CardGate } from './shell/CardGate';
import { FlowErrorBoundary } from './shell/FlowErrorBoundary';
import { HomeScreen } from './shell/HomeScreen';
import { IdleCountdown } from './shell/IdleCountdown';
import { OutOfService } from './shell/OutOfService';
import { SeatTaken } from './shell/SeatTaken';
import { TakeCardReminder } from './shell/TakeCardReminder';
import { KioskSessionContext, type KioskSession } from './shell/session';
import { useIdlePrefetch } from './shell/use-idle-prefetch';
import { useIdleCountdown } from './shell/use-idle-timer';
import { hostEndEndsVisit, initialVisit, inVisit, visitReducer } from './shell/visit-state';
import { promptLanguage } from '../../contracts/kiosk-prompts';
import { useKioskVoice } from './shell/voice';

/** The home screen's idle time until the hall settings (GET /hall/info) have answered. */
const DEFAULT_HOME_IDLE_SECONDS = 60;
/** 长辈版 gives half as much time again on every screen. */
const ELDER_IDLE_FACTOR = 1.5;

/** The citizen's kiosk: attract → home → a flow → done → attract, wiping the visit at the end. */
export function KioskApp() {
  return (
    <KeyboardProvider>
      <Kiosk />
    </KeyboardProvider>
  );
}

function Kiosk() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // The store itself: its functions never change, so the keyboard's state re-renders nothing here.
  const keyboard = useKeyboardStore();
  // The visit's state machine (shell/visit-state.ts); `latest()` for handlers between renders.
  const [state, dispatch, latest] = useMachine(visitReducer, initialVisit);
  const { view, elder, muted, seated } = state;
  // This page's id for the host's kiosk seat: one kiosk page per host reads cards and ends visits.
  const [pageId] = useState(randomId);
  // Every request says which page it comes from, before any query of this render goes out (idempotent).
  api.setKioskPage(pageId);
  // This kiosk's options (technician console): 长辈版 and voice at the start of each visit, tiles.
  const terminal = useQuery({ queryKey: ['terminal'], queryFn: api.terminalSettings });
  const kioskOptions = terminal.data?.kiosk;
  const defaults = useMemo(
    () => ({ elder: kioskOptions?.elderModeDefault ?? false, muted: !(kioskOptions?.voiceDefault ?? true) }),
    [kioskOptions],
  );
  // Once the options arrive (and whenever the technician changes them), the attract screen takes them.
  useEffect(() => {
    if (kioskOptions !== undefined) dispatch({ type: 'defaults', defaults });
  }, [kioskOptions, defaults, dispatch]);
  const listeners = useRef(new Set<(event: HallEvent) => boolean | void>());
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const hallInfo = useQuery({ queryKey: ['hall-info'], queryFn: api.hallInfo });
  const identity = useQuery({ queryKey: ['identity'], queryFn: api.identity });
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog, refetchInterval: 60_000 });
  const citizen = identity.data?.identity ?? null;
  const cardOnReader = identity.data?.cardOnReader ?? false;
  // The host's database takes no writes (disk full, read-only): out of service, nothing discarded.
  const storageState = health.data?.storage.state ?? 'ok';
  const outOfService = storageState !== 'ok';

  // The screen follows the reader (a card read while the page was loading or reconnecting, whose
  // event never reached it; a card left on the reader after its visit): see visit-state's settle.
  const hasCitizen = citizen !== null;
  useEffect(() => dispatch({ type: 'reader', citizen: hasCitizen, cardOnReader }), [hasCitizen, cardOnReader, dispatch]);

  // Spoken guidance in the visit's language, at the hall's volume (hall settings `kioskVoice`).
  const voice = useKioskVoice({
    muted,
    language: promptLanguage(i18n.language),
    // Unknown until the hall's info arrives (prompts wait for it); full when the host cannot say.
    volumePercent: hallInfo.data?.kioskVoiceVolume ?? (hallInfo.isError ? 100 : null),
  });
  const { say, stop: stopSpeaking } = voice;

  const endSession = useCallback(async () => {
    stopSpeaking();
    // Whatever was being composed on the keyboard goes with the visit, written nowhere.
    keyboard.discard();
    // The next citizen starts from this kiosk's defaults (print size, voice), with every flow remounted.
    dispatch({ type: 'end', defaults });
    const ended = api.endIdentity().catch(() => ({ cardOnReader: false }));
    // ... and in Chinese.
    void i18n.changeLanguage('zh-CN');
    queryClient.setQueryData(['identity'], { identity: null, cardOnReader: false });
    // Personal answers (my cases, check-ins, progress by card) go; public lists are fetched anew.
    queryClient.removeQueries({
      predicate: (q) => !['health', 'catalog', 'notices', 'services', 'terminal', 'hall-info'].includes(String(q.queryKey[0])),
    });
    window.sessionStorage.clear();
    // The card still on the reader: remind the citizen to take it before anyone else starts.
    // (The reader state shows the reminder; the re-read catches a card taken before this answer came.)
    if ((await ended).cardOnReader) {
      queryClient.setQueryData(['identity'], { identity: null, cardOnReader: true });
      void queryClient.invalidateQueries({ queryKey: ['identity'] });
    }
  }, [api, keyboard, queryClient, i18n, dispatch, defaults, stopSpeaking]);

  const online = useHallEvents(
    (event) => {
      // Another page is this host's kiosk: its citizen, cards and scans are none of this page's business.
      if (!latest().seated) return;
      let consumed = false;
      for (const listener of listeners.current) if (listener(event) === true) consumed = true;
      // An appointment QR scanned anywhere else starts the check-in with it.
      if (event.type === 'scanner.scanned' && !consumed && !outOfService) dispatch({ type: 'scanned', code: event.code });
      if (event.type === 'identity.read') {
        // The home screen comes with the holder's greeting, in one render: not first as a guest's
        // and again a moment later (a whole screen drawn twice on a weak board). It comes anyway
        // when the host does not answer.
        void refreshAfterEvent(queryClient, ['identity']).finally(() => dispatch({ type: 'cardRead' }));
      }
      if (event.type === 'identity.ended') {
        if (hostEndEndsVisit(latest())) void endSession();
        else queryClient.setQueryData(['identity'], { identity: null, cardOnReader: event.cardOnReader });
      }
      if (event.type === 'identity.card-removed')
        queryClient.setQueryData(['identity'], (d: typeof identity.data) => ({
          identity: d?.identity ?? null,
          cardOnReader: false,
        }));
      if (event.type === 'storage.status') {
        queryClient.setQueryData(
          ['health'],
          (h: typeof health.data) => h && { ...h, storage: { state: event.state, since: event.at } },
        );
        void refreshAfterEvent(queryClient, ['health']);
      }
      // Counts moved, or a supervisor extended today's hours (延时服务): the tiles read the services again.
      if (event.type === 'queue.counts' || event.type === 'hours.changed') void refreshAfterEvent(queryClient, ['services']);
      if (event.type === 'notices.changed') void refreshAfterEvent(queryClient, ['notices']);
      if (event.type === 'settings.changed' && event.scope === 'terminal') void refreshAfterEvent(queryClient, ['terminal']);
      // The hall's services, windows, name or timeouts changed in the technician console.
      if (event.type === 'settings.changed' && event.scope === 'hall')
        for (const key of ['services', 'windows', 'health', 'hall-info']) void refreshAfterEvent(queryClient, [key]);
      // The hall came back (or went): its queue may have moved on meanwhile, so read it all again.
      if (event.type === 'hall.link') void refreshAfterEvent(queryClient);
    },
    () => void refreshAfterEvent(queryClient),
    {
      pageId,
      onSeat: (granted) => {
        dispatch({ type: 'seat', granted });
        // Taking over (the other page closed): start from what the host knows now.
        if (granted) void refreshAfterEvent(queryClient);
      },
    },
  );

  const flow = view.name === 'flow' ? FLOWS.find((f) => f.id === view.flow) : undefined;
  const homeIdleSeconds = hallInfo.data?.kioskIdleSeconds ?? DEFAULT_HOME_IDLE_SECONDS;
  const idleSeconds = Math.round((flow?.idleSeconds ?? homeIdleSeconds) * (elder ? ELDER_IDLE_FACTOR : 1));
  // Out of service, the visit waits (its form is kept): no idle timeout wipes it meanwhile.
  const visiting = inVisit(state);
  const idle = useIdleCountdown(idleSeconds, visiting && !outOfService, () => void endSession());

  // Waiting for a citizen, the kiosk fetches what the first taps need (services, the flows' code).
  useIdlePrefetch(view.name === 'attract' || view.name === 'home', kioskOptions?.hiddenFlows ?? []);

  useEffect(() => {
    if (view.name === 'home') say({ key: 'home' });
  }, [view.name, say]);

  const session = useMemo<KioskSession>(
    () => ({
      citizen,
      cardOnReader,
      health: health.data,
      online,
      elder,
      toggleElder: () => dispatch({ type: 'toggleElder' }),
      voice: {
        muted,
        toggleMute: () => {
          stopSpeaking();
          dispatch({ type: 'toggleMute' });
        },
        say,
        stop: stopSpeaking,
      },
      goHome: () => {
        keyboard.discard();
        dispatch({ type: 'home' });
      },
      openFlow: (flow) => {
        keyboard.discard();
        dispatch({ type: 'open', flow });
      },
      endSession,
      setFinished: (finished) => dispatch({ type: 'finished', finished }),
      keepAlive: idle.restart,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      takePendingScan: () => {
        const code = latest().pendingScan;
        dispatch({ type: 'scanTaken' });
        return code;
      },
    }),
    [
      citizen,
      cardOnReader,
      health.data,
      online,
      elder,
      muted,
      say,
      stopSpeaking,
      endSession,
      idle.restart,
      keyboard,
      dispatch,
      latest,
    ],
  );

  const centralOffline = catalog.data !== undefined && catalog.data.source !== 'central';
  const hallLink = health.data?.hallLink.state;
  const queueDown = hallLink !== undefined && !['hall', 'online'].includes(hallLink);
  return (
    <KioskSessionContext.Provider value={session}>
      <div className={`kiosk${elder ? ' elder' : ''}`} lang={i18n.language}>
        <header className="kiosk-header">
          <h1>{health.data?.hallName ?? t('hall.defaultName')}</h1>
          <Clock timeZone={health.data?.timeZone} />
          <div className="kiosk-tools">
            <ElderSwitch on={elder} onToggle={session.toggleElder} />
            <button type="button" className="tool" aria-pressed={muted} onClick={session.voice.toggleMute}>
              {muted ? t('shell.unmute') : t('shell.mute')}
            </button>
            <LanguageToggle />
          </div>
        </header>
        {!online && (
          <div className="offline-banner" role="alert">
            {t('shell.offlineHall')}
          </div>
        )}
        {online && queueDown && (
          <div className="offline-banner" role="alert" data-testid="hall-link-banner">
            {hallLink === 'unpaired' ? t('shell.hallLinkUnpaired') : t('shell.hallLinkDown')}
          </div>
        )}
        {online && !queueDown && centralOffline && (
          <div className="offline-banner central" role="status">
            {t('shell.offlineCentral')}
          </div>
        )}
        <main className="kiosk-main" key={state.visit}>
          {view.name === 'attract' && <AttractScreen onStart={() => dispatch({ type: 'start' })} />}
          {view.name === 'takeCard' && <TakeCardReminder say={say} />}
          {view.name === 'home' && (
            <HomeScreen
              hidden={kioskOptions?.hiddenFlows ?? []}
              queueDown={queueDown}
              onOpen={(id) => dispatch({ type: 'open', flow: id })}
            />
          )}
          {view.name === 'flow' && flow && (
            <section className="flow" aria-labelledby="flow-title" data-flow={flow.id}>
              <div className="flow-bar">
                <button type="button" className="secondary" onClick={session.goHome}>
                  {t('shell.home')}
                </button>
                <h2 id="flow-title">{t(flow.title)}</h2>
                <button type="button" className="secondary" onClick={() => void endSession()}>
                  {t('shell.exit')}
                </button>
              </div>
              {/* The gate stands only before the flow starts: a finished flow stays up when the card leaves. */}
              {flow.card !== 'none' && citizen === null && !view.withoutCard && !state.finished ? (
                <CardGate need={flow.card} onWithoutCard={() => dispatch({ type: 'withoutCard' })} />
              ) : (
                <FlowErrorBoundary fallback={<p className="error">{t('shell.flowError')}</p>}>
                  <Suspense fallback={<p className="loading">{t('shell.loading')}</p>}>
                    <flow.component />
                  </Suspense>
                </FlowErrorBoundary>
              )}
            </section>
          )}
        </main>
        {visiting && !outOfService && <IdleCountdown countdown={idle.countdown} onMoreTime={idle.restart} />}
        <OnScreenKeyboard />
        {/* The host's rendering of a prompt plays here when the browser has no voice for it. */}
        <audio ref={voice.audioRef} preload="auto" hidden data-testid="kiosk-voice-audio" />
        <DemoReaderPanel />
        {outOfService && <OutOfService state={storageState} />}
        {!seated && <SeatTaken />}
      </div>
    </KioskSessionContext.Provider>
  );
}
