import { useTranslation } from 'react-i18next';
import type { Service } from '../../contracts/queue';

/** People waiting per service, so a citizen can judge the wait from across the hall. */
export function WaitingCounts({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <section className="hd-waiting" aria-labelledby="hd-waiting-title" data-testid="waiting-counts">
      <h2 id="hd-waiting-title" className="hd-heading">
        {t('displayUi.waiting')}
      </h2>
      <ul>
        {services.map((s) => (
          <li key={s.code} className={s.open ? undefined : 'is-closed'} data-service={s.code}>
            <span className="hd-waiting-name">{english ? s.nameEn : s.name}</span>
            <span className="hd-waiting-count">{t('displayUi.people', { n: s.waiting })}</span>
            {s.open ? null : <span className="hd-waiting-closed">{t('displayUi.notIssuing')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
