import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';
import { PriorityBadge } from './PriorityBadge';
import type { DeskFormat } from './use-desk-format';

/** 挂起: citizens set aside at this window (fetching a document), each resumable. */
export function HeldList({
  tickets,
  format,
  onResume,
}: {
  tickets: readonly Ticket[];
  format: DeskFormat;
  onResume: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  if (tickets.length === 0) return null;
  return (
    <section className="cd-panel cd-held" aria-labelledby="cd-held-heading" data-testid="held-list">
      <h2 id="cd-held-heading">{t('counterUi.held.heading')}</h2>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id} data-number={ticket.number}>
            <strong className="cd-held-number">{ticket.number}</strong>
            <span>{format.serviceName(ticket.serviceCode, ticket.serviceName)}</span>
            <PriorityBadge priority={ticket.priorityClass} />
            {ticket.calledAt && (
              <span className="cd-muted">{t('counterUi.held.since', { time: format.time(ticket.calledAt) })}</span>
            )}
            <button
              type="button"
              className="cd-secondary cd-small"
              aria-label={t('counterUi.held.resumeLabel', { number: ticket.number })}
              onClick={() => onResume(ticket)}
            >
              {t('counterUi.held.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
