import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/context';

/** What a ticket's QR opens on the citizen's phone: the number, its state and the people ahead. */
export function TicketProgressPage() {
  const api = useApi();
  const { t } = useTranslation();
  const { ticketId } = useParams();
  const [search] = useSearchParams();
  const key = search.get('k') ?? '';
  const id = Number(ticketId);
  const progress = useQuery({
    queryKey: ['ticket-progress', id, key],
    queryFn: () => api.ticketProgress(id, key),
    enabled: Number.isInteger(id) && id > 0 && key.length >= 8,
    refetchInterval: 15_000,
  });
  const ticket = progress.data?.ticket;
  return (
    <main className="progress-page">
      {!ticket ? (
        <p>{progress.isPending && key ? t('common.loading') : t('ticketProgress.notFound')}</p>
      ) : (
        <>
          <p className="ticket-service">{ticket.serviceName}</p>
          <p className="ticket-number" data-testid="progress-number">
            {ticket.number}
          </p>
          <p className="ticket-ahead">{t(`ticketProgress.status.${ticket.status}`, { window: ticket.windowNumber ?? '' })}</p>
          {ticket.status === 'waiting' && <p>{t('kiosk.peopleAhead', { count: ticket.peopleAhead })}</p>}
        </>
      )}
    </main>
  );
}
