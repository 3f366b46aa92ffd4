import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ComplaintTopic } from '../../contracts/complaints';
import { creditCodeProgress } from '../../contracts/credit-code';
import { WebComplaintRequest, type WebComplaintReceipt } from '../../contracts/platform-complaints';
import type { PublicComplaintAreas } from '../../contracts/platform-public-complaints';
import { checkComplaintForm, type ComplaintFormField, type FieldProblem } from '../ui/complaint-form';
import { fill, PAGE_MESSAGES, type Language, type PageMessages } from './messages';
import type { PublicClient } from './public-client';
import { dueDay } from './due-day';
import { ProgressLookup } from './ProgressLookup';

type Problems = Partial<Record<ComplaintFormField, FieldProblem>>;

/** Why a submission failed, in words. */
export function failureText(m: PageMessages, code: string, retryAfterSeconds: number | null): string {
  if (code === 'rate_limited') return fill(m.rateLimited, { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) });
  return code === 'network' ? m.offline : m.failed;
}

function codeHint(m: PageMessages, typed: string): { text: string; bad: boolean } {
  const progress = creditCodeProgress(typed);
  switch (progress.kind) {
    case 'empty':
      return { text: m.codeEmpty, bad: false };
    case 'typing':
      return { text: fill(m.codeTyping, { length: progress.length }), bad: false };
    case 'bad_character':
      return { text: fill(m.codeBadCharacter, { position: progress.position, character: progress.character }), bad: true };
    case 'too_long':
      return { text: fill(m.codeTooLong, { length: progress.length }), bad: true };
    case 'check_mismatch':
      return { text: m.codeCheckMismatch, bad: true };
    case 'valid':
      return { text: m.codeValid, bad: false };
  }
}

/** The receipt: the number to keep, the 办结期限, and how to follow it. */
function Receipt({
  m,
  language,
  receipt,
  onAnother,
}: {
  m: PageMessages;
  language: Language;
  receipt: WebComplaintReceipt;
  onAnother: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The receipt replaces the form: move the reader to it, as a screen reader user would not see it change.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="pc-receipt" aria-labelledby="pc-receipt-title" data-testid="pc-receipt">
      <h2 id="pc-receipt-title" ref={heading} tabIndex={-1}>
        {m.received} <span data-testid="pc-number">{receipt.number}</span>
      </h2>
      <p>{m.keepNumber}</p>
      <p>{fill(m.closeDue, { due: dueDay(receipt.closeDueAt, language) })}</p>
      <button type="button" className="pc-secondary" onClick={onAnother}>
        {m.another}
      </button>
    </section>
  );
}

/**
 * The public 营商诉求 form (/complaint on the platform's origin), for an enterprise without a
 * kiosk: the fields the platform's `WebComplaintRequest` takes, checked with that schema before
 * sending (the credit code also as it is typed), the number and 办结期限 once filed, and the
 * lookup of a complaint's progress by its number and phone. No account, nothing kept in the browser.
 */
