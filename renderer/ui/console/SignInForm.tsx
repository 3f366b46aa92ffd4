import { type FormEvent, useState } from 'react';

/** Why a sign-in failed, each with its message `<console>.signIn.problems.<problem>`. */
export type SignInProblem = 'badCredentials' | 'badFormat' | 'lockedOut' | 'refused' | 'network' | 'generic';

/**
 * A server's refusal code as the form says it; the hall's host and the district platform answer
 * a sign-in with the same codes. Anything else, or no code (a bug of ours), reads as generic.
 */
export function signInProblemOf(code: string | undefined): SignInProblem {
  switch (code) {
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

/** The form's words, in the console's language. */
export interface SignInLabels {
  title: string;
  who: string;
  /** The name field: a staff number, a username. */
  name: string;
  /** The secret field: a PIN, a password. */
  secret: string;
  submit: string;
  /** The button while signing in. */
  busy: string;
}

export interface SignInFormProps {
  /** The console's prefix of ids and test ids (`mgr` → `mgr-sign-in-title`, `mgr-sign-in-error`). */
  idPrefix: string;
  labels: SignInLabels;
  /** Staff numbers and PINs are digits: a touch screen offers its number pad. */
  numeric: boolean;
  /** Why the form is shown again (the last session expired), or null. */
  notice: string | null;
  /**
   * Signs in with the name (trimmed) and the secret as typed: resolves with null once signed in,
   * or with why not (a rejection reads as generic: the caller names the failures it knows).
   */
  attempt: (name: string, secret: string) => Promise<SignInProblem | null>;
  /** A problem in the console's words; read while rendering, so it follows a language switch. */
  describe: (problem: SignInProblem, name: string) => string;
}

/**
 * The consoles' sign-in form, whoever checks the credentials: a name and a secret, the secret
 * emptied after every attempt (it never stays on a shared screen), and the refusal in words.
 */
export function SignInForm({ idPrefix, labels, numeric, notice, attempt, describe }: SignInFormProps) {
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [failure, setFailure] = useState<{ problem: SignInProblem; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputMode = numeric ? 'numeric' : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const trimmed = name.trim();
    let problem: SignInProblem | null;
    try {
      problem = await attempt(trimmed, secret);
    } catch {
      problem = 'generic';
    }
    setSecret('');
    setFailure(problem && { problem, name: trimmed });
    setBusy(false);
  };

  return (
    <form className="console-sign-in" onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-sign-in-title`}>
      <h2 id={`${idPrefix}-sign-in-title`}>{labels.title}</h2>
      <p className="console-muted">{labels.who}</p>
      {notice && (
        <p className="console-notice" role="status">
          {notice}
        </p>
      )}
      <label>
        {labels.name}
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" inputMode={inputMode} required />
      </label>
      <label>
        {labels.secret}
        <input
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="current-password"
          inputMode={inputMode}
          required
        />
      </label>
      {failure && (
        <p className="error" role="alert" data-testid={`${idPrefix}-sign-in-error`}>
          {describe(failure.problem, failure.name)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? labels.busy : labels.submit}
      </button>
    </form>
  );
}
