import type { AreaMessages } from '../kiosk/messages/types';

/**
 * Messages of the hall display (/display), i18n keys `displayUi.*`. The spoken call itself is not
 * here: it is always Chinese and built by contracts/announcements.ts (one rule for browser and host).
 */
export const displayMessages: AreaMessages = {
  zhCN: {
    displayUi: {
      current: '正在叫号',
      idle: '请留意叫号信息和语音提示',
      recall: '重呼',
      window: '{{window}}号窗口',
      callLine: '请 {{number}} 号到 {{window}} 号窗口办理',
      recent: '最近叫号',
      noRecent: '暂无叫号',
      waiting: '等候人数',
      people: '{{n}}人',
      notIssuing: '暂停取号',
      notices: '通知公告',
      enableSound: '点击屏幕任意位置，开启语音叫号',
      soundBlocked: '浏览器阻止了自动播放声音',
    },
  },
  en: {
    displayUi: {
      current: 'Now calling',
      idle: 'Please watch for your number and listen for the call',
      recall: 'Called again',
      window: 'Window {{window}}',
      callLine: 'Number {{number}}, please go to window {{window}}',
      recent: 'Recent calls',
      noRecent: 'No calls yet',
      waiting: 'Waiting',
      people: '{{n}} waiting',
      notIssuing: 'Not issuing',
      notices: 'Notices',
      enableSound: 'Tap anywhere on the screen to switch on spoken calls',
      soundBlocked: 'The browser blocked sound that plays on its own',
    },
  },
};
