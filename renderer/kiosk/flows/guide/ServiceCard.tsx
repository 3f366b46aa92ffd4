import { useTranslation } from 'react-i18next';
import type { Service, Window } from '../../../../contracts/queue';
import { hoursRows } from './hours';

/** Whether a service issues numbers now, and if not, why (closed hours, a holiday, suspended, sold out). */
export function serviceStateKey(service: Service): string {
  if (service.open) return 'guide.openNow';
  if (service.closedReason === 'hours') return 'kiosk.closedHours';
  if (service.closedReason === 'holiday') return 'kiosk.closedHoliday';
  if (service.closedReason === 'sold_out') return 'kiosk.soldOut';
  return 'kiosk.closed';
}

/** The materials text of a queue service, one item per line (the hall writes them with ；). */
export function materialsOf(service: Service): string[] {
  return service.materials
    .split(/[；;]/)
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
}

/** One queue service: open or not, who waits, what to bring, and at which windows. */
export function ServiceCard({
  service,
  windows,
  headingLevel = 3,
}: {
  service: Service;
  windows: readonly Window[];
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const serving = windows.filter((w) => w.services.includes(service.code));
  const materials = materialsOf(service);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className={`service-card${service.open ? '' : ' closed'}`} data-service={service.code}>
      <header>
        <Heading>{i18n.language === 'en' ? service.nameEn : service.name}</Heading>
        <span className={`service-state${service.open ? ' open' : ''}`}>{t(serviceStateKey(service))}</span>
      </header>
      {service.open && (
        <p className="service-wait">
          {t('kiosk.waiting', { count: service.waiting })} · {t('kiosk.estimatedWait', { minutes: service.estimatedWaitMinutes })}
        </p>
      )}
      <dl>
        <dt>{t('guide.hours')}</dt>
        <dd>
          <ul className="service-hours">
            {hoursRows(service.hours).map((row) => {
              const days =
                row.first === row.last
                  ? t(`guide.weekday.${row.first}`)
                  : t('guide.hoursDayRange', { first: t(`guide.weekday.${row.first}`), last: t(`guide.weekday.${row.last}`) });
              const periods =
                row.periods.length === 0
                  ? t('guide.hoursClosed')
                  : row.periods
                      .map((p) => (p.duty ? t('guide.hoursDuty', { from: p.from, to: p.to }) : `${p.from}–${p.to}`))
                      .join('，');
              // An ideographic space (U+3000) separates days from hours, as on a hall notice board.
              return <li key={row.first}>{`${days}\u3000${periods}`}</li>;
            })}
          </ul>
        </dd>
        <dt>{t('guide.windows')}</dt>
        <dd>
          {serving.length === 0 ? (
            t('guide.noWindow')
          ) : (
            <ul className="window-chips">
              {serving.map((w) => (
                <li key={w.id} className={w.paused ? 'paused' : undefined}>
                  {t('guide.windowLine', { number: w.number, name: w.name })}
                  {w.paused && ` · ${t('guide.windowPaused')}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {materials.length > 0 && (
          <>
            <dt>{t('guide.bring')}</dt>
            <dd>
              <ul className="service-materials">
                {materials.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
