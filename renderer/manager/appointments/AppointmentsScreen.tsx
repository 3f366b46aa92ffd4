import '../manager-tools.css';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../../contracts/appointments';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { MorePages } from '../../ui/console/MorePages';
import { DeskTable } from '../DeskTable';
import { formatDateTime, formatTime, MANAGER_KEYS, useManagerSession } from '../session';

const OVERVIEW_KEY = [...MANAGER_KEYS.all, 'appointments'] as const;

/** Each status at a glance: checked in green, awaited amber, no-show red, cancelled grey. */
const STATUS_TONES: Record<AppointmentStatus, string> = {
  booked: 'tone-warn',
  checked_in: 'tone-ok',
  no_show: 'tone-bad',
  cancelled: '',
};

/**
 * 今日预约: today's bookings with how each slot is doing and where each booking stands, with the
 * ticket its check-in issued. Masked names only (the host sends no ID number, tag or booking code).
 * A check-in, a call or a finish moves the list: the queue's events refresh it.
 */
export default function AppointmentsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const overview = useInfiniteQuery({
    queryKey: OVERVIEW_KEY,
    queryFn: ({ pageParam }) => api.appointmentOverview({ limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
    // A slot's end turns the bookings nobody came for into no-shows with nobody acting.
    refetchInterval: 60_000,
  });
  useHallEvents(
    (event) => {
      if (event.type === 'ticket.issued' || event.type === 'ticket.called' || event.type === 'ticket.finished')
        void refreshAfterEvent(queryClient, OVERVIEW_KEY);
    },
    () => undefined,
  );
  const first = overview.data?.pages[0];
  const rows = overview.data?.pages.flatMap((page) => page.appointments);
  const time = (iso: string | null) => formatTime(iso, session.timeZone, i18n.language);
  const slot = (start: string, end: string) => t('mgrAppointments.slot', { start: time(start), end: time(end) });

  return (
    <section className="mgt-section" aria-labelledby="mgr-appointments-title">
      <h2 id="mgr-appointments-title">{t('mgrAppointments.title')}</h2>
      {overview.isError && (
        <p className="error" role="alert">
          {session.describeError(overview.error)}
        </p>
      )}
      {first && (
        <>
          <p data-testid="appointments-date">
            <strong>{t('mgrAppointments.date', { date: first.date })}</strong>{' '}
            {first.fetchedAt === null
              ? t('mgrAppointments.neverFetched')
              : first.source === 'central'
                ? t('mgrAppointments.fromCentral', { when: formatDateTime(first.fetchedAt, session.timeZone, i18n.language) })
                : t('mgrAppointments.fromCache', { when: formatDateTime(first.fetchedAt, session.timeZone, i18n.language) })}
          </p>
          <p className="console-muted">{t('mgrAppointments.privacy')}</p>
        </>
      )}
      {first && first.slots.length > 0 && (
        <section aria-labelledby="mgr-appointments-slots">
          <h3 id="mgr-appointments-slots">{t('mgrAppointments.slotsTitle')}</h3>
          <DeskTable
            className="mgt-slots"
            testId="appointment-slots"
            rows={first.slots}
            rowKey={(s) => `${s.slotStart}-${s.slotEnd}`}
            columns={[
              { header: t('mgrAppointments.columns.slot'), rowHeader: true, cell: (s) => slot(s.slotStart, s.slotEnd) },
              { header: t('mgrAppointments.columns.total'), num: true, cell: (s) => s.total },
              { header: t('mgrAppointments.columns.checkedIn'), num: true, cell: (s) => s.checkedIn },
              { header: t('mgrAppointments.columns.booked'), num: true, cell: (s) => s.booked },
              { header: t('mgrAppointments.columns.noShow'), num: true, cell: (s) => s.noShow },
              { header: t('mgrAppointments.columns.cancelled'), num: true, cell: (s) => s.cancelled },
            ]}
          />
        </section>
      )}
      {rows?.length === 0 && <p>{t('mgrAppointments.none')}</p>}
      {rows !== undefined && rows.length > 0 && (
        <section aria-labelledby="mgr-appointments-list">
          <h3 id="mgr-appointments-list">{t('mgrAppointments.listTitle')}</h3>
          <DeskTable
            testId="appointment-list"
            rows={rows}
            rowKey={(a) => a.id}
            rowAttributes={(a) => ({ 'data-status': a.status })}
            columns={[
              { header: t('mgrAppointments.columns.slot'), cell: (a) => slot(a.slotStart, a.slotEnd) },
              { header: t('mgrAppointments.columns.service'), cell: (a) => a.serviceName ?? a.serviceCode },
              { header: t('mgrAppointments.columns.applicant'), cell: (a) => a.applicantMasked },
              {
                header: t('mgrAppointments.columns.status'),
                cell: (a) => (
                  <span className={`console-badge ${STATUS_TONES[a.status]}`}>{t(`mgrAppointments.statuses.${a.status}`)}</span>
                ),
              },
              { header: t('mgrAppointments.columns.checkedInAt'), cell: (a) => time(a.checkedInAt) },
              {
                header: t('mgrAppointments.columns.ticket'),
                cell: (a) =>
                  a.ticket &&
                  t('mgrAppointments.ticket', {
                    number: a.ticket.number,
                    status: t(`mgrAppointments.ticketStatuses.${a.ticket.status}`),
                  }),
              },
            ]}
          />
        </section>
      )}
      <MorePages query={overview} label={t('mgrAppointments.more')} />
    </section>
  );
}
