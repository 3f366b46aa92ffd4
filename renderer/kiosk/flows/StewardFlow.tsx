import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { StewardProblem } from '../../../contracts/kiosk-prompts';
import type { IssueTicketResponse } from '../../../contracts/queue';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { useKioskSession } from '../shell/session';
import { TicketDone } from '../TicketDone';
import { hallDateTime } from './checkin/hall-time';
import { ScreenTop } from './screen-top';
import './StewardFlow.css';

/** The codes POST /steward-requests can answer with (host/cases/steward-desk.ts, host/queue/queue-service.ts). */
const KNOWN_ERRORS = ['steward_unavailable', 'service_closed', 'daily_limit_reached', 'slot_full', 'duplicate_ticket', 'network'];
const Closed = z.object({ nextOpening: z.iso.datetime().optional() });

interface Problem {
  key: string;
  next: 'next' | 'nextWhen';
  values: Record<string, string>;
}

/**
 * 服务管家: explains what a chief service steward does for an enterprise or citizen, then
 * issues a green-channel ticket in the steward queue; the steward calls it at their window.
 */
export default function StewardFlow() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const [issued, setIssued] = useState<IssueTicketResponse | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const timeZone = session.health?.timeZone;
  const { citizen, voice } = session;

  // Once, on entering the flow (a later language or voice change does not repeat it).
  const sayStart = useEffectEvent(() => voice.say({ key: 'stewardStart' }));
  useEffect(() => sayStart(), []);

  const request = async () => {
    setProblem(null);
    setBusy(true);
    try {
      // With a card on the reader the host keys the request to it: asking twice gives the same number.
      const result = await api.requestSteward();
      setIssued(result);
      session.setFinished(true);
      voice.say({ key: 'stewardDone', number: result.ticket.number });
    } catch (error) {
      const found = problemOf(error, timeZone, i18n.language);
      setProblem(found);
      voice.say({ key: 'stewardProblem', problem: StewardProblem.catch('generic').parse(found.key) });
    } finally {
      setBusy(false);
    }
  };

  if (issued) {
    return (
      <ScreenTop screen="done">
        <StewardDone
          issued={issued}
          onReprinted={(ticket, progressUrl) => setIssued({ ticket, progressUrl })}
          onFinish={() => void session.endSession()}
        />
      </ScreenTop>
    );
  }

  return (
    // The ticket opens at its top: the request button is at the foot of a long explanation.
    <ScreenTop screen="offer">
      <div className="steward">
        <section className="steward-hero" aria-labelledby="steward-hero-title">
          <span className="steward-badge" aria-hidden="true">
            {t('steward.badge')}
          </span>
          <div>
            <h3 id="steward-hero-title">{t('steward.heroTitle')}</h3>
            <p>{t('steward.heroText')}</p>
          </div>
        </section>
        <section className="steward-offers" aria-labelledby="steward-offers-title">
          <h3 id="steward-offers-title">{t('steward.offersTitle')}</h3>
          <ul>
            <li>
              <span className="steward-offer-icon" aria-hidden="true">
                {t('steward.startupIcon')}
              </span>
              <h4>{t('steward.startupTitle')}</h4>
              <p>{t('steward.startupText')}</p>
            </li>
            <li>
              <span className="steward-offer-icon" aria-hidden="true">
                {t('steward.approvalIcon')}
              </span>
              <h4>{t('steward.approvalTitle')}</h4>
              <p>{t('steward.approvalText')}</p>
            </li>
            <li>
              <span className="steward-offer-icon" aria-hidden="true">
                {t('steward.complaintIcon')}
              </span>
              <h4>{t('steward.complaintTitle')}</h4>
              <p>{t('steward.complaintText')}</p>
            </li>
          </ul>
        </section>
        <div className="steward-ask">
          <p className="steward-how">{t('steward.how')}</p>
          <p className="steward-card">{citizen ? t('steward.withCard') : t('steward.withoutCard')}</p>
          {problem && (
            <div className="steward-problem" role="alert" data-testid="steward-problem" data-code={problem.key}>
              <p className="steward-problem-title">{t(`steward.errors.${problem.key}.title`)}</p>
              <p>{t(`steward.errors.${problem.key}.${problem.next}`, problem.values)}</p>
            </div>
          )}
          <p className="steward-busy" role="status" aria-live="polite">
            {busy ? t('steward.busy') : ''}
          </p>
          <button type="button" className="primary big" disabled={busy} onClick={() => void request()}>
            {t('steward.request')}
          </button>
        </div>
      </div>
    </ScreenTop>
  );
}

/** The final screen: the steward ticket, its green-channel priority and where the steward calls it. */
function StewardDone({
  issued,
  onReprinted,
  onFinish,
}: {
  issued: IssueTicketResponse;
  onReprinted: (ticket: IssueTicketResponse['ticket'], progressUrl: string) => void;
  onFinish: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { ticket } = issued;
  // Which windows serve the steward queue: the line names them when the hall says so.
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });
  const numbers = (windows.data?.windows ?? [])
    .filter((w) => w.services.includes(ticket.serviceCode))
    .map((w) => w.number)
    .sort((a, b) => a - b);

  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="steward-done">
      <section className="steward-done-info" aria-labelledby="steward-done-title">
        <h3 id="steward-done-title" ref={heading} tabIndex={-1}>
          {t('steward.doneTitle')}
        </h3>
        {ticket.priorityClass === 'vip' && (
          <p className="steward-priority" data-testid="steward-priority">
            <strong>{t('steward.priority')}</strong>
            <span>{t('steward.priorityText')}</span>
          </p>
        )}
        <p className="steward-window" data-testid="steward-window">
          {numbers.length > 0
            ? t('steward.callAtWindow', { windows: numbers.join(t('steward.windowsJoin')) })
            : t('steward.callAtStewardWindow')}
        </p>
        <p className="steward-bring">{t('steward.bring')}</p>
      </section>
      <TicketDone ticket={ticket} progressUrl={issued.progressUrl} onReprinted={onReprinted} onFinish={onFinish} />
    </div>
  );
}

function problemOf(error: unknown, timeZone: string | undefined, locale: string): Problem {
  const code = error instanceof ApiClientError ? error.code : 'generic';
  if (!KNOWN_ERRORS.includes(code)) return { key: 'generic', next: 'next', values: {} };
  if (code === 'service_closed') {
    const parsed = Closed.safeParse(error instanceof ApiClientError ? error.details : undefined);
    const when = parsed.success ? parsed.data.nextOpening : undefined;
    if (when !== undefined) return { key: code, next: 'nextWhen', values: { when: hallDateTime(when, timeZone, locale) } };
  }
  return { key: code, next: 'next', values: {} };
}
