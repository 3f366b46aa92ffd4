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
import { useKeyboard } from '../ui/keyboard/keyboard-context';
import { DemoReaderPanel } from './DemoReaderPanel';
import { FLOWS, type FlowId } from './flows/registry';
import { AttractScreen } from './shell/AttractScreen';
import { CardGate } from './shell/CardGate';
import { FlowErrorBoundary } from './shell/FlowErrorBoundary';
import { HomeScreen } from './shell/HomeScreen';
import { IdleCountdown } from './shell/IdleCountdown';
import { OutOfService } from './shell/OutOfService';
import { SeatTaken } from './shell/SeatTaken';
import { TakeCardReminder } from './shell/TakeCardReminder';
import { KioskSessionContext, type KioskSession } from './shell/session';
import { useIdleTimer } from './shell/use-idle-timer';
import { speak, stopSpeaking } from './shell/voice';

type View =
  | { name: 'attract' }
  /** The visit is over but the ID card still lies on the reader: nothing starts until it is taken. */
  | { name: 'takeCard' }
  | { name: 'home' }
  | { name: 'flow'; flow: FlowId; withoutCard: boolean };

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
  const keyboard = useKeyboard();
  const [view, setView] = useState<View>({ name: 'attract' });
  // This page's id for the host's kiosk seat: one kiosk page per host reads cards and ends visits.
  const [pageId] = useState(randomId);
  // Every request says which page it comes from, before any query of this render goes out (idempotent).
  api.setKioskPage(pageId);
  // Until the host says otherwise this page acts as the kiosk (the answer comes with the first connection).
  const [seated, setSeated] = useState(true);
  const seatedRef = useRef(true);
  // This kiosk's options (technician console): 长辈版 and voice at the start of each visit, tiles.
  const terminal = useQuery({ queryKey: ['terminal'], queryFn: api.terminalSettings });
  const kioskOptions = terminal.data?.kiosk;
  const defaults = useRef({ elder: false, muted: false });
  defaults.current = { elder: kioskOptions?.elderModeDefault ?? false, muted: !(kioskOptions?.voiceDefault ?? true) };
  const [elder, setElder] = useState(false);
  const [muted, setMuted] = useState(false);
  // Once the options arrive (and whenever the technician changes them), the attract screen takes them.
  useEffect(() => {
    if (kioskOptions === undefined || currentView.current.name !== 'attract') return;
    setElder(kioskOptions.elderModeDefault);
    setMuted(!kioskOptions.voiceDefault);
  }, [kioskOptions]);
  const [visit, setVisit] = useState(0);
  // State for rendering (a finished flow stays up without its card), ref for event handlers.
  const [finishedState, setFinishedState] = useState(false);
  const finished = useRef(false);
  const markFinished = useCallback((value: boolean) => {
    finished.current = value;
    setFinishedState(value);
  }, []);
  const listeners = useRef(new Set<(event: HallEvent) => boolean | void>());
  const pendingScan = useRef<string | null>(null);
  const currentView = useRef<View>({ name: 'attract' });
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const hallInfo = useQuery({ queryKey: ['hall-info'], queryFn: api.hallInfo });
  const identity = useQuery({ queryKey: ['identity'], queryFn: api.identity });
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog, refetchInterval: 60_000 });
  const citizen = identity.data?.identity ?? null;
  const cardOnReader = identity.data?.cardOnReader ?? false;
  // The host's database takes no writes (disk full, read-only): out of service, nothing discarded.
  const storageState = health.data?.storage.state ?? 'ok';
  const outOfService = storageState !== 'ok';

  const endSession = useCallback(async () => {
    stopSpeaking();
    keyboard.close();
    markFinished(false);
    pendingScan.current = null;
    setView({ name: 'attract' });
    const ended = api.endIdentity().catch(() => ({ cardOnReader: false }));
    // The next citizen starts from this kiosk's defaults (print size, voice) and in Chinese.
    setElder(defaults.current.elder);
    setMuted(defaults.current.muted);
    void i18n.changeLanguage('zh-CN');
    // A new visit number remounts every flow: forms, answers and choices are gone with it.
    setVisit((v) => v + 1);
    queryClient.setQueryData(['identity'], { identity: null, cardOnReader: false });
    // Personal answers (my cases, check-ins, progress by card) go; public lists are fetched anew.
    queryClient.removeQueries({
      predicate: (q) => !['health', 'catalog', 'notices', 'services', 'terminal', 'hall-info'].includes(String(q.queryKey[0])),
    });
    window.sessionStorage.clear();
    // The card still on the reader: remind the citizen to take it before anyone else starts.
    // (The effect below shows the reminder; the re-read catches a card taken before this answer came.)
    if ((await ended).cardOnReader) {
      queryClient.setQueryData(['identity'], { identity: null, cardOnReader: true });
      void queryClient.invalidateQueries({ queryKey: ['identity'] });
    }
  }, [api, keyboard, queryClient, i18n, markFinished]);

  const online = useHallEvents(
    (event) => {
      // Another page is this host's kiosk: its citizen, cards and scans are none of this page's business.
      if (!seatedRef.current) return;
      let consumed = false;
      for (const listener of listeners.current) if (listener(event) === true) consumed = true;
      // An appointment QR scanned anywhere else starts the check-in with it.
      if (event.type === 'scanner.scanned' && !consumed && !outOfService) {
        const v = currentView.current;
        if (!(v.name === 'flow' && v.flow === 'checkin')) {
          pendingScan.current = event.code;
          markFinished(false);
          setView({ name: 'flow', flow: 'checkin', withoutCard: true });
        }
      }
      if (event.type === 'identity.read') {
        void refreshAfterEvent(queryClient, ['identity']);
        // Laying a card on the reader wakes the kiosk (after the last one was taken).
        setView((v) => (v.name === 'attract' || v.name === 'takeCard' ? { name: 'home' } : v));
      }
      if (event.type === 'identity.ended') {
        // A finished flow (ticket, receipt) stays up and shows the card reminder while the card is
        // there; a visit this page already ended only learns where the card is.
        const v = currentView.current;
        if (finished.current || v.name === 'attract' || v.name === 'takeCard')
          queryClient.setQueryData(['identity'], { identity: null, cardOnReader: event.cardOnReader });
        else void endSession();
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
      if (event.type === 'queue.counts') void refreshAfterEvent(queryClient, ['services']);
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
        seatedRef.current = granted;
        setSeated(granted);
        // Taking over (the other page closed): start from what the host knows now.
        if (granted) void refreshAfterEvent(queryClient);
      },
    },
  );

  useEffect(() => {
    currentView.current = view;
  }, [view]);

  // A card read while the page was loading or reconnecting (its event was never streamed to
  // us; the resync reloads the identity): the kiosk wakes for it all the same.
  useEffect(() => {
    if (citizen !== null && (view.name === 'attract' || view.name === 'takeCard')) setView({ name: 'home' });
    // A visit ended (or the kiosk reloaded) with the card left on the reader: the reminder, until it is taken.
    else if (citizen === null && cardOnReader && view.name === 'attract') setView({ name: 'takeCard' });
    else if (!cardOnReader && view.name === 'takeCard') setView({ name: 'attract' });
  }, [citizen, cardOnReader, view.name]);

  const flow = view.name === 'flow' ? FLOWS.find((f) => f.id === view.flow) : undefined;
  const homeIdleSeconds = hallInfo.data?.kioskIdleSeconds ?? DEFAULT_HOME_IDLE_SECONDS;
  const idleSeconds = Math.round((flow?.idleSeconds ?? homeIdleSeconds) * (elder ? ELDER_IDLE_FACTOR : 1));
  // Out of service, the visit waits (its form is kept): no idle timeout wipes it meanwhile.
  const inVisit = seated && view.name !== 'attract' && view.name !== 'takeCard';
  const idle = useIdleTimer(idleSeconds, inVisit && !outOfService, () => void endSession());

  const say = useCallback((text: string) => speak(text, i18n.language, muted), [i18n.language, muted]);
  useEffect(() => {
    if (view.name === 'home') say(t('shell.sayHome'));
  }, [view.name, say, t]);

  const session = useMemo<KioskSession>(
    () => ({
      citizen,
      cardOnReader,
      health: health.data,
      online,
      elder,
      toggleElder: () => setElder((e) => !e),
      voice: {
        muted,
        toggleMute: () => {
          stopSpeaking();
          setMuted((m) => !m);
        },
        say,
        stop: stopSpeaking,
      },
      goHome: () => {
        markFinished(false);
        keyboard.close();
        setView({ name: 'home' });
      },
      openFlow: (flow) => {
        markFinished(false);
        keyboard.close();
        setView({ name: 'flow', flow, withoutCard: false });
      },
      endSession,
      setFinished: markFinished,
      keepAlive: idle.restart,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      takePendingScan: () => {
        const code = pendingScan.current;
        pendingScan.current = null;
        return code;
      },
    }),
    [citizen, cardOnReader, health.data, online, elder, muted, say, endSession, idle.restart, keyboard, markFinished],
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
        <main className="kiosk-main" key={visit}>
          {view.name === 'attract' && <AttractScreen onStart={() => setView({ name: 'home' })} />}
          {view.name === 'takeCard' && <TakeCardReminder say={say} />}
          {view.name === 'home' && (
            <HomeScreen
              hidden={kioskOptions?.hiddenFlows ?? []}
              queueDown={queueDown}
              onOpen={(id) => {
                markFinished(false);
                setView({ name: 'flow', flow: id, withoutCard: false });
              }}
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
              {flow.card !== 'none' && citizen === null && !view.withoutCard && !finishedState ? (
                <CardGate need={flow.card} onWithoutCard={() => setView({ ...view, withoutCard: true })} />
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
        {inVisit && !outOfService && <IdleCountdown left={idle.left} onMoreTime={idle.restart} />}
        <OnScreenKeyboard />
        <DemoReaderPanel />
        {outOfService && <OutOfService state={storageState} />}
        {!seated && <SeatTaken />}
      </div>
    </KioskSessionContext.Provider>
  );
}
