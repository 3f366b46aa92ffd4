import { useTranslation } from 'react-i18next';

export function OfflineBanner({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  if (connected) return null;
  return (
    <div className="offline-banner" role="alert">
      {t('common.offline')}
    </div>
  );
}
