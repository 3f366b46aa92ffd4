import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../contracts/queue';
import { useApi } from '../api/context';

/**
 * Why a number goes first (长者优先…) and where it will be called: a citizen whose A002 is
 * called before A001 — or who sees A001 called before their earlier-looking number — knows
 * the rule, and which windows to watch.
 */
export function TicketPriority({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const api = useApi();
  const hallInfo = useQuery({ queryKey: ['hall-info'], queryFn: api.hallInfo });
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });
  const serving = (windows.data?.windows ?? []).filter((w) => w.services.includes(ticket.serviceCode)).map((w) => w.number);
  const cls = ticket.priorityClass;
  return (
    <>
      {cls !== 'normal' && (
        <div className="ticket-priority" data-testid="ticket-priority">
          <p className="ticket-priority-label">{t(`ticket.priority.${cls}`)}</p>
          <p>{t(`ticket.priorityWhy.${cls}`, { age: hallInfo.data?.elderAge ?? 70 })}</p>
        </div>
      )}
      {serving.length > 0 && (
        <p className="ticket-windows" data-testid="ticket-windows">
          {t('ticket.windows', { windows: serving.join(t('ticket.windowsSeparator')) })}
        </p>
      )}
    </>
  );
}
