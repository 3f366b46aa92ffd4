import './TicketProgressPage.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { LinkTicket } from '../../contracts/links';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { PhonePage } from '../ui/PhonePage';

const REFRESH_MS = 15_000;
/** What the host answers for a link it does not know: a wrong tag reads exactly like an unknown id. */
const NOT_FOUND = ['ticket_unknown', 'invalid_request', 'not_found'];

/**
 * What a ticket's QR opens on the citizen's phone, with no pairing: the number, its service, its
 * state, the people ahead and the window to go to, refreshed every 15 seconds. The link's tag is
 * the key (contracts/links.ts); the page shows nothing personal, and nothing at all for a wrong link.
 */
export function TicketProgressPage() {
  const api = useApi();
  const { t } = useTranslation();
  const { ticketId } = useParams();
  const [search] = useSearchParams();
  const key = search.get('k') ?? '';
  const id = Number(ticketId);
  const valid = Number.isInteger(id) && id > 0 && key.length >= 8;
  const link = useQuery({
    queryKey: ['ticket-link', id, key],
    queryFn: () => api.ticketLink(id, key),
    enabled: valid,
    refetchInterval: REFRESH_MS,
    retry: (count, error) => !(error instanceof ApiClientError && NOT_FOUND.includes(error.code)) && count < 2,
  });
  const missing = !valid || (link.error instanceof ApiClientError && NOT_FOUND.includes(link.error.code));
  const data = link.data;

  return (
    <PhonePage className="ticket-page" hallName={data?.hall.hallName ?? t('hall.defaultName')} title={t('ticketProgress.title')}>
      {missing ? (
        <p className="ticket-page-problem" role="alert" data-testid="progress-not-found">
          {t('ticketProgress.notFound')}
        </p>
      ) : link.isError && !data ? (
        <div className="ticket-page-problem" role="alert">
          <p>
            {t(
              link.error instanceof ApiClientError && link.error.code === 'rate_limited'
                ? 'ticketProgress.busy'
                : 'ticketProgress.unreachable',
            )}
          </p>
          <button type="button" className="secondary" onClick={() => void link.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !data ? (
        <p>{t('common.loading')}</p>
      ) : (
        <TicketCard ticket={data.ticket} timeZone={data.hall.timeZone} />
      )}
      <p className="ticket-page-note">{t('ticketProgress.privacy')}</p>
    </PhonePage>
  );
}

function TicketCard({ ticket, timeZone }: { ticket: LinkTicket; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en' : 'zh-CN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const waiting = ticket.status === 'waiting';
  return (
    <section className="phone-page-card ticket-page-card" aria-labelledby="ticket-page-number">
      <p className="ticket-page-service">{ticket.serviceName}</p>
      <p className="ticket-page-number" id="ticket-page-number" data-testid="progress-number">
        {ticket.number}
      </p>
      <p className={`ticket-page-status ticket-page-status-${ticket.status}`} data-testid="progress-status" aria-live="polite">
        {waiting && ticket.returnedFromWindowNumber !== null
          ? t('ticketProgress.returned')
          : t(`ticketProgress.status.${ticket.status}`, { window: ticket.windowNumber ?? '' })}
      </p>
      {waiting && (
        <dl className="ticket-page-facts">
          <div>
            <dt>{t('ticketProgress.ahead')}</dt>
            <dd data-testid="progress-ahead">{t('ticketProgress.people', { count: ticket.peopleAhead })}</dd>
          </div>
          <div>
            <dt>{t('ticketProgress.wait')}</dt>
            <dd>{t('ticketProgress.minutes', { count: ticket.estimatedWaitMinutes })}</dd>
          </div>
        </dl>
      )}
      {ticket.returnToWindowNumber !== null && (
        <p className="ticket-page-return">{t('ticketProgress.returnTo', { window: ticket.returnToWindowNumber })}</p>
      )}
      <p className="ticket-page-note">
        {t('ticketProgress.issuedAt', { time: time.format(new Date(ticket.issuedAt)) })}
        {' · '}
        {t('ticketProgress.refresh')}
      </p>
    </section>
  );
}
