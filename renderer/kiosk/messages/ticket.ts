import type { AreaMessages } from './types';

/** Messages of the kiosk's 'ticket' flow (i18n keys `ticket.*`). */
export const ticketMessages: AreaMessages = {
  zhCN: { ticket: { sayNumber: '您的号码是 {{number}}，请取走小票，留意叫号。' } },
  en: { ticket: { sayNumber: 'Your number is {{number}}. Please take your ticket and listen for your call.' } },
};
