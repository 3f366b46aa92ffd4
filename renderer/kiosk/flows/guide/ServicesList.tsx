import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/context';
import { ServiceCard } from './ServiceCard';

/** The hall's queue services right now: open or not, the wait, what to bring, which windows. */
export function ServicesList() {
  const api = useApi();
  const { t } = useTranslation();
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });

  if (services.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (services.isError) {
    return (
      <p className="error" role="alert">
        {t('kiosk.errors.network')}
      </p>
    );
  }
  return (
    <section className="guide-services" aria-labelledby="guide-services-title">
      <h3 id="guide-services-title">{t('guide.servicesTitle')}</h3>
      <p className="guide-note">{t('guide.servicesNote')}</p>
      <div className="service-grid" data-testid="guide-services">
        {services.data.services.map((s) => (
          <ServiceCard key={s.code} service={s} windows={windows.data?.windows ?? []} />
        ))}
      </div>
    </section>
  );
}
