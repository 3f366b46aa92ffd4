import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';

/** The hall's queue services with people waiting and the expected wait; closed ones say why. */
export function ServicePicker({ onPick, busy = false }: { onPick: (code: string) => void; busy?: boolean }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  return (
    <section className="services" aria-labelledby="services-title">
      <h3 id="services-title">{t('kiosk.chooseService')}</h3>
      {services.isPending && <p>{t('common.loading')}</p>}
      <div className="tiles">
        {services.data?.services.map((s) => (
          <button key={s.code} type="button" className="tile" disabled={!s.open || busy} onClick={() => onPick(s.code)}>
            <span className="tile-title">{i18n.language === 'en' ? s.nameEn : s.name}</span>
            <span className="tile-hint">
              {s.open
                ? `${t('kiosk.waiting', { count: s.waiting })} · ${t('kiosk.estimatedWait', { minutes: s.estimatedWaitMinutes })}`
                : t(
                    s.closedReason === 'hours'
                      ? 'kiosk.closedHours'
                      : s.closedReason === 'sold_out'
                        ? 'kiosk.soldOut'
                        : 'kiosk.closed',
                  )}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
