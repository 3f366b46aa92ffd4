import './technician.css';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { ConsoleFrame } from '../ui/console/ConsoleFrame';
import { useStaffConsole } from '../ui/console/use-staff-console';
import { DevicesScreen } from './DevicesScreen';
import type { Editing } from './device-form';
import { DiscoveryScreen } from './DiscoveryScreen';
import { HostScreen } from './HostScreen';
import { errorKey, TECH_KEYS, TechSessionContext, type LastScan, type TechSession } from './session';
import { LogsScreen } from './logs/LogsScreen';
import { SyncScreen } from './SyncScreen';
import { TerminalsScreen } from './TerminalsScreen';
import { TerminalSettingsScreen } from './terminal/TerminalSettingsScreen';
import { HallScreen } from './hall/HallScreen';
import { ConfigScreen } from './config/ConfigScreen';
import { BackupsScreen, BACKUPS_KEY } from './backups/BackupsScreen';
import { addAreaMessages } from '../i18n';
import { technicianMessages } from './console-messages';

// The console's words ship with its code, not in the screens' first download.
addAreaMessages(technicianMessages);

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
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>('devices');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [lastScans, setLastScans] = useState<Record<string, LastScan>>({});

  const frame = useStaffConsole({
    queryRoot: TECH_KEYS.all[0],
    idleSignOutMs: IDLE_SIGN_OUT_MS,
    onEvent: (event) => {
      if (event.type === 'device.status') void refreshAfterEvent(queryClient, TECH_KEYS.devices);
      if (event.type === 'ticket.printed') void refreshAfterEvent(queryClient, ['tech', 'preview']);
      if (event.type === 'settings.changed' && event.scope === 'hall') void refreshAfterEvent(queryClient, ['tech', 'hall']);
      if (event.type === 'backup.status') void refreshAfterEvent(queryClient, BACKUPS_KEY);
      if (event.type === 'scanner.read') {
        const scan = { length: event.length, at: event.at };
        setLastScans((s) => ({ ...s, [event.deviceId]: scan }));
      }
    },
    onSignedOut: () => {
      setEditing(null);
      setLastScans({});
      setTab('devices');
    },
  });
  const { staff, failed } = frame;
  const timeZone = frame.health.data?.timeZone;
  const describeError = useCallback((error: unknown) => t(`tech.errors.${errorKey(error)}`), [t]);

  // Whether the account may use the console is the host's call: the device list is read straight
  // away (and kept for the first screen), and an account it refuses (403, e.g. a window clerk) is
  // signed out again with the refusal shown.
  const admit = useCallback(async () => {
    queryClient.setQueryData(TECH_KEYS.devices, await api.devices());
    return true;
  }, [api, queryClient]);

  const session = useMemo<TechSession | null>(
    () =>
      staff && {
        staff,
        canConfigure: staff.role === 'technician',
        timeZone,
        describeError,
        failed: (error: unknown) => failed(error, describeError),
      },
    [staff, timeZone, describeError, failed],
  );

  const tabs = session?.canConfigure ? CONFIGURE_TABS : LOOK_TABS;

  return (
    <ConsoleFrame session={frame} messages="tech" idPrefix="tech" className="tech" admit={admit}>
      {session && (
        <TechSessionContext.Provider value={session}>
          <nav className="console-nav" aria-label={t('tech.nav.label')}>
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
          <main className="console-main">
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
            {tab === 'host' && <HostScreen health={frame.health.data} />}
          </main>
        </TechSessionContext.Provider>
      )}
    </ConsoleFrame>
  );
}
