import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResponse } from '../../../../contracts/appointments';
import type { Ticket } from '../../../../contracts/queue';
import { TicketDone } from '../../TicketDone';
import { hallTime } from './hall-time';

/**
 * The check-in's final screen: the appointment as booked (masked name only, times in hall
 * time) beside the ticket, which TicketDone shows with its QR and reprint when printing failed.
 */
export function CheckInDone({
  result,
  timeZone,
  onReprinted,
  onFinish,
}: {
  result: CheckInResponse;
  /** The hall's zone from `/health`; undefined until the host answered (times read '—'). */
  timeZone: string | undefined;
  onReprinted: (ticket: Ticket, progressUrl: string) => void;
  onFinish: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { appointment, alreadyCheckedIn } = result;

  // Focus moves to the outcome, so a screen reader and the keyboard start from it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="checkin-done">
      <section className="checkin-summary" aria-labelledby="checkin-done-title">
        <h3 id="checkin-done-title" ref={heading} tabIndex={-1} className={alreadyCheckedIn ? 'again' : 'ok'}>
          <span className="checkin-mark" aria-hidden="true">
            ✓
          </span>
          {alreadyCheckedIn ? t('checkin.doneAgainTitle') : t('checkin.doneTitle')}
        </h3>
        <p className="checkin-note" data-testid="checkin-note">
          {alreadyCheckedIn ? t('checkin.doneAgainNote') : t('checkin.priorityNote')}
        </p>
        <h4>{t('checkin.appointment')}</h4>
        <dl className="checkin-appointment" data-testid="checkin-appointment">
          <div>
            <dt>{t('checkin.service')}</dt>
            <dd>{appointment.serviceName ?? appointment.serviceCode}</dd>
          </div>
          <div>
            <dt>{t('checkin.slot')}</dt>
            <dd>
              {t('checkin.slotRange', {
                start: hallTime(appointment.slotStart, timeZone, i18n.language),
                end: hallTime(appointment.slotEnd, timeZone, i18n.language),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('checkin.applicant')}</dt>
            <dd>{appointment.applicantMasked}</dd>
          </div>
        </dl>
      </section>
      <TicketDone ticket={result.ticket} progressUrl={result.progressUrl} onReprinted={onReprinted} onFinish={onFinish} />
    </div>
  );
}
