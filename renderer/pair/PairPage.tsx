import { useState, type FormEvent } from 'react';
import { BrowserTerminalKind } from '../../contracts/pairing';
import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { LanguageToggle } from '../ui/LanguageToggle';
import './PairPage.css';

const KNOWN = ['pairing_invalid', 'locked_out', 'invalid_request', 'window_unknown', 'network'];

/** Where each kind of terminal goes once paired. */
const START_PAGE: Record<BrowserTerminalKind, string> = { counter: '/counter', display: '/display', evaluator: '/rate' };

/**
 * /pair: a browser on the hall LAN (a counter PC, a screen's player, a rating pad) says what it is
 * and claims a code a technician created; the host answers with an HttpOnly cookie that opens to
 * it what its kind may do (a hall TV reads the board only).
 */
export function PairPage() {
  const api = useApi();
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BrowserTerminalKind>('counter');
  /** A rating pad's window number, as typed (only the evaluator kind has one). */
  const [windowText, setWindowText] = useState('');
  const [state, setState] = useState<'idle' | 'working' | 'done'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setState('working');
    try {
      await api.claimPairing({
        code: code.trim(),
        name: name.trim(),
        kind,
        // A rating pad belongs to one window: that window's ratings, and no other's, come to it.
        ...(kind === 'evaluator' ? { windowNumber: Number(windowText) } : {}),
      });
      setState('done');
    } catch (e) {
      const found = e instanceof ApiClientError ? e.code : 'generic';
      setProblem(t(`pair.errors.${KNOWN.includes(found) ? found : 'generic'}`));
      setState('idle');
    }
  };

  return (
    <main className="pair-page">
      <header>
        <h1>{t('pair.title')}</h1>
        <LanguageToggle />
      </header>
      {state === 'done' ? (
        <section aria-live="polite">
          <p className="pair-done">{t('pair.done')}</p>
          <p className="pair-links">
            <a href={START_PAGE[kind]}>{t(`pair.go.${kind}`)}</a>
          </p>
        </section>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('pair.intro')}</p>
          <label>
            {t('pair.code')}
            <input
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              pattern="\d{6}"
            />
          </label>
          <label>
            {t('pair.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('pair.namePlaceholder')}
              maxLength={64}
              required
            />
          </label>
          <fieldset className="pair-kind">
            <legend>{t('pair.kind')}</legend>
            {BrowserTerminalKind.options.map((option) => (
              <label key={option}>
                <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
                {t(`pair.kinds.${option}`)}
              </label>
            ))}
          </fieldset>
          {kind === 'evaluator' && (
            <div className="pair-window">
              <label>
                {t('pair.windowNumber')}
                <input
                  value={windowText}
                  onChange={(e) => setWindowText(e.target.value.replace(/\D/g, '').slice(0, 4))}
                  inputMode="numeric"
                  required
                  pattern="[1-9]\d*"
                  aria-describedby="pair-window-hint"
                />
              </label>
              <p id="pair-window-hint" className="pair-hint">
                {t('pair.windowNumberHint')}
              </p>
            </div>
          )}
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={state === 'working'}>
            {state === 'working' ? t('pair.working') : t('pair.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
