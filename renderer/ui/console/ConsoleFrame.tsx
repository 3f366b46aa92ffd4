import './console.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../../contracts/auth';
import { LanguageToggle } from '../LanguageToggle';
import { OfflineBanner } from '../OfflineBanner';
import { StaffSignIn } from './StaffSignIn';
import type { StaffConsole } from './use-staff-console';

/**
 * The frame of a staff console: the header (the console's name, the hall, who is signed in, sign
 * out, the language), the offline banner, and either the sign-in form or, once signed in, the
 * console's own nav and screens (`children`). Its words are the console's own: `<messages>.title`,
 * `.signOut`, `.roles.<role>`, `.signIn.*`.
 */
export function ConsoleFrame({
  session,
  messages,
  idPrefix,
  className,
  admit,
  children,
}: {
  session: StaffConsole;
  /** The console's message root (`manager`, `tech`). */
  messages: string;
  /** The console's prefix of test ids (`mgr` → `mgr-who`). */
  idPrefix: string;
  /** The console's own class on the root, which scopes its stylesheet. */
  className: string;
  /** Whether an account may use the console (see StaffSignIn). */
  admit: (staff: StaffPrincipal) => Promise<boolean>;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { staff } = session;
  return (
    <div className={`console ${className}`} lang={i18n.language}>
      <header className="console-header">
        <h1>{t(`${messages}.title`)}</h1>
        <span className="console-hall">{session.health.data?.hallName ?? ''}</span>
        {staff && (
          <span className="console-who" data-testid={`${idPrefix}-who`}>
            {staff.name} · {staff.staffNo} · {t(`${messages}.roles.${staff.role}`)}
          </span>
        )}
        {staff && (
          <button type="button" className="console-header-button" onClick={() => session.signOut('user')}>
            {t(`${messages}.signOut`)}
          </button>
        )}
        <LanguageToggle />
      </header>
      <OfflineBanner connected={session.connected} />
      {staff ? (
        children
      ) : (
        <main className="console-main console-main-single">
          <StaffSignIn
            messages={messages}
            idPrefix={idPrefix}
            admit={admit}
            notice={session.expired ? t(`${messages}.signIn.expired`) : null}
            onSignedIn={session.signedIn}
          />
        </main>
      )}
    </div>
  );
}
