import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';

/** Staff sign in with staff number + PIN at the window they sit at. */
export function SignInForm({ onSignedIn }: { onSignedIn: (staff: StaffPrincipal, windowId: number) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [windowId, setWindowId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = windowId ?? windows.data?.windows[0]?.id ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen === null) return;
    setError(null);
    try {
      const { staff } = await api.signIn(staffNo, pin, chosen);
      setPin('');
      onSignedIn(staff, chosen);
    } catch (err) {
      const code = err instanceof ApiClientError ? err.code : 'generic';
      setError(
        t(code === 'locked_out' ? 'counter.lockedOut' : code === 'network' ? 'kiosk.errors.network' : 'counter.badCredentials'),
      );
    }
  };

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <h2>{t('counter.signIn')}</h2>
      <label>
        {t('counter.staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
          inputMode="numeric"
          required
        />
      </label>
      <label>
        {t('counter.pin')}
        <input
          type="password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="current-password"
          inputMode="numeric"
          required
        />
      </label>
      <label>
        {t('counter.chooseWindow')}
        <select value={chosen ?? ''} onChange={(e) => setWindowId(Number(e.target.value))}>
          {windows.data?.windows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.number} · {w.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('counter.signInButton')}
      </button>
    </form>
  );
}
