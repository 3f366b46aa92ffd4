import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_DIGITS, type StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { lockedUntilOf, signInErrorKey } from './desk-logic';

/** The window this browser last signed in at: a counter PC stays at one window, so it is the likely choice. */
const WINDOW_KEY = 'hall.counter.windowId';
/** The select's value for a supervisor signing in without taking a window (so no clerk is displaced). */
const AWAY = 'away';

function rememberedWindow(): number | null {
  try {
    const value = Number(window.localStorage.getItem(WINDOW_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    // Storage may be off in a locked-down browser; the first window is then preselected.
    return null;
  }
}

function rememberWindow(windowId: number): void {
  try {
    window.localStorage.setItem(WINDOW_KEY, String(windowId));
  } catch {
    // Nothing to do: the choice is merely not remembered.
  }
}

/** Staff sign in with staff number + PIN at the window they sit at. */
export function SignInForm({
  onSignedIn,
  notice,
  timeZone,
}: {
  onSignedIn: (staff: StaffPrincipal, windowId: number) => void;
  /** Why the previous session ended (signed out, expired, replaced at the window), if it did. */
  notice: string | null;
  timeZone: string;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const windows = useQuery({ queryKey: ['counter', 'windows'], queryFn: api.windows });
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [choice, setChoice] = useState<string>(() => String(rememberedWindow() ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const list = windows.data?.windows ?? [];
  const away = choice === AWAY;
  const chosen = list.find((w) => String(w.id) === choice)?.id ?? list[0]?.id ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen === null || busy) return;
    setError(null);
    setBusy(true);
    try {
      if (away) {
        const { staff } = await api.signInAway(staffNo.trim(), pin);
        if (staff.role !== 'supervisor') {
          // Only a supervisor may work without a window of their own; the session is not kept.
          await api.signOut();
          setError(t(staff.role === 'technician' ? 'counterUi.signInErrors.technician' : 'counterUi.signInErrors.windowNeeded'));
          setPin('');
          return;
        }
        onSignedIn(staff, chosen);
        return;
      }
      const { staff } = await api.signIn(staffNo.trim(), pin, chosen);
      rememberWindow(chosen);
      onSignedIn(staff, chosen);
    } catch (err) {
      const code = err instanceof ApiClientError ? err.code : 'generic';
      const until = code === 'locked_out' && err instanceof ApiClientError ? lockedUntilOf(err.details) : null;
      if (until) {
        const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(until);
        setError(t('counterUi.signInErrors.lockedOut', { time }));
      } else {
        setError(t(code === 'locked_out' ? 'counterUi.signInErrors.lockedOutNoTime' : signInErrorKey(code), PIN_DIGITS));
      }
      // A wrong PIN is typed again from scratch.
      setPin('');
      pinInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cd-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="cd-sign-in-heading" data-testid="sign-in">
      <h2 id="cd-sign-in-heading">{t('counterUi.signIn.heading')}</h2>
      {notice && (
        <p className="cd-note" role="status" data-testid="session-notice">
          {notice}
        </p>
      )}
      <label>
        {t('counterUi.signIn.staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          // The first thing a clerk does at the start of the day: no click needed.
          autoFocus
          required
          maxLength={20}
        />
      </label>
      <label>
        {t('counterUi.signIn.pin')}
        <input
          ref={pinInput}
          type="password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="current-password"
          inputMode="numeric"
          required
          maxLength={12}
        />
      </label>
      <label>
        {t('counterUi.signIn.window')}
        <select value={away ? AWAY : (chosen ?? '')} onChange={(e) => setChoice(e.target.value)} disabled={list.length === 0}>
          {list.length === 0 && <option value="">{t('counterUi.signIn.loadingWindows')}</option>}
          {list.map((w) => {
            const label = `${w.number} · ${w.name}`;
            return (
              <option key={w.id} value={w.id}>
                {w.staffName ? t('counterUi.signIn.occupied', { window: label, name: w.staffName }) : label}
              </option>
            );
          })}
          {list.length > 0 && <option value={AWAY}>{t('counterUi.signIn.away')}</option>}
        </select>
      </label>
      {error && (
        <p className="cd-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" className="cd-primary" disabled={busy || chosen === null}>
        {busy ? t('counterUi.signIn.busy') : t('counterUi.signIn.submit')}
      </button>
      <p className="cd-hint">{t('counterUi.signIn.hint')}</p>
    </form>
  );
}
