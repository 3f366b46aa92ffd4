import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeMessages } from '../i18n/merge-messages';
import { districtMessages } from './messages';

/**
 * The console's i18next: the shared base messages (language toggle, offline banner) and the
 * console's own, Simplified Chinese by default. Not the hall's `initI18n`, which brings the
 * kiosk's messages along.
 */
export function initDistrictI18n(): typeof i18next {
  const all = mergeMessages(districtMessages);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: all['zh-CN'] }, en: { translation: all.en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
