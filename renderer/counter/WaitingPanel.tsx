import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';
import { applyWaitingFilter, minutesSince, sameFilter, type WaitingFilter, waitingGroups } from './desk-logic';
import { PriorityBadge } from './PriorityBadge';
import type { DeskFormat } from './use-desk-format';

/** The window's queue in the host's calling order, filterable by service, each ticket callable out of turn. */
export function WaitingPanel({
  tickets,
  windowServices,
  filter,
  onFilter,
  now,
  format,
  onCall,
}: {
  tickets: readonly Ticket[];
  windowServices: readonly string[];
  filter: WaitingFilter;
  onFilter: (filter: WaitingFilter) => void;
  now: Date;
  format: DeskFormat;
  onCall: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const groups = waitingGroups(tickets, windowServices);
  const shown = applyWaitingFilter(tickets, filter, windowServices);
  const label = (f: WaitingFilter, count: number) =>
    f.kind === 'all'
      ? t('counterUi.waiting.all', { count })
      : f.kind === 'other'
        ? t('counterUi.waiting.other', { count })
        : t('counterUi.waiting.service', { name: format.serviceName(f.code), count });
  return (
    <section className="cd-panel cd-waiting" aria-labelledby="cd-waiting-heading" data-testid="waiting-panel">
      <h2 id="cd-waiting-heading">{t('counterUi.waiting.heading')}</h2>
      <div className="cd-filters" role="group" aria-label={t('counterUi.waiting.filters')}>
        {groups.map((g) => (
          <button
            key={g.filter.kind === 'service' ? g.filter.code : g.filter.kind}
            type="button"
            aria-pressed={sameFilter(g.filter, filter)}
            onClick={() => onFilter(g.filter)}
          >
            {label(g.filter, g.count)}
          </button>
        ))}
      </div>
      <div className="cd-table-wrap">
        {shown.length === 0 ? (
          <p className="cd-empty">{t('counterUi.waiting.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('counterUi.waiting.number')}</th>
                <th scope="col">{t('counterUi.waiting.service_col')}</th>
                <th scope="col">{t('counterUi.waiting.priority')}</th>
                <th scope="col">{t('counterUi.waiting.waited')}</th>
                <th scope="col">
                  <span className="cd-visually-hidden">{t('counterUi.waiting.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((ticket) => (
                <tr key={ticket.id} data-testid="waiting-row" data-number={ticket.number}>
                  <th scope="row" className="cd-row-number">
                    {ticket.number}
                  </th>
                  <td data-testid="waiting-service">{format.serviceName(ticket.serviceCode, ticket.serviceName)}</td>
                  <td>
                    <PriorityBadge priority={ticket.priorityClass} />
                    {ticket.skipCount > 0 && (
                      <span className="cd-muted"> {t('counterUi.waiting.skipped', { count: ticket.skipCount })}</span>
                    )}
                    {ticket.returnedFromWindowNumber !== null && (
                      <span className="cd-return-badge" data-testid="waiting-returned">
                        {t('counterUi.waiting.returnedFrom', { window: ticket.returnedFromWindowNumber })}
                      </span>
                    )}
                    {ticket.returnToWindowNumber !== null && (
                      <span className="cd-muted">
                        {' '}
                        {t('counterUi.waiting.returnsTo', { window: ticket.returnToWindowNumber })}
                      </span>
                    )}
                  </td>
                  <td>{format.minutes(minutesSince(ticket.issuedAt, now))}</td>
                  <td>
                    <button
                      type="button"
                      className="cd-secondary cd-small"
                      aria-label={t('counterUi.waiting.callLabel', { number: ticket.number })}
                      onClick={() => onCall(ticket)}
                    >
                      {t('counterUi.waiting.call')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
