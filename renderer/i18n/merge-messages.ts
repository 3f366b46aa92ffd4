import type { AreaMessages, MessageTree } from '../kiosk/messages/types';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * The base messages plus each area's, which own distinct top-level keys. Apart from `index.ts`
 * so that a page of its own (the district console) merges its areas without loading the kiosk's.
 */
export function mergeMessages(areas: readonly AreaMessages[]): { 'zh-CN': MessageTree; en: MessageTree } {
  const zh: MessageTree = { ...zhCN };
  const english: MessageTree = { ...en };
  for (const area of areas) {
    // An area replacing another's top-level key would silently lose its messages.
    for (const key of Object.keys(area.zhCN)) if (key in zh) throw new Error(`message area '${key}' is defined twice`);
    Object.assign(zh, area.zhCN);
    Object.assign(english, area.en);
  }
  return { 'zh-CN': zh, en: english };
}
