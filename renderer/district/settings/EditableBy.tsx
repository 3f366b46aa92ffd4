import { useTranslation } from 'react-i18next';
import { SETTINGS_EDITORS, type SettingsArea } from '../../../contracts/platform-complaint-settings';

/** Who keeps a setting, for the accounts that only read it. */
export function EditableBy({ area }: { area: SettingsArea }) {
  const { t } = useTranslation();
  return (
    <p className="console-notice">{t('dstSettings.editableBy', { role: t(`dstSettings.roles.${SETTINGS_EDITORS[area]}`) })}</p>
  );
}
