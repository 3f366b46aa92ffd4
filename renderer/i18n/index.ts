import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kioskMessages } from '../kiosk/messages';
import type { MessageTree } from '../kiosk/messages/types';
import { en } from './en';
import { zhCN } from './zh-CN';

/** The base messages plus each kiosk area's, which own distinct top-level keys. */
export function translations(): { 'zh-CN': MessageTree; en: MessageTree } {
  const zh: MessageTree = { ...zhCN };
  const english: MessageTree = { ...en };
  for (const area of kioskMessages) {
    // An area replacing another's top-level key would silently lose its messages.
    for (const key of Object.keys(area.zhCN)) if (key in zh) throw new Error(`message area '${key}' is defined twice`);
    Object.assign(zh, area.zhCN);
    Object.assign(english, area.en);
  }
  return { 'zh-CN': zh, en: english };
}

/** Simplified Chinese by default; English switchable at runtime. */
export function initI18n(): typeof i18next {
  const all = translations();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: all['zh-CN'] }, en: { translation: all.en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
