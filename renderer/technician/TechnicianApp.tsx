import './technician.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OfflineBanner } from '../ui/OfflineBanner';
import { useIdleSignOut } from '../ui/use-idle-sign-out';
import { DevicesScreen } from './DevicesScreen';
import type { Editing } from './device-form';
import { DiscoveryScreen } from './DiscoveryScreen';
import { HostScreen } from './HostScreen';
import { errorKey, TECH_KEYS, TechSessionContext, type LastScan, type TechSession } from './session';
import { LogsScreen } from './logs/LogsScreen';
import { SyncScreen } from './SyncScreen';
import { TerminalsScreen } from './TerminalsScreen';
import { TerminalSettingsScreen } from './terminal/TerminalSettingsScreen';
import { TechSignIn } from './TechSignIn';
import { HallScreen } from './hall/HallScreen';
import { ConfigScreen } from './config/ConfigScreen';
import { BackupsScreen, BACKUPS_KEY } from './backups/BackupsScreen';

type Tab = 'devices' | 'discover' | 'terminals' | 'hall' | 'terminal' | 'config' | 'sync' | 'backups' | 'logs' | 'host';

/** The console's screens for technicians, in nav order (one per line: areas add their own). */
const CONFIGURE_TABS: readonly Tab[] = [
  'devices',
  'discover',
  'terminals',
  'hall',
  'terminal',
  'config',
  'sync',
  'backups',
  'logs',
  'host',
];
/** Supervisors look but do not change. */
const LOOK_TABS: readonly Tab[] = ['devices', 'hall', 'sync', 'backups', 'logs', 'host'];

/** A console left alone is signed out: it may sit on a kiosk in the public hall. */
const IDLE_SIGN_OUT_MS = 10 * 60 * 1000;

/**
 * The technician console (/technician): staff number + PIN (technicians; supervisors look
 * but do not change), then devices with live health, discovery, configuration, tests, the
 * virtual printer's preview, the sync with the central API and the host's identity.
 * Every change is made through the host API, which audits it.
 */
export default function TechnicianApp() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [staff, setStaff] = useState<StaffPrincipal | null>(null);
  const [expired, setExpired] = useState(false);
  const [tab, setTab] = useState<Tab>('devices');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [lastScans, setLastScans] = useState<Record<string, LastScan>>({});
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: 60_000 });

  const signOut = useCallback(
    (reason: 'user' | 'expired' | 'idle') => {
      void api.signOut();
      queryClient.removeQueries({ queryKey: TECH_KEYS.all });
      setStaff(null);
      setEditing(null);
      setLastScans({});
      setTab('devices');
      setExpired(reason !== 'user');
    },
    [api, queryClient],
  );

  const connected = useHallEvents(
    (event) => {
      if (event.type === 'device.status') void refreshAfterEvent(queryClient, TECH_KEYS.devices);
      if (event.type === 'ticket.printed') void refreshAfterEvent(queryClient, ['tech', 'preview']);
      if (event.type === 'settings.changed' && event.scope === 'hall') void refreshAfterEvent(queryClient, ['tech', 'hall']);
      if (event.type === 'backup.status') void refreshAfterEvent(queryClient, BACKUPS_KEY);
      if (event.type === 'scanner.read') {
        const scan = { length: event.length, at: event.at };
        setLastScans((s) => ({ ...s, [event.deviceId]: scan }));
      }
    },
    () => void refreshAfterEvent(queryClient, TECH_KEYS.all),
  );

  useIdleSignOut(staff !== null, IDLE_SIGN_OUT_MS, () => signOut('idle'));

  // Leaving the console (another route of this window) ends the session: the token must not outlive the page.
  useEffect(() => {
    if (staff === null) return;
    return () => void api.signOut();
  }, [staff, api]);

  // A session the host no longer knows (expired, host restarted) sends the console back to sign-in.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((e) => {
        if (e.type === 'updated' && e.action.type === 'error' && e.query.queryKey[0] === 'tech' && isExpired(e.action.error))
          signOut('expired');
      }),
    [queryClient, signOut],
  );

  const session = useMemo<TechSession | null>(
    () =>
      staff && {
        staff,
        canConfigure: staff.role === 'technician',
        timeZone: health.data?.timeZone,
        describeError: (error: unknown) => t(`tech.errors.${errorKey(error)}`),
        failed: (error: unknown) => {
          if (isExpired(error)) signOut('expired');
          return t(`tech.errors.${errorKey(error)}`);
        },
      },
    [staff, health.data?.timeZone, signOut, t],
  );

  const tabs = session?.canConfigure ? CONFIGURE_TABS : LOOK_TABS;

  return (
    <div className="tech" lang={i18n.language}>
      <header className="tech-header">
        <h1>{t('tech.title')}</h1>
        <span className="tech-hall">{health.data?.hallName ?? ''}</span>
        {staff && (
          <span className="tech-who" data-testid="tech-who">
            {staff.name} · {staff.staffNo} · {t(`tech.roles.${staff.role}`)}
          </span>
        )}
        {staff && (
          <button type="button" className="tech-header-button" onClick={() => signOut('user')}>
            {t('tech.signOut')}
          </button>
        )}
        <LanguageToggle />
      </header>
      <OfflineBanner connected={connected} />
      {session ? (
        <TechSessionContext.Provider value={session}>
          <nav className="tech-nav" aria-label={t('tech.nav.label')}>
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                aria-current={tab === id ? 'page' : undefined}
                onClick={() => {
                  setTab(id);
                  if (id !== 'devices') setEditing(null);
                }}
              >
                {t(`tech.nav.${id}`)}
              </button>
            ))}
          </nav>
          <main className="tech-main">
            {tab === 'devices' && <DevicesScreen editing={editing} setEditing={setEditing} lastScans={lastScans} />}
            {tab === 'discover' && session.canConfigure && (
              <DiscoveryScreen
                onAdd={(form) => {
                  setEditing({ mode: 'add', form });
                  setTab('devices');
                }}
              />
            )}
            {tab === 'terminals' && <TerminalsScreen />}
            {tab === 'hall' && <HallScreen />}
            {tab === 'config' && session.canConfigure && <ConfigScreen />}
            {tab === 'terminal' && <TerminalSettingsScreen />}
            {tab === 'sync' && <SyncScreen />}
            {tab === 'backups' && <BackupsScreen />}
            {tab === 'logs' && <LogsScreen />}
            {tab === 'host' && <HostScreen health={health.data} />}
          </main>
        </TechSessionContext.Provider>
      ) : (
        <main className="tech-main tech-main-single">
          <TechSignIn
            notice={expired ? t('tech.signIn.expired') : null}
            onSignedIn={(principal) => {
              setExpired(false);
              setStaff(principal);
            }}
          />
        </main>
      )}
    </div>
  );
}

const isExpired = (error: unknown) => error instanceof ApiClientError && error.code === 'unauthorized';
