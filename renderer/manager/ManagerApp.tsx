import './manager.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { StaffPrincipal } from '../../contracts/auth';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { addAreaMessages } from '../i18n';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OfflineBanner } from '../ui/OfflineBanner';
import { useIdleSignOut } from '../ui/use-idle-sign-out';
import { ManagerSignIn } from './ManagerSignIn';
import { managerMessages } from './messages';
import { SECTIONS, sectionOf } from './sections';
import { errorKey, isSessionGone, MANAGER_KEYS, ManagerSessionContext, type ManagerSession } from './session';

// The console's words load with its code: kiosks, counters and hall screens never download them.
addAreaMessages(managerMessages);

/** A console left alone is signed out: it may sit on a desk in the public hall. */
const IDLE_SIGN_OUT_MS = 15 * 60 * 1000;

/**
 * The hall management console (/manager): a supervisor signs in (technicians look) and runs the
 * hall from its sections: the live floor, reports, the 差评 follow-up, notices and the rest
 * (`sections.ts`). Each section loads when opened; `/manager#<id>` opens one directly. Every
 * change goes through the host API, which checks the role again and audits it.
 */
export default function ManagerApp() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const [staff, setStaff] = useState<StaffPrincipal | null>(null);
  const [expired, setExpired] = useState(false);
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: 60_000 });
  const section = sectionOf(location.hash);

  const signOut = useCallback(
    (reason: 'user' | 'expired' | 'idle') => {
      void api.signOut();
      queryClient.removeQueries({ queryKey: MANAGER_KEYS.all });
      setStaff(null);
      setExpired(reason !== 'user');
    },
    [api, queryClient],
  );

  // Every section's data is under MANAGER_KEYS: after a reconnect (events may have been missed) all
  // of it is fetched again; each section listens for the events that concern it itself.
  const connected = useHallEvents(
    () => undefined,
    () => void refreshAfterEvent(queryClient, MANAGER_KEYS.all),
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
        if (
          e.type === 'updated' &&
          e.action.type === 'error' &&
          e.query.queryKey[0] === MANAGER_KEYS.all[0] &&
          isSessionGone(e.action.error)
        )
          signOut('expired');
      }),
    [queryClient, signOut],
  );

  const session = useMemo<ManagerSession | null>(
    () =>
      staff && {
        staff,
        canChange: staff.role === 'supervisor',
        timeZone: health.data?.timeZone,
        describeError: (error: unknown) => t(`manager.errors.${errorKey(error)}`),
        failed: (error: unknown) => {
          if (isSessionGone(error)) signOut('expired');
          return t(`manager.errors.${errorKey(error)}`);
        },
      },
    [staff, health.data?.timeZone, signOut, t],
  );

  return (
    <div className="mgr" lang={i18n.language}>
      <header className="mgr-header">
        <h1>{t('manager.title')}</h1>
        <span className="mgr-hall">{health.data?.hallName ?? ''}</span>
        {staff && (
          <span className="mgr-who" data-testid="mgr-who">
            {staff.name} · {staff.staffNo} · {t(`manager.roles.${staff.role}`)}
          </span>
        )}
        {staff && (
          <button type="button" className="mgr-header-button" onClick={() => signOut('user')}>
            {t('manager.signOut')}
          </button>
        )}
        <LanguageToggle />
      </header>
      <OfflineBanner connected={connected} />
      {session ? (
        <ManagerSessionContext.Provider value={session}>
          <nav className="mgr-nav" aria-label={t('manager.navLabel')}>
            {SECTIONS.map((s) => (
              <a
                key={s.id}
                href={`#${s.id}`}
                aria-current={section?.id === s.id ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate({ hash: s.id }, { replace: true });
                }}
              >
                {t(s.titleKey)}
              </a>
            ))}
          </nav>
          {!session.canChange && <p className="mgr-look-only">{t('manager.lookOnly')}</p>}
          <main className="mgr-main">
            {section ? (
              <Suspense fallback={<p className="mgr-muted">{t('manager.loading')}</p>}>
                <section.Screen />
              </Suspense>
            ) : (
              <p className="mgr-muted">{t('manager.noSections')}</p>
            )}
          </main>
        </ManagerSessionContext.Provider>
      ) : (
        <main className="mgr-main mgr-main-single">
          <ManagerSignIn
            notice={expired ? t('manager.signIn.expired') : null}
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
