import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictStaff } from '../../contracts/platform-console';
import { DistrictClientError } from './district-client';
import { useDistrictClient } from './session';

type Problem = 'badCredentials' | 'badFormat' | 'lockedOut' | 'network' | 'generic';

function problemOf(error: unknown): Problem {
  if (!(error instanceof DistrictClientError)) return 'generic';
  switch (error.code) {
    case 'unauthorized':
      return 'badCredentials';
    case 'invalid_request':
      return 'badFormat';
    case 'locked_out':
      return 'lockedOut';
    case 'network':
      return 'network';
    default:
      return 'generic';
  }
}

/**
 * District staff sign in with their username and password (the consoles' sign-in form, as the
 * hall's StaffSignIn looks). The platform answers a wrong password and an unknown name alike and
 * locks a name after repeated failures; the form says which of those happened, nothing more.
 */
export function DistrictSignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (staff: DistrictStaff) => void }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await client.signIn(username.trim().toLowerCase(), password);
      setPassword('');
      onSignedIn(session.staff);
    } catch (error) {
      setPassword('');
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="console-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="dst-sign-in-title">
      <h2 id="dst-sign-in-title">{t('district.signIn.title')}</h2>
      <p className="console-muted">{t('district.signIn.who')}</p>
      {notice && (
        <p className="console-notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('district.signIn.username')}
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        {t('district.signIn.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {problem && (
        <p className="error" role="alert" data-testid="dst-sign-in-error">
          {t(`district.signIn.problems.${problem}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('district.signIn.busy') : t('district.signIn.submit')}
      </button>
    </form>
  );
}
