import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Simplified Chinese by default; English switchable at runtime. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
