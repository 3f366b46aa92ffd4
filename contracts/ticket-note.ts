import type { QueuePolicy } from './config';

/**
 * What a paper ticket tells its holder about a missed call (过号), derived from the queue rule
 * that decides it (`queue.skipRequeue`), so the paper never promises what the queue does not do.
 * The one place this sentence is written: the hall's printer and any screen that says it use it.
 */
export function skipRuleNote(rule: QueuePolicy['skipRequeue']): string {
  if (!rule.enabled || rule.maxTimes === 0) return '过号请到服务台重新取号。';
  return `过号后可重新排队 ${rule.maxTimes} 次，之后请到服务台重新取号。`;
}

/** The note printed under a ticket's QR: where to look, the 过号 rule, and that it holds nothing personal. */
export function ticketNote(rule: QueuePolicy['skipRequeue']): string {
  return `请留意叫号屏幕和语音提示。${skipRuleNote(rule)}本票不含个人信息。`;
}
