import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';
import { minutesSince } from './desk-logic';
import { PriorityBadge } from './PriorityBadge';
import type { DeskFormat } from './use-desk-format';

/**
 * The citizen at the window: the number large enough to read across the desk,
 * then the facts a clerk needs. Tickets carry no personal data, so no name is
 * shown (the host keeps only a keyed hash of the card for the one-ticket rule).
 */
export function CurrentTicket({
  ticket,
  paused,
  now,
  format,
}: {
  ticket: Ticket | null;
  paused: boolean;
  now: Date;
  format: DeskFormat;
}) {
  const { t } = useTranslation();
  return (
    <section className="cd-panel cd-current" aria-labelledby="cd-current-heading" data-testid="current-ticket">
      <h2 id="cd-current-heading">{t('counterUi.current.heading')}</h2>
      {paused && (
        <p className="cd-paused" data-testid="paused-banner">
          {t('counterUi.paused')}
        </p>
      )}
      <div className="cd-current-body">
        <p className={`cd-number${ticket ? '' : ' cd-number-none'}`} data-testid="current-number" aria-live="polite">
          {ticket?.number ?? t('counterUi.current.none')}
        </p>
        {ticket ? (
          <>
            <p className="cd-current-service">
              <span data-testid="current-service">{format.serviceName(ticket.serviceCode, ticket.serviceName)}</span>
              <PriorityBadge priority={ticket.priorityClass} />
            </p>
            {ticket.returnToWindowNumber !== null && (
              <p className="cd-return-note" data-testid="current-return">
                {t('counterUi.current.returnTo', { window: ticket.returnToWindowNumber })}
              </p>
            )}
            <dl className="cd-facts">
              <div>
                <dt>{t('counterUi.current.issuedAt')}</dt>
                <dd>{format.time(ticket.issuedAt)}</dd>
              </div>
              <div>
                <dt>{t('counterUi.current.waited')}</dt>
                <dd data-testid="current-waited">{format.minutes(minutesSince(ticket.issuedAt, ticket.calledAt ?? now))}</dd>
              </div>
              <div>
                <dt>{t('counterUi.current.serving')}</dt>
                <dd>{ticket.calledAt ? format.minutes(minutesSince(ticket.calledAt, now)) : '—'}</dd>
              </div>
              <div>
                <dt>{t('counterUi.current.recalls')}</dt>
                <dd data-testid="current-recalls">{t('counterUi.current.times', { count: ticket.recallCount })}</dd>
              </div>
              {ticket.skipCount > 0 && (
                <div>
                  <dt>{t('counterUi.current.skips')}</dt>
                  <dd>{t('counterUi.current.times', { count: ticket.skipCount })}</dd>
                </div>
              )}
            </dl>
          </>
        ) : (
          <p className="cd-hint">{t('counterUi.current.noneHint')}</p>
        )}
      </div>
    </section>
  );
}
