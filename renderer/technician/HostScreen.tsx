import { useTranslation } from 'react-i18next';
import type { HostHealth } from '../../contracts/health';
import { useTechSession } from './session';

/** This host as /health reports it, and who is signed in: what a support call asks first. */
export function HostScreen({ health }: { health: HostHealth | undefined }) {
  const { t } = useTranslation();
  const { staff } = useTechSession();
  return (
    <section className="tech-screen" aria-labelledby="tech-host-title">
      <div className="tech-screen-head">
        <h2 id="tech-host-title">{t('tech.host.title')}</h2>
      </div>
      {!health && <p>{t('tech.loading')}</p>}
      {health && (
        <dl className="tech-facts tech-host" data-testid="tech-host">
          <div>
            <dt>{t('tech.host.hall')}</dt>
            <dd>{health.hallName}</dd>
          </div>
          <div>
            <dt>{t('tech.host.role')}</dt>
            <dd>{t(`tech.host.roles.${health.role}`)}</dd>
          </div>
          <div>
            <dt>{t('tech.host.version')}</dt>
            <dd data-testid="tech-host-version">{health.version}</dd>
          </div>
          <div>
            <dt>{t('tech.host.businessDay')}</dt>
            <dd data-testid="tech-host-day">{health.businessDay}</dd>
          </div>
          <div>
            <dt>{t('tech.host.timeZone')}</dt>
            <dd>{health.timeZone}</dd>
          </div>
          <div>
            <dt>{t('tech.host.devices')}</dt>
            <dd>
              {t('tech.host.deviceCount', {
                count: health.devices.length,
                ok: health.devices.filter((d) => d.state === 'ok').length,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('tech.host.account')}</dt>
            <dd>
              {staff.name} · {staff.staffNo} · {t(`tech.roles.${staff.role}`)}
            </dd>
          </div>
        </dl>
      )}
      <p className="console-muted">{t('tech.host.auditNote')}</p>
    </section>
  );
}
