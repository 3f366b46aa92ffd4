/** Shared test content (a plain module, so importing it runs no tests). */
import type { TicketContent } from '../../../hardware/printer/layouts';

export const typicalTicket: TicketContent = {
  hallName: '海淀区政务服务中心',
  serviceName: '企业开办一站式',
  number: 'A023',
  peopleAhead: 5,
  estimatedWaitMinutes: 12,
  issuedAt: new Date('2025-03-14T01:30:00Z'),
  timeZone: 'Asia/Shanghai',
  qrUrl: 'https://hall.example.gov.cn/t/20250314-A023?k=8f3a2c',
  note: '请留意叫号屏幕和语音提示，过号请重新取号。',
};
