import './district.css';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictStaff } from '../../contracts/platform-console';
import { ConsoleShell } from '../ui/console/ConsoleShell';
import { useIdleSignOut } from '../ui/use-idle-sign-out';
import { DistrictClientError } from './district-client';
import { DistrictSignIn } from './DistrictSignIn';
import { LookOnlyNote } from './LookOnlyNote';
import { SECTIONS, sectionOf } from './sections';
import { DISTRICT_KEYS, DistrictSessionContext, errorKey, mayCall, useDistrictClient, type DistrictSession } from './session';

/** A console left alone is signed out: it may sit on a shared office PC. */
const IDLE_SIGN_OUT_MS = 15 * 60 * 1000;

type SignOutReason = 'user' | 'expired' | 'idle';

/** The section the address names, followed as the hash changes (the nav, the back button). */
function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

/**
 * The district platform's console (/district, served by the platform itself): district staff sign
 * in and work across every hall from its sections (`sections.ts`), each loaded when opened. The
 * session follows the consoles' rules: signing out drops every query under DISTRICT_KEYS, an idle
 * console signs out, a session the platform no longer knows sends it back to sign-in. What a
 * role may change is read from the operations' declarations; the platform checks it again.
 */
export function DistrictApp() {
  const { t } = useTranslation();
  const client = useDistrictClient();
  const queryClient = useQueryClient();
  const hash = useHash();
  const [staff, setStaff] = useState<DistrictStaff | null>(null);
  const [expired, setExpired] = useState(false);
  const [connected, setConnected] = useState(true);
  const section = sectionOf(hash);

  const signOut = useCallback(
    (reason: SignOutReason) => {
      void client.signOut();
      queryClient.removeQueries({ queryKey: DISTRICT_KEYS.all });
      setStaff(null);
      setExpired(reason !== 'user');
    },
    [client, queryClient],
  );

  useIdleSignOut(staff !== null, IDLE_SIGN_OUT_MS, () => signOut('idle'));

  // A query that finds the session gone signs out; one that cannot reach the platform shows the banner.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((e) => {
        if (e.type !== 'updated' || e.query.queryKey[0] !== DISTRICT_KEYS.all[0]) return;
        if (e.action.type === 'success') setConnected(true);
        if (e.action.type !== 'error') return;
        const { error } = e.action;
        if (error instanceof DistrictClientError && error.code === 'network') setConnected(false);
        if (error instanceof DistrictClientError && error.code === 'unauthorized') signOut('expired');
      }),
    [queryClient, signOut],
  );

  const describeError = useCallback((error: unknown) => t(`district.errors.${errorKey(error)}`), [t]);
  const session = useMemo<DistrictSession | null>(
    () =>
      staff && {
        staff,
        may: (operation) => mayCall(staff, operation),
        describeError,
        failed: (error: unknown) => {
          if (error instanceof DistrictClientError && error.code === 'unauthorized') signOut('expired');
          return describeError(error);
        },
      },
    [staff, describeError, signOut],
  );

  return (
    <ConsoleShell
      title={t('district.title')}
      place={t('district.place')}
      who={staff && `${staff.name} · ${staff.username} · ${t(`district.roles.${staff.role}`)}`}
      whoTestId="dst-who"
      signOutLabel={t('district.signOut')}
      onSignOut={() => signOut('user')}
      connected={connected}
      className="dst console-desk"
      signIn={
        <DistrictSignIn
          notice={expired ? t('district.signIn.expired') : null}
          onSignedIn={(principal) => {
            setExpired(false);
            setStaff(principal);
          }}
        />
      }
    >
      {session && (
        <DistrictSessionContext.Provider value={session}>
          <nav className="console-nav" aria-label={t('district.navLabel')}>
            {SECTIONS.map((s) => (
              <a key={s.id} href={`#${s.id}`} aria-current={section?.id === s.id ? 'page' : undefined}>
                {t(s.titleKey)}
              </a>
            ))}
          </nav>
          <LookOnlyNote />
          <main className="console-main">
            {section && (
              <Suspense fallback={<p className="console-muted">{t('district.loading')}</p>}>
                <section.Screen />
              </Suspense>
            )}
          </main>
        </DistrictSessionContext.Provider>
      )}
    </ConsoleShell>
  );
}
