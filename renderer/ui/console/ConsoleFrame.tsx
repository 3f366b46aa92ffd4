import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../../contracts/auth';
import { ConsoleShell } from './ConsoleShell';
import { StaffSignIn } from './StaffSignIn';
import type { StaffConsole } from './use-staff-console';

/**
 * The frame of a hall staff console: the shared shell (ConsoleShell) with the hall's name, the
 * staff member signed in and the staff sign-in form. Its words are the console's own:
 * `<messages>.title`, `.signOut`, `.roles.<role>`, `.signIn.*`.
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
  const { t } = useTranslation();
  const { staff } = session;
  return (
    <ConsoleShell
      title={t(`${messages}.title`)}
      place={session.health.data?.hallName ?? ''}
      who={staff && `${staff.name} · ${staff.staffNo} · ${t(`${messages}.roles.${staff.role}`)}`}
      whoTestId={`${idPrefix}-who`}
      signOutLabel={t(`${messages}.signOut`)}
      onSignOut={() => session.signOut('user')}
      connected={session.connected}
      className={className}
      signIn={
        <StaffSignIn
          messages={messages}
          idPrefix={idPrefix}
          admit={admit}
          notice={session.expired ? t(`${messages}.signIn.expired`) : null}
          onSignedIn={session.signedIn}
        />
      }
    >
      {children}
    </ConsoleShell>
  );
}
