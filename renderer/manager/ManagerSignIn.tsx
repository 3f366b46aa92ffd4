import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_DIGITS, type StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';

type Problem = 'badCredentials' | 'badFormat' | 'lockedOut' | 'refused' | 'network' | 'generic';

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiClientError)) return 'generic';
  switch (error.code) {
    case 'unauthorized':
      return 'badCredentials';
    case 'invalid_request':
      return 'badFormat';
    case 'locked_out':
      return 'lockedOut';
    case 'forbidden':
      return 'refused';
    case 'network':
      return 'network';
    default:
      return 'generic';
  }
}

/**
 * Staff number + PIN, away from any window. A window clerk's account is signed out again at once
 * with the refusal shown: the console is the supervisors' (technicians look), and every operation
 * behind it checks the role again on the host.
 */
export function ManagerSignIn({ onSignedIn, notice }: { onSignedIn: (staff: StaffPrincipal) => void; notice: string | null }) {
  const api = useApi();
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<{ kind: Problem; staffNo: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const number = staffNo.trim();
    try {
      const { staff } = await api.signInAway(number, pin);
      setPin('');
      if (staff.role === 'staff') {
        await api.signOut();
        setProblem({ kind: 'refused', staffNo: number });
        return;
      }
      onSignedIn(staff);
    } catch (error) {
      setPin('');
      setProblem({ kind: problemOf(error), staffNo: number });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mgr-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="mgr-sign-in-title">
      <h2 id="mgr-sign-in-title">{t('manager.signIn.title')}</h2>
      <p className="mgr-muted">{t('manager.signIn.who')}</p>
      {notice && (
        <p className="mgr-notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('manager.signIn.staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
          inputMode="numeric"
          required
        />
      </label>
      <label>
        {t('manager.signIn.pin', PIN_DIGITS)}
        <input
          type="password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="current-password"
          inputMode="numeric"
          required
        />
      </label>
      {problem && (
        <p className="error" role="alert" data-testid="mgr-sign-in-error">
          {t(`manager.signIn.${problem.kind}`, { staffNo: problem.staffNo, ...PIN_DIGITS })}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('manager.signIn.busy') : t('manager.signIn.submit')}
      </button>
    </form>
  );
}
