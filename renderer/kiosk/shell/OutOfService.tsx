import { useTranslation } from 'react-i18next';
import type { StorageState } from '../../../contracts/health';
import './OutOfService.css';

/**
 * 本机暂停服务: shown over everything while the host's database takes no writes (disk full,
 * read-only, failing). Nothing new can be started under it, and nothing is thrown away: the screen
 * a citizen was on (a half-typed form included) stays mounted beneath and comes back as it was
 * when the storage does. The host lifts it by itself (a `storage.status` event).
 */
export function OutOfService({ state }: { state: Exclude<StorageState, 'ok'> }) {
  const { t } = useTranslation();
  return (
    <div
      className="out-of-service"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="out-of-service-title"
      aria-describedby="out-of-service-body"
      data-testid="out-of-service"
      data-state={state}
    >
      <div className="out-of-service-card">
        <h2 id="out-of-service-title">{t('shell.outOfService')}</h2>
        <p id="out-of-service-body">{t('shell.outOfServiceGo')}</p>
        <p className="out-of-service-kept">{t('shell.outOfServiceKept')}</p>
        <p className="out-of-service-code">{t(`shell.outOfServiceCause.${state}`)}</p>
      </div>
    </div>
  );
}
