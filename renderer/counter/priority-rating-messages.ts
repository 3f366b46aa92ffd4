import type { AreaMessages } from '../kiosk/messages/types';

/**
 * The counter's priority tickets (F9, keys `counterPriority.*`) and its live rating line
 * (`counterRating.*`), kept apart from the desk's own `counterUi.*`.
 */
export const counterPriorityMessages: AreaMessages = {
  zhCN: {
    counterPriority: {
      open: '优先号',
      title: '为办事人取优先号',
      service: '办理事项',
      closed: '当前不取号',
      kind: '优先类别',
      kindHints: {
        disabled: '残疾人等行动不便的办事人',
        vip: '绿色通道（特殊情形，按规定优先办理）',
      },
      note: '备注（选填，记入审计日志）',
      noteHint: '如“坐轮椅”，请勿填写姓名、证件号码或电话。',
      print: '在大厅自助终端打印小票',
      pickBoth: '请选择办理事项和优先类别',
      issue: '取号',
      issuing: '正在取号…',
      cancel: '取消',
      issuedTitle: '已取优先号',
      tellNumber: '请将号码告知办事人或写给办事人，留意叫号屏。',
      printed: '小票已在大厅自助终端打印，请办事人领取。',
      printFailed: '小票没有打印出来，请将号码告知办事人。',
      qr: '{{number}} 号的二维码（手机扫码查看进度）',
      done: '完成',
      errors: {
        service_closed: '该事项当前不在取号时间',
        daily_limit_reached: '该事项今日号码已取完',
        service_unknown: '没有这个事项，请重新选择',
        forbidden: '您没有在本窗口签到，不能在此取号',
        network: '无法连接大厅服务器，请重试',
        invalid_request: '请检查填写的内容（备注不超过 100 字）',
        generic: '取号失败，请重试',
      },
    },
    counterRating: {
      waiting: '已请 {{number}} 号办事人评价，等待评价…',
      rated: '{{number}} 号办事人已评价 ✓',
    },
  },
  en: {
    counterPriority: {
      open: 'Priority ticket',
      title: 'Issue a priority ticket',
      service: 'Service',
      closed: 'Not issuing now',
      kind: 'Priority',
      kindHints: {
        disabled: 'A citizen with a disability or who cannot queue',
        vip: 'Green channel (special cases the rules put first)',
      },
      note: 'Note (optional, kept in the audit log)',
      noteHint: 'E.g. "wheelchair". Never a name, ID number or phone number.',
      print: 'Print the ticket at the hall kiosk',
      pickBoth: 'Choose the service and the priority',
      issue: 'Issue',
      issuing: 'Issuing…',
      cancel: 'Cancel',
      issuedTitle: 'Priority ticket issued',
      tellNumber: 'Tell the citizen the number or write it down; they watch the hall screen.',
      printed: 'The ticket was printed at the hall kiosk for the citizen to collect.',
      printFailed: 'The ticket did not print: tell the citizen the number.',
      qr: 'QR code of ticket {{number}} (its progress on a phone)',
      done: 'Done',
      errors: {
        service_closed: 'This service is not issuing numbers now',
        daily_limit_reached: 'No numbers left for this service today',
        service_unknown: 'No such service; choose again',
        forbidden: 'You are not signed in at this window',
        network: 'Cannot reach the hall server; try again',
        invalid_request: 'Check what you typed (the note is at most 100 characters)',
        generic: 'The ticket was not issued; try again',
      },
    },
    counterRating: {
      waiting: 'Asked {{number}} to rate the service; waiting…',
      rated: '{{number}} has rated the service ✓',
    },
  },
};
