import './manager.css';
import { Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { StaffPrincipal } from '../../contracts/auth';
import { addAreaMessages } from '../i18n';
import { ConsoleFrame } from '../ui/console/ConsoleFrame';
import { useStaffConsole } from '../ui/console/use-staff-console';
import { managerMessages } from './messages';
import { SECTIONS, sectionOf } from './sections';
import { errorKey, MANAGER_KEYS, ManagerSessionContext, type ManagerSession } from './session';

// The console's words load with its code: kiosks, counters and hall screens never download them.
addAreaMessages(managerMessages);

/** A console left alone is signed out: it may sit on a desk in the public hall. */
const IDLE_SIGN_OUT_MS = 15 * 60 * 1000;

/** The console is the supervisors' (technicians look): a window clerk is signed out again at once. */
const admit = (staff: StaffPrincipal) => Promise.resolve(staff.role !== 'staff');

/**
 * The hall management console (/manager): a supervisor signs in (technicians look) and runs the
 * hall from its sections: the live floor, reports, the 差评 follow-up, notices and the rest
 * (`sections.ts`). Each section loads when opened; `/manager#<id>` opens one directly. Every
 * change goes through the host API, which checks the role again and audits it.
 */
export default function ManagerApp() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Every section's data is under MANAGER_KEYS; each section listens for the events that concern it itself.
  const frame = useStaffConsole({ queryRoot: MANAGER_KEYS.all[0], idleSignOutMs: IDLE_SIGN_OUT_MS });
  const section = sectionOf(location.hash);
  const { staff, failed } = frame;
  const timeZone = frame.health.data?.timeZone;
  const describeError = useCallback((error: unknown) => t(`manager.errors.${errorKey(error)}`), [t]);

  const session = useMemo<ManagerSession | null>(
    () =>
      staff && {
        staff,
        canChange: staff.role === 'supervisor',
        timeZone,
        describeError,
        failed: (error: unknown) => failed(error, describeError),
      },
    [staff, timeZone, describeError, failed],
  );

  return (
    <ConsoleFrame session={frame} messages="manager" idPrefix="mgr" className="mgr console-desk" admit={admit}>
      {session && (
        <ManagerSessionContext.Provider value={session}>
          <nav className="console-nav" aria-label={t('manager.navLabel')}>
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
          {!session.canChange && <p className="console-look-only">{t('manager.lookOnly')}</p>}
          <main className="console-main">
            {section ? (
              <Suspense fallback={<p className="console-muted">{t('manager.loading')}</p>}>
                <section.Screen />
              </Suspense>
            ) : (
              <p className="console-muted">{t('manager.noSections')}</p>
            )}
          </main>
        </ManagerSessionContext.Provider>
      )}
    </ConsoleFrame>
  );
}
