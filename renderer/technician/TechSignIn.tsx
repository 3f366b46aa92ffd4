import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_DIGITS, type StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { TECH_KEYS } from './session';

type Problem = 'badCredentials' | 'badFormat' | 'lockedOut' | 'forbidden' | 'network' | 'generic';

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
      return 'forbidden';
    case 'network':
      return 'network';
    default:
      return 'generic';
  }
}

/**
 * Staff number + PIN, away from any window. Whether the account may use the console is the
 * host's call: the device list is read straight away, and an account it refuses (403, e.g. a
 * window clerk) is signed out again with the refusal shown.
 */
export function TechSignIn({ onSignedIn, notice }: { onSignedIn: (staff: StaffPrincipal) => void; notice: string | null }) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<{ kind: Problem; staffNo: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { staff } = await api.signInAway(staffNo.trim(), pin);
      try {
        queryClient.setQueryData(TECH_KEYS.devices, await api.devices());
      } catch (error) {
        await api.signOut();
        throw error;
      }
      setPin('');
      onSignedIn(staff);
    } catch (error) {
      setPin('');
      setProblem({ kind: problemOf(error), staffNo: staffNo.trim() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tech-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="tech-sign-in-title">
      <h2 id="tech-sign-in-title">{t('tech.signIn.title')}</h2>
      <p className="tech-muted">{t('tech.signIn.who')}</p>
      {notice && (
        <p className="tech-notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {t('tech.signIn.staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
          inputMode="numeric"
          required
        />
      </label>
      <label>
        {t('tech.signIn.pin', PIN_DIGITS)}
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
        <p className="error" role="alert" data-testid="tech-sign-in-error">
          {t(`tech.signIn.problems.${problem.kind}`, { staffNo: problem.staffNo, ...PIN_DIGITS })}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('tech.signIn.submit')}
      </button>
    </form>
  );
}
