import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';
import { useApi } from '../api/context';
import { QrImage } from '../ui/QrImage';
import { useKioskSession } from './shell/session';
import { TakeCardNote } from './shell/TakeCardReminder';
import { TicketPriority } from './TicketPriority';
import './ticket.css';

/** The number and its service, large: beside what it means in landscape, above it in portrait. */
export function TicketHead({ ticket, numberTestId, children }: { ticket: Ticket; numberTestId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="ticket-head">
      {children}
      <p className="ticket-service">{ticket.serviceName}</p>
      <p className="ticket-label">{t('kiosk.yourNumber')}</p>
      <p className="ticket-number" data-testid={numberTestId}>
        {ticket.number}
      </p>
    </div>
  );
}

/**
 * The issued ticket. When the paper ticket did not come out, the ticket stays
 * on screen with its QR (the citizen can photograph it) and a reprint button.
 */
export function TicketDone({
  ticket,
  progressUrl,
  onReprinted,
  onFinish,
}: {
  ticket: Ticket;
  progressUrl: string;
  onReprinted: (ticket: Ticket, progressUrl: string) => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { cardOnReader } = useKioskSession();
  const [busy, setBusy] = useState(false);
  const printFailed = ticket.printStatus === 'failed';

  const reprint = async () => {
    setBusy(true);
    try {
      const result = await api.reprint(ticket.id);
      onReprinted(result.ticket, result.progressUrl);
    } catch {
      // The ticket stays on screen either way.
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ticket" aria-live="assertive">
      <TicketHead ticket={ticket} numberTestId="ticket-number" />
      <div className="ticket-body">
        <TicketPriority ticket={ticket} />
        <p className="ticket-ahead">{t('kiosk.peopleAhead', { count: ticket.peopleAhead })}</p>
        <p className="ticket-ahead">{t('kiosk.estimatedWait', { minutes: ticket.estimatedWaitMinutes })}</p>
        {printFailed ? (
          <div className="print-failed" role="alert" data-testid="print-failed">
            <p>{t('kiosk.printFailed')}</p>
            <QrImage text={progressUrl} label={t('kiosk.ticketQr')} />
            <button type="button" className="secondary" disabled={busy} onClick={() => void reprint()}>
              {t('kiosk.reprint')}
            </button>
          </div>
        ) : (
          <p className="ticket-note">{ticket.printStatus === 'printed' ? t('kiosk.takeYourTicket') : t('kiosk.keepTicket')}</p>
        )}
        <TakeCardNote cardOnReader={cardOnReader} />
        <button type="button" className="primary" onClick={onFinish}>
          {t('common.done')}
        </button>
      </div>
    </section>
  );
}
