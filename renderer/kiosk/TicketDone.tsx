import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';

export function TicketDone({ ticket, onFinish }: { ticket: Ticket; onFinish: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="ticket" aria-live="assertive">
      <p className="ticket-service">{ticket.serviceName}</p>
      <p className="ticket-label">{t('kiosk.yourNumber')}</p>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-ahead">{t('kiosk.peopleAhead', { count: ticket.peopleAhead })}</p>
      <p className="ticket-ahead">{t('kiosk.estimatedWait', { minutes: ticket.estimatedWaitMinutes })}</p>
      <p className="ticket-note">{t('kiosk.keepTicket')}</p>
      <button type="button" className="primary" onClick={onFinish}>
        {t('common.done')}
      </button>
    </section>
  );
}
