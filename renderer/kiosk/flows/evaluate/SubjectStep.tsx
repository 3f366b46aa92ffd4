import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseNumber } from '../../../../contracts/central-api';
import type { Ticket } from '../../../../contracts/queue';
import { useApi } from '../../../api/context';
import { KioskField } from '../../../ui/keyboard/KioskField';
import { useKeyboard } from '../../../ui/keyboard/keyboard-context';
import { useKioskSession } from '../../shell/session';
import { useKioskEvents } from '../../shell/use-kiosk-events';
import { normaliseCode, problemOf, type EvaluateProblem, type Subject } from './types';

type Mode = 'ticket' | 'case';

/** The ticket's QR code links to /ticket/<id>?k=<tag>: the id and the tag that proves it was on the paper. */
const TICKET_LINK = /\/ticket\/(\d+)\?(?:.*&)?k=([A-Za-z0-9_-]{8,64})/;

/**
 * 评价什么: the service at a window (the ticket, scanned from its QR code) or a case (its receipt
 * number, or one of the card holder's own cases). A ticket is rated only from its QR code: its
 * key is the proof of holding the paper, so nobody rates a service someone else received by
 * typing its number (issue 18). Only finished tickets can be rated.
 */
export function SubjectStep({ onChosen }: { onChosen: (subject: Subject) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useKioskSession();
  const keyboard = useKeyboard();
  const [mode, setMode] = useState<Mode>('ticket');
  const [caseText, setCaseText] = useState('');
  const [problem, setProblem] = useState<EvaluateProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const hasCard = session.citizen !== null;
  const mine = useQuery({ queryKey: ['myCases'], queryFn: api.myCases, enabled: hasCard, retry: false });
  // Only cases with a number can be rated (the central API files ratings by case number).
  const rateable = (mine.data?.cases ?? []).flatMap((c) =>
    c.caseNumber === null ? [] : [{ id: c.id, itemName: c.itemName, caseNumber: c.caseNumber }],
  );

  const choose = (subject: Subject) => {
    keyboard.close();
    onChosen(subject);
  };

  const fromTicket = (ticket: Ticket, ticketKey: string) => {
    // Only a finished service is rated (the host says the same): its window and clerk are on record.
    if (ticket.windowNumber === null || ticket.status !== 'finished') {
      setProblem('not_served');
      return;
    }
    choose({
      kind: 'ticket',
      ticketId: ticket.id,
      ticketKey,
      ticketNumber: ticket.number,
      serviceName: ticket.serviceName,
      windowNumber: ticket.windowNumber,
    });
  };

  const run = async (work: () => Promise<void>) => {
    setProblem(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  // The paper ticket under the scanner: the surest way to name the service just received.
  useKioskEvents((event) => {
    if (event.type !== 'scanner.scanned') return false;
    const link = TICKET_LINK.exec(event.code);
    if (!link?.[1] || !link[2]) return false;
    const [ticketId, key] = [Number(link[1]), link[2]];
    session.keepAlive();
    setMode('ticket');
    void run(async () => fromTicket((await api.ticketProgress(ticketId, key)).ticket, key));
    return true;
  });

  const findCase = (event: FormEvent) => {
    event.preventDefault();
    if (!CaseNumber.safeParse(caseText).success) {
      setProblem('bad_case_format');
      return;
    }
    void run(async () => {
      const found = await api.caseProgress(caseText);
      choose({ kind: 'case', caseNumber: found.caseNumber, itemName: found.itemName });
    });
  };

  const switchTo = (next: Mode) => {
    keyboard.close();
    setProblem(null);
    setMode(next);
  };

  return (
    <div className="evaluate-subject">
      <p className="evaluate-intro">{t('evaluate.intro')}</p>
      <div className="evaluate-modes" role="group" aria-label={t('evaluate.whatToRate')}>
        <button type="button" aria-pressed={mode === 'ticket'} onClick={() => switchTo('ticket')}>
          <span className="mode-title">{t('evaluate.rateWindow')}</span>
          <span className="mode-hint">{t('evaluate.rateWindowHint')}</span>
        </button>
        <button type="button" aria-pressed={mode === 'case'} onClick={() => switchTo('case')}>
          <span className="mode-title">{t('evaluate.rateCase')}</span>
          <span className="mode-hint">{t('evaluate.rateCaseHint')}</span>
        </button>
      </div>

      {mode === 'ticket' ? (
        <div className="evaluate-find">
          <div className="scan-hint">
            <span className="scan-icon" aria-hidden="true" />
            <p>{t('evaluate.scanTicket')}</p>
          </div>
          <p className="evaluate-or">{t('evaluate.scanOnly')}</p>
        </div>
      ) : (
        <div className="evaluate-find">
          {/* The field first: the docked keyboard opens under it, and the card's own cases below
              must never push the field and its button under the keyboard. */}
          <form className="evaluate-form" onSubmit={findCase} noValidate>
            <KioskField
              label={t('evaluate.caseNumber')}
              name="caseNumber"
              layout="latin"
              maxLength={24}
              value={caseText}
              onChange={(v) => {
                setCaseText(normaliseCode(v));
                setProblem(null);
              }}
              hint={t('evaluate.caseNumberHint')}
            />
            <button type="submit" className="primary big" disabled={busy || caseText.length === 0}>
              {t('evaluate.find')}
            </button>
          </form>
          {hasCard && rateable.length > 0 && (
            <section className="evaluate-mine" aria-labelledby="evaluate-mine-title">
              <h3 id="evaluate-mine-title">{t('evaluate.myCases')}</h3>
              <ul>
                {rateable.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="evaluate-case"
                      onClick={() => choose({ kind: 'case', caseNumber: c.caseNumber, itemName: c.itemName })}
                    >
                      <span className="evaluate-case-item">{c.itemName}</span>
                      <span className="evaluate-case-number">{c.caseNumber}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      {busy && <p className="loading">{t('evaluate.finding')}</p>}
      {problem && (
        <p className="error" role="alert" data-testid="evaluate-error">
          {t(`evaluate.errors.${problem}`)}
        </p>
      )}
    </div>
  );
}
