import { PRIORITY_LABEL_ZH } from '../../../contracts/queue';
import type { AreaMessages } from './types';

/** The paper ticket's priority words, for the classes that have them (a normal ticket says nothing). */
const PRIORITY_ZH = Object.fromEntries(
  Object.entries(PRIORITY_LABEL_ZH).flatMap(([cls, label]) => (label === null ? [] : [[cls, label]])),
) as Record<string, string>;

/** Messages of the kiosk's 'ticket' flow (i18n keys `ticket.*`). */
export const ticketMessages: AreaMessages = {
  zhCN: {
    ticket: {
      closedUntil: '今天取号已结束，下次开放：{{when}}',
      opensLaterToday: '今天 {{time}} 开始取号',
      holidayClosed: '今天是法定节假日，大厅休息',
      nextOpening: '下次开放：{{when}}',
      stillWorks: '现在仍可在本机办理：',
      bookAnotherTime: '也可以在网上或电话预约其他时间办理。',
      // One wording with the paper ticket (contracts/queue.ts).
      priority: PRIORITY_ZH,
      priorityWhy: {
        appointment: '预约签到的号码在预约时段内优先叫号。',
        elderly: '{{age}} 岁及以上长者优先叫号，可能排在先取号的人前面。',
        disabled: '残障人士优先叫号，可能排在先取号的人前面。',
        vip: '绿色通道号码优先叫号。',
      },
      nearby: '附近：{{name}} 等候 {{count}} 人，约 {{minutes}} 分钟',
      windows: '请留意 {{windows}} 号窗口的叫号',
      windowsSeparator: '、',
      duplicate: {
        title: '您已取过该事项的号码',
        rule: '同一张身份证每个事项只能取一个号。',
        called: '正在叫您的号码，请到 {{window}} 号窗口办理',
        held: '您的号码正在窗口暂缓办理，请留意叫号',
        reprint: '补打小票',
        reprinted: '已补打，请取走小票',
        reprintFailed: '补打没有成功，请记下您的号码或咨询工作人员',
      },
    },
  },
  en: {
    ticket: {
      closedUntil: 'No more numbers today. Next opening: {{when}}',
      opensLaterToday: 'Numbers from {{time}} today',
      holidayClosed: 'Today is a public holiday: the hall is closed',
      nextOpening: 'Opens {{when}}',
      stillWorks: 'You can still use this kiosk for:',
      bookAnotherTime: 'You can also book another time online or by phone.',
      priority: {
        appointment: 'Appointment priority',
        elderly: 'Elder priority',
        disabled: 'Disability priority',
        vip: 'Green channel',
      },
      priorityWhy: {
        appointment: 'Checked-in appointments are called first within their time slot.',
        elderly: 'Citizens aged {{age}} and over are called first, even before earlier numbers.',
        disabled: 'Citizens with disabilities are called first, even before earlier numbers.',
        vip: 'Green-channel numbers are called first.',
      },
      nearby: 'Nearby: {{name}}, {{count}} waiting, about {{minutes}} min',
      windows: 'Watch for your call at window {{windows}}',
      windowsSeparator: ', ',
      duplicate: {
        title: 'You already hold a number for this service',
        rule: 'One number per ID card per service.',
        called: 'Your number is being called: please go to window {{window}}',
        held: 'Your number is on hold at a window; listen for your call',
        reprint: 'Print my ticket again',
        reprinted: 'Printed again: please take your ticket',
        reprintFailed: 'It did not print: please note your number or ask the staff',
      },
    },
  },
};
