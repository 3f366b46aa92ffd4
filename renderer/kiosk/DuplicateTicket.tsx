import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueTicketResponse, Ticket } from '../../contracts/queue';
import { useApi } from '../api/context';
import { TicketHead } from './TicketDone';
import { TicketPriority } from './TicketPriority';

/**
 * 已有未办结的号: the card already holds a number for the service. Instead of a bare refusal, the
 * holder sees that number and where it stands, and can have the paper ticket printed again.
 */
export function DuplicateTicket({
  ticket,
  onReprinted,
  onFinish,
}: {
  ticket: Ticket;
  onReprinted: (issued: IssueTicketResponse) => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const reprint = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const issued = await api.reprintMine(ticket.serviceCode);
      if (issued.ticket.printStatus === 'failed') setFailed(true);
      else onReprinted(issued);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ticket duplicate-ticket" data-testid="duplicate-ticket" aria-labelledby="duplicate-title">
      <TicketHead ticket={ticket} numberTestId="duplicate-number">
        <h3 id="duplicate-title">{t('ticket.duplicate.title')}</h3>
        <p>{t('ticket.duplicate.rule')}</p>
      </TicketHead>
      <div className="ticket-body">
        {ticket.status === 'called' && ticket.windowNumber !== null ? (
          <p className="ticket-ahead" role="status">
            {t('ticket.duplicate.called', { window: ticket.windowNumber })}
          </p>
        ) : ticket.status === 'held' ? (
          <p className="ticket-ahead">{t('ticket.duplicate.held')}</p>
        ) : (
          <>
            <p className="ticket-ahead" data-testid="duplicate-ahead">
              {t('kiosk.peopleAhead', { count: ticket.peopleAhead })}
            </p>
            <p className="ticket-ahead">{t('kiosk.estimatedWait', { minutes: ticket.estimatedWaitMinutes })}</p>
          </>
        )}
        <TicketPriority ticket={ticket} />
        {failed && (
          <p className="error" role="alert">
            {t('ticket.duplicate.reprintFailed')}
          </p>
        )}
        <div className="duplicate-actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => void reprint()}>
            {t('ticket.duplicate.reprint')}
          </button>
          <button type="button" className="primary" onClick={onFinish}>
            {t('common.done')}
          </button>
        </div>
      </div>
    </section>
  );
}
