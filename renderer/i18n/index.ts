import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kioskMessages } from '../kiosk/messages';
import type { AreaMessages, MessageTree } from '../kiosk/messages/types';
import { mergeMessages } from './merge-messages';

/**
 * The base messages plus each area's (the kiosk's and the screens' loaded up front by default),
 * which own distinct top-level keys.
 */
export function translations(areas: readonly AreaMessages[] = kioskMessages): { 'zh-CN': MessageTree; en: MessageTree } {
  return mergeMessages(areas);
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

/**
 * Adds the messages of a part loaded later (the manager console) to the running i18next, so its
 * words ship with its code instead of in every screen's first download.
 */
export function addAreaMessages(areas: readonly AreaMessages[]): void {
  for (const area of areas) {
    i18next.addResourceBundle('zh-CN', 'translation', area.zhCN, true, false);
    i18next.addResourceBundle('en', 'translation', area.en, true, false);
  }
}