export function PublicComplaintPage({ client }: { client: PublicClient }) {
  const [language, setLanguage] = useState<Language>('zh-CN');
  const m = PAGE_MESSAGES[language];
  const [areas, setAreas] = useState<PublicComplaintAreas['areas']>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [creditCode, setCreditCode] = useState('');
  const [textLength, setTextLength] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<WebComplaintReceipt | null>(null);
  const ids = { hint: useId(), error: useId(), textHint: useId() };

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = m.title;
  }, [language, m.title]);
  useEffect(() => {
    void client.areas().then((answer) => {
      // Without the list the form still works: the area is optional, the 营商局 places the complaint.
      if (answer.ok) setAreas(answer.value.areas);
    });
  }, [client]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const check = checkComplaintForm(WebComplaintRequest, new FormData(form), { creditCodeOptional: false });
    if (!check.ok) {
      setProblems(check.problems);
      form.querySelector<HTMLElement>(`[name="${check.first}"]`)?.focus();
      return;
    }
    setProblems({});
    setFailure(null);
    setSending(true);
    const answer = await client.submit(check.request);
    setSending(false);
    if (answer.ok) {
      setReceipt(answer.value);
      setCreditCode('');
      setTextLength(0);
    } else if (answer.code === 'unit_not_found') setProblems({ area: 'invalid' });
    else setFailure(failureText(m, answer.code, answer.retryAfterSeconds));
  };

  const field = (
    name: ComplaintFormField,
    label: string,
    required: boolean,
    control: (a: object) => ReactNode,
    hint?: ReactNode,
  ) => {
    const problem = problems[name];
    const errorId = `${ids.error}-${name}`;
    const describedBy = [problem ? errorId : '', name === 'creditCode' ? ids.hint : '', name === 'text' ? ids.textHint : '']
      .filter((id) => id !== '')
      .join(' ');
    const aria = { ...(problem ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
    return (
      <div className="pc-field">
        <label htmlFor={`pc-${name}`}>
          {label}
          {required ? ' *' : ''}
        </label>
        {control({ id: `pc-${name}`, name, ...(required ? { 'aria-required': true } : {}), ...aria })}
        {hint}
        {problem && (
          <p className="pc-error" id={errorId} role="alert">
            {problem === 'required' ? m.problemRequired : m.problems[name]}
          </p>
        )}
      </div>
    );
  };

  const hint = codeHint(m, creditCode);
  return (
    <main className="pc-page">
      <header className="pc-head">
        <h1>{m.title}</h1>
        <button
          type="button"
          className="pc-secondary"
          lang={language === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          {m.language}
        </button>
      </header>
      <p>{m.intro}</p>

      {receipt !== null ? (
        <Receipt m={m} language={language} receipt={receipt} onAnother={() => setReceipt(null)} />
      ) : (
        <section aria-labelledby="pc-form-title">
          <h2 id="pc-form-title">{m.formTitle}</h2>
          <p className="pc-muted">{m.required}</p>
          <form className="pc-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pc-form-title">
            {field('enterpriseName', m.enterpriseName, true, (a) => (
              <input {...a} maxLength={100} autoComplete="organization" />
            ))}
            {field(
              'creditCode',
              m.creditCode,
              true,
              (a) => (
                <input
                  {...a}
                  maxLength={24}
                  autoComplete="off"
                  spellCheck={false}
                  value={creditCode}
                  onChange={(e) => setCreditCode(e.target.value)}
                />
              ),
              <p id={ids.hint} className={hint.bad ? 'pc-hint pc-bad' : 'pc-hint'} aria-live="polite" data-testid="pc-code-hint">
                {hint.text}
              </p>,
            )}
            {field('contactName', m.contactName, true, (a) => (
              <input {...a} maxLength={40} autoComplete="name" />
            ))}
            {field('phone', m.phone, true, (a) => (
              <input {...a} type="tel" maxLength={20} autoComplete="tel" />
            ))}
            {field('topic', m.topic, true, (a) => (
              <select {...a} defaultValue="">
                <option value="">{m.pickTopic}</option>
                {ComplaintTopic.options.map((topic) => (
                  <option key={topic} value={topic}>
                    {m.topics[topic]}
                  </option>
                ))}
              </select>
            ))}
            {field('area', m.area, false, (a) => (
              <select {...a} defaultValue="">
                <option value="">{m.noArea}</option>
                {areas.map((area) => (
                  <option key={area.code} value={area.code}>
                    {area.name}
                  </option>
                ))}
              </select>
            ))}
            {field(
              'text',
              m.text,
              true,
              (a) => (
                <textarea {...a} rows={7} maxLength={4000} onChange={(e) => setTextLength(e.target.value.trim().length)} />
              ),
              <p id={ids.textHint} className="pc-hint">
                {fill(m.textHint, { count: textLength })}
              </p>,
            )}
            <p className="pc-muted">{m.privacy}</p>
            {failure && (
              <p className="pc-error" role="alert">
                {failure}
              </p>
            )}
            <button type="submit" className="pc-primary" disabled={sending}>
              {sending ? m.submitting : m.submit}
            </button>
          </form>
        </section>
      )}

      <ProgressLookup key={receipt?.number ?? 'none'} client={client} m={m} language={language} number={receipt?.number ?? ''} />
    </main>
  );
}
