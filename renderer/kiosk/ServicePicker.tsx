import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../contracts/queue';
import { useApi } from '../api/context';
import { FLOW_INFO } from './flows/flow-info';
import { NEARBY_FROM_MINUTES } from './nearby';
import { NearbyHint } from './NearbyHint';
import { nextOpening } from './opening';
import { useKioskSession } from './shell/session';
import './service-picker.css';

/** The flows a citizen can still use when no number is issued: those that need no queue. */
const WITHOUT_QUEUE = FLOW_INFO.filter((f) => !f.queue);

/**
 * The hall's queue services with people waiting and the expected wait. Closed ones say why and
 * when they open again; when none issues numbers for the hours, the top of the screen says when
 * the hall opens next and offers what still works, so closed hours are no dead end.
 */
export function ServicePicker({ onPick, busy = false }: { onPick: (code: string) => void; busy?: boolean }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  const timeZone = session.health?.timeZone;
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const now = new Date();
  const when = (iso: string) => nextOpening(iso, now, timeZone, locale);

  // The tiles wait for the hall's zone as for the list itself: a closed tile says when it opens
  // on the hall's clock, which only the host knows.
  const loading = services.isPending || timeZone === undefined;
  const list = loading ? [] : (services.data?.services ?? []);
  const allClosedForHours = list.length > 0 && list.every((s) => s.closedReason === 'hours' || s.closedReason === 'holiday');
  // A public holiday of the hall calendar closes the whole hall for the day: the notice says why.
  const holiday = allClosedForHours && list.some((s) => s.closedReason === 'holiday');
  // The hall's next opening is the earliest of its services'; a service opening later says so on its tile.
  const hallNext = allClosedForHours ? earliest(list) : null;

  const hint = (s: Service) => {
    if (s.open)
      return `${t('kiosk.waiting', { count: s.waiting })} · ${t('kiosk.estimatedWait', { minutes: s.estimatedWaitMinutes })}`;
    const reason = t(CLOSED_KEY[s.closedReason ?? 'suspended']);
    if (s.nextOpening === null || s.nextOpening === hallNext) return reason;
    return `${reason} · ${t('ticket.nextOpening', { when: when(s.nextOpening).text })}`;
  };

  return (
    <section className="services" aria-labelledby="services-title">
      {allClosedForHours && (
        <div className="closed-notice" role="status" data-testid="closed-notice" data-holiday={holiday || undefined}>
          {holiday ? (
            <>
              <p className="closed-when">{t('ticket.holidayClosed')}</p>
              {hallNext !== null && <p className="closed-next">{t('ticket.nextOpening', { when: when(hallNext).text })}</p>}
            </>
          ) : (
            hallNext !== null && (
              <p className="closed-when">
                {when(hallNext).today
                  ? t('ticket.opensLaterToday', { time: when(hallNext).text })
                  : t('ticket.closedUntil', { when: when(hallNext).text })}
              </p>
            )
          )}
          <p>{t('ticket.stillWorks')}</p>
          <div className="closed-actions">
            {WITHOUT_QUEUE.map((f) => (
              <button key={f.id} type="button" className="secondary" data-flow={f.id} onClick={() => session.openFlow(f.id)}>
                {t(f.title)}
              </button>
            ))}
          </div>
          <p className="closed-booking">{t('ticket.bookAnotherTime')}</p>
        </div>
      )}
      <h3 id="services-title">{t('kiosk.chooseService')}</h3>
      {loading && <p>{t('common.loading')}</p>}
      <div className="tiles">
        {list.map((s) => (
          <button key={s.code} type="button" className="tile" disabled={!s.open || busy} onClick={() => onPick(s.code)}>
            <span className="tile-title">{i18n.language === 'en' ? s.nameEn : s.name}</span>
            <span className="tile-hint">{hint(s)}</span>
            {s.open && s.estimatedWaitMinutes >= NEARBY_FROM_MINUTES && <NearbyHint service={s} />}
          </button>
        ))}
      </div>
    </section>
  );
}

/** What a closed tile says, by why it is closed. */
const CLOSED_KEY: Readonly<Record<NonNullable<Service['closedReason']>, string>> = {
  hours: 'kiosk.closedHours',
  holiday: 'kiosk.closedHoliday',
  sold_out: 'kiosk.soldOut',
  suspended: 'kiosk.closed',
};

function earliest(services: readonly Service[]): string | null {
  const times = services.flatMap((s) => (s.nextOpening === null ? [] : [s.nextOpening])).sort();
  return times[0] ?? null;
}
