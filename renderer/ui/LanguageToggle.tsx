import { useTranslation } from 'react-i18next';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="lang-toggle" onClick={() => void i18n.changeLanguage(next)}>
      {t('common.language')}
    </button>
  );
}
