import type { AreaMessages } from './types';

/** Messages of the kiosk's 'checkin' flow (i18n keys `checkin.*`). */
export const checkinMessages: AreaMessages = {
  zhCN: {
    checkin: {
      intro: '已在网上或电话预约的，请在预约时段开始前 1 小时内到这里签到，签到后领取优先号码。',
      cardTitle: '已读取您的身份证',
      cardHint: '系统将自动查找您今天的预约。',
      byCard: '用身份证签到',
      scanTitle: '扫描预约二维码',
      scanHint: '请将预约确认短信或小程序中的二维码对准扫码窗口，扫到后自动签到。',
      scanReady: '扫码器已就绪，请出示二维码',
      cardTip: '带了身份证？放在读卡区，就可以用身份证签到。',
      typeTitle: '扫不出来？输入预约码',
      codeLabel: '预约码',
      codeHint: '预约码在预约确认短信中，由字母和数字组成，不区分大小写。',
      codeMissing: '请先输入预约码',
      submitCode: '签到',
      busy: '正在为您签到，请稍候…',
      or: '或',
      doneTitle: '签到成功',
      doneAgainTitle: '您已签到过，这是您原来的号码',
      doneAgainNote: '无需重复排队，请留意叫号屏幕和语音提示。',
      priorityNote: '预约号优先叫号，请在大厅等候。',
      appointment: '预约信息',
      service: '预约事项',
      slot: '预约时段',
      slotRange: '今天 {{start}}–{{end}}',
      applicant: '预约人',
      toTicket: '返回首页，改为普通取号',
      errors: {
        appointment_unknown_card: {
          title: '没有找到您今天的预约',
          next: '请核对预约的日期和办理大厅；如果是用别人的身份证预约的，请扫描预约二维码。今天需要办理，也可以改为普通取号。',
        },
        appointment_unknown_code: {
          title: '没有找到这个预约码',
          next: '请核对预约码后重新扫码或输入；仍有疑问请到服务台咨询。',
        },
        appointment_other_day: {
          title: '这个预约不是今天的（预约日期：{{date}}）',
          next: '请在预约当天前来签到。今天需要办理，请改为普通取号。',
        },
        appointment_too_early: {
          title: '还没到签到时间',
          next: '您的预约时段从 {{slot}} 开始，请于 {{time}} 后再来签到。',
        },
        appointment_expired: {
          title: '预约时段已过（{{time}} 结束），预约已失效',
          next: '请改为普通取号，或重新预约其他时段。',
        },
        appointment_not_yours: {
          title: '预约码与读卡器上的身份证不是同一个人',
          next: '请取走身份证后再扫码，或用预约人本人的身份证签到。',
        },
        appointment_used: {
          title: '这个预约已经签到并办理完毕',
          next: '同一预约不能再次签到。还需办理的，请改为普通取号。',
        },
        duplicate_ticket: {
          title: '您已有这个事项的号码',
          next: '无需再次签到，请留意叫号；如有疑问请到服务台咨询。',
        },
        service_closed: {
          title: '预约的事项当前不在办理时间',
          next: '暂时无法签到，请到服务台咨询。',
          nextWhen: '将于 {{when}} 恢复办理，届时请再来签到；如有疑问请到服务台咨询。',
        },
        service_unknown: {
          title: '本大厅暂时无法为这个预约事项排号',
          next: '请带好预约信息到服务台，工作人员会为您安排。',
        },
        daily_limit_reached: {
          title: '这个事项今天的号码已经发完',
          next: '请到服务台咨询，工作人员会为您安排。',
        },
        no_identity: {
          title: '没有读取到身份证',
          next: '请将身份证放在读卡区后再点“用身份证签到”，或扫描预约二维码。',
        },
        invalid_state: {
          title: '这个预约刚刚已经签到',
          next: '请再签到一次，即可看到您的号码。',
        },
        invalid_request: {
          title: '预约码格式不正确',
          next: '请核对后重新输入，或扫描预约二维码。',
        },
        network: {
          title: '暂时连接不上大厅服务器',
          next: '请稍后再试；着急办理的，请到服务台咨询。',
        },
        generic: {
          title: '签到没有成功',
          next: '请重试；仍不成功，请到服务台咨询。',
        },
      },
    },
  },
  en: {
    checkin: {
      intro: 'Booked online or by phone? Check in here from 1 hour before your slot and get a priority number.',
      cardTitle: 'Your ID card has been read',
      cardHint: "We will look up today's appointment for you.",
      byCard: 'Check in with my ID card',
      scanTitle: 'Scan your appointment QR code',
      scanHint: 'Hold the QR code from your confirmation text or mini-program to the scanner window. Check-in starts by itself.',
      scanReady: 'The scanner is ready. Show your QR code.',
      cardTip: 'Have your ID card? Place it on the reader to check in with it.',
      typeTitle: "Can't scan? Type the booking code",
      codeLabel: 'Booking code',
      codeHint: 'The booking code is in your confirmation text: letters and digits, upper or lower case.',
      codeMissing: 'Please type the booking code first',
      submitCode: 'Check in',
      busy: 'Checking you in, one moment…',
      or: 'or',
      doneTitle: 'You are checked in',
      doneAgainTitle: 'You checked in before: here is your number',
      doneAgainNote: 'No need to queue again. Watch the hall screen and listen for your number.',
      priorityNote: 'Appointment numbers are called first. Please wait in the hall.',
      appointment: 'Appointment',
      service: 'Service',
      slot: 'Time slot',
      slotRange: 'Today {{start}}–{{end}}',
      applicant: 'Booked by',
      toTicket: 'Back home to take an ordinary number',
      errors: {
        appointment_unknown_card: {
          title: 'No appointment today for this ID card',
          next: "Check the date and hall of your booking. If it was booked with someone else's ID card, scan its QR code. You can also take an ordinary number.",
        },
        appointment_unknown_code: {
          title: 'This booking code was not found',
          next: 'Check the code and scan or type it again. If in doubt, ask at the service desk.',
        },
        appointment_other_day: {
          title: 'This appointment is not for today (it is for {{date}})',
          next: 'Please check in on the day of your appointment. To be served today, take an ordinary number.',
        },
        appointment_too_early: {
          title: 'Check-in has not opened yet',
          next: 'Your slot starts at {{slot}}. Please come back and check in after {{time}}.',
        },
        appointment_expired: {
          title: 'Your slot has passed (it ended at {{time}})',
          next: 'Please take an ordinary number, or book another slot.',
        },
        appointment_not_yours: {
          title: 'This booking code belongs to someone other than the ID card on the reader',
          next: "Take the ID card off the reader and scan again, or check in with the booked person's own ID card.",
        },
        appointment_used: {
          title: 'This appointment was already checked in and served',
          next: 'An appointment checks in only once. To be served again, take an ordinary number.',
        },
        duplicate_ticket: {
          title: 'You already hold a number for this service',
          next: 'No need to check in again; listen for your number. If in doubt, ask at the service desk.',
        },
        service_closed: {
          title: 'The booked service is closed right now',
          next: 'Check-in is not possible at the moment. Please ask at the service desk.',
          nextWhen: 'It opens again at {{when}}; please check in then. If in doubt, ask at the service desk.',
        },
        service_unknown: {
          title: 'This hall cannot queue the booked service here',
          next: 'Please bring your booking to the service desk; the staff will arrange it.',
        },
        daily_limit_reached: {
          title: 'All numbers for this service have been given out today',
          next: 'Please ask at the service desk; the staff will arrange it.',
        },
        no_identity: {
          title: 'No ID card was read',
          next: 'Place your ID card on the reader and press "Check in with my ID card" again, or scan your QR code.',
        },
        invalid_state: {
          title: 'This appointment was checked in a moment ago',
          next: 'Check in once more to see your number.',
        },
        invalid_request: {
          title: 'That booking code does not look right',
          next: 'Check it and type it again, or scan the QR code.',
        },
        network: {
          title: 'The hall server cannot be reached right now',
          next: 'Please try again shortly; if it is urgent, ask at the service desk.',
        },
        generic: {
          title: 'Check-in did not succeed',
          next: 'Please try again; if it still fails, ask at the service desk.',
        },
      },
    },
  },
};
