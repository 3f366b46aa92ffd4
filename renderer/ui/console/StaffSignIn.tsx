import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_DIGITS, type StaffPrincipal } from '../../../contracts/auth';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';

/** Why a sign-in failed, each with its message `<console>.signIn.problems.<problem>`. */
export type SignInProblem = 'badCredentials' | 'badFormat' | 'lockedOut' | 'refused' | 'network' | 'generic';

function problemOf(error: unknown): SignInProblem {
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

export interface StaffSignInProps {
  /**
   * The console's message root (`manager`, `tech`): the form reads `<root>.signIn.title`, `who`,
   * `staffNo`, `pin`, `submit`, `busy` (the button while signing in) and `problems.<problem>`.
   */
  messages: string;
  /** The console's prefix of ids and test ids (`mgr` → `mgr-sign-in-error`). */
  idPrefix: string;
  /**
   * Whether this account may use the console, asked once signed in. False, or a refusal of the
   * host (e.g. 403 on the first read), signs the session out again with the refusal shown; every
   * operation behind the console checks the role again on the host all the same.
   */
  admit: (staff: StaffPrincipal) => Promise<boolean>;
  onSignedIn: (staff: StaffPrincipal) => void;
  /** Why the form is shown again (the last session expired), or null. */
  notice: string | null;
}

/** Staff number + PIN, away from any window: the sign-in of the staff consoles. */
export function StaffSignIn({ messages, idPrefix, admit, onSignedIn, notice }: StaffSignInProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<{ kind: SignInProblem; staffNo: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const text = (key: string) => t(`${messages}.signIn.${key}`, PIN_DIGITS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const number = staffNo.trim();
    try {
      const { staff } = await api.signInAway(number, pin);
      let admitted: boolean;
      try {
        admitted = await admit(staff);
      } catch (error) {
        await api.signOut();
        throw error;
      }
      setPin('');
      if (!admitted) {
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
    <form className="console-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-sign-in-title`}>
      <h2 id={`${idPrefix}-sign-in-title`}>{text('title')}</h2>
      <p className="console-muted">{text('who')}</p>
      {notice && (
        <p className="console-notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {text('staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
          inputMode="numeric"
          required
        />
      </label>
      <label>
        {text('pin')}
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
        <p className="error" role="alert" data-testid={`${idPrefix}-sign-in-error`}>
          {t(`${messages}.signIn.problems.${problem.kind}`, { staffNo: problem.staffNo, ...PIN_DIGITS })}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? text('busy') : text('submit')}
      </button>
    </form>
  );
}
