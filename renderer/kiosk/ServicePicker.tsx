import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';

export function ServicePicker({ onPick, onBack }: { onPick: (code: string) => void; onBack: () => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  return (
    <section className="services">
      <h2>{t('kiosk.chooseService')}</h2>
      {services.isPending && <p>{t('common.loading')}</p>}
      <div className="tiles">
        {services.data?.services.map((s) => (
          <button key={s.code} type="button" className="tile" disabled={!s.open} onClick={() => onPick(s.code)}>
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
      <button type="button" className="secondary" onClick={onBack}>
        {t('common.back')}
      </button>
    </section>
  );
}
