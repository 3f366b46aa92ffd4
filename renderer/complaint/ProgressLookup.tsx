import { type FormEvent, useState } from 'react';
import { ProgressLookupRequest, type PublicComplaintProgress } from '../../contracts/platform-public-complaints';
import { formatInstant } from '../i18n/date-time';
import { fill, type Language, type PageMessages } from './messages';
import type { PublicClient } from './public-client';
import { DISTRICT_ZONE, dueDay } from './due-day';

/**
 * A complaint's progress by its number and the phone it was filed with (the platform answers a
 * wrong phone as an unknown number): its stage and every public step in the words the kiosk's
 * progress page uses. Filled with the number just received, so the enterprise sees how to use it.
 */
export function ProgressLookup({
  client,
  m,
  language,
  number,
}: {
  client: PublicClient;
  m: PageMessages;
  language: Language;
  number: string;
}) {
  const [looking, setLooking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<PublicComplaintProgress | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const request = ProgressLookupRequest.safeParse({
      number: String(form.get('number') ?? '')
        .trim()
        .toUpperCase(),
      phone: String(form.get('phone') ?? '').trim(),
    });
    if (!request.success) {
      setProgress(null);
      return setProblem(m.notFound);
    }
    setLooking(true);
    const answer = await client.progress(request.data);
    setLooking(false);
    if (answer.ok) {
      setProblem(null);
      return setProgress(answer.value);
    }
    setProgress(null);
    setProblem(
      answer.code === 'complaint_not_found' || answer.code === 'invalid_request'
        ? m.notFound
        : answer.code === 'rate_limited'
          ? fill(m.lookupLimited, { minutes: Math.max(1, Math.ceil((answer.retryAfterSeconds ?? 60) / 60)) })
          : answer.code === 'network'
            ? m.offline
            : m.failed,
    );
  };

  return (
    <section aria-labelledby="pc-progress-title" className="pc-progress">
      <h2 id="pc-progress-title">{m.progressTitle}</h2>
      <form className="pc-form pc-inline" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pc-progress-title">
        <div className="pc-field">
          <label htmlFor="pc-lookup-number">{m.number}</label>
          <input id="pc-lookup-number" name="number" defaultValue={number} maxLength={24} autoComplete="off" spellCheck={false} />
        </div>
        <div className="pc-field">
          <label htmlFor="pc-lookup-phone">{m.phone}</label>
          <input id="pc-lookup-phone" name="phone" type="tel" maxLength={20} autoComplete="tel" />
        </div>
        <button type="submit" className="pc-primary" disabled={looking}>
          {looking ? m.looking : m.lookup}
        </button>
      </form>
      {problem && (
        <p className="pc-error" role="alert">
          {problem}
        </p>
      )}
      {progress && (
        <div data-testid="pc-progress" role="status">
          <p>
            <strong>{progress.number}</strong> · {fill(m.stage, { stage: m.stages[progress.stage] })}
          </p>
          <p>{fill(m.closeDue, { due: dueDay(progress.closeDueAt, language) })}</p>
          <h3>{m.steps}</h3>
          <ol className="pc-steps">
            {progress.steps.map((step) => (
              <li key={`${step.at}-${step.action}`}>
                <time dateTime={step.at}>{formatInstant(step.at, DISTRICT_ZONE, language)}</time>{' '}
                {step.note ?? m.actions[step.action] ?? m.stepOther}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
