import './console.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../LanguageToggle';
import { OfflineBanner } from '../OfflineBanner';

export interface ConsoleShellProps {
  /** The console's name, in the header. */
  title: string;
  /** Where it runs (the hall's name, the district's), beside the title. */
  place: string;
  /** Who is signed in as the header says it, or null before sign-in. */
  who: string | null;
  /** The test id of the `who` line (`mgr-who`, `dst-who`). */
  whoTestId: string;
  signOutLabel: string;
  onSignOut: () => void;
  /** Whether the console reaches its server (the offline banner otherwise). */
  connected: boolean;
  /** The console's own class on the root, which scopes its stylesheet. */
  className: string;
  /** The sign-in form, shown while nobody is signed in. */
  signIn: ReactNode;
  /** The console's nav and screens, once signed in. */
  children: ReactNode;
}

/**
 * The look every console shares, whoever it signs in and against which server: the header (name,
 * place, who, sign out, language), the offline banner, then the sign-in form or the console. The
 * hall's staff consoles use it through ConsoleFrame; the district console (renderer/district/)
 * directly, with its own session and sign-in.
 */
export function ConsoleShell(props: ConsoleShellProps) {
  const { i18n } = useTranslation();
  const signedIn = props.who !== null;
  return (
    <div className={`console ${props.className}`} lang={i18n.language}>
      <header className="console-header">
        <h1>{props.title}</h1>
        <span className="console-hall">{props.place}</span>
        {signedIn && (
          <span className="console-who" data-testid={props.whoTestId}>
            {props.who}
          </span>
        )}
        {signedIn && (
          <button type="button" className="console-header-button" onClick={props.onSignOut}>
            {props.signOutLabel}
          </button>
        )}
        <LanguageToggle />
      </header>
      <OfflineBanner connected={props.connected} />
      {signedIn ? props.children : <main className="console-main console-main-single">{props.signIn}</main>}
    </div>
  );
}
