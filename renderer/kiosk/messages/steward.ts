import type { AreaMessages } from './types';

/** Messages of the kiosk's 'steward' flow (i18n keys `steward.*`). */
export const stewardMessages: AreaMessages = {
  zhCN: {
    steward: {
      // Single glyphs drawn in the round icons (decorative, hidden from screen readers).
      badge: '管',
      startupIcon: '企',
      approvalIcon: '批',
      complaintIcon: '诉',
      heroTitle: '首席服务管家，一对一帮您办',
      heroText: '服务管家是大厅为企业和群众安排的专职帮办人员，从咨询、申报到办结全程陪同，免费服务。',
      offersTitle: '服务管家可以帮您',
      startupTitle: '企业开办',
      startupText: '名称申报、营业执照、公章刻制、银行开户、申领发票，一次告知、一站办好。',
      approvalTitle: '项目审批',
      approvalText: '梳理材料清单，协调相关部门，跟踪审批进度，办理结果及时告诉您。',
      complaintTitle: '诉求投诉',
      complaintText: '经营中遇到的难题和投诉，专人受理、限时答复、全程跟踪。',
      how: '点击下方按钮领取服务管家专号，走绿色通道优先叫号，服务管家会在服务管家窗口接待您。',
      withCard: '已读取身份证：同一张身份证当天只发一个管家号，再次申请会显示原来的号码。',
      withoutCard: '没有身份证也可以申请。',
      request: '请服务管家帮我',
      busy: '正在为您联系服务管家，请稍候…',
      doneTitle: '已为您预约服务管家',
      priority: '绿色通道 · 优先叫号',
      priorityText: '您的号码享受绿色通道，会排在普通号码之前叫号。',
      callAtWindow: '服务管家将在 {{windows}} 号窗口叫这个号码，请在附近等候，留意叫号屏幕和语音提示。',
      callAtStewardWindow: '服务管家将在服务管家窗口叫这个号码，请在附近等候，留意叫号屏幕和语音提示。',
      windowsJoin: '、',
      bring: '办理时请带好身份证和相关材料；企业事项请带营业执照或授权委托书。',
      errors: {
        steward_unavailable: {
          title: '本大厅暂未设置首席服务管家',
          next: '请到服务台咨询，工作人员会为您安排帮办。',
        },
        service_closed: {
          title: '服务管家当前不在服务时间',
          next: '请到服务台咨询，或在服务时间再来。',
          nextWhen: '服务管家将于 {{when}} 开始服务，届时请再来申请；着急办理请到服务台咨询。',
        },
        daily_limit_reached: {
          title: '今天的服务管家号已经发完',
          next: '请到服务台登记，服务管家会尽快与您联系；也可以明天再来。',
        },
        slot_full: {
          title: '这个时段的服务管家号已经发完',
          next: '请稍后再来申请，或到服务台咨询。',
        },
        duplicate_ticket: {
          title: '您今天已经有服务管家号',
          next: '请留意服务管家窗口叫号；号码忘了的，请到服务台查询。',
        },
        network: {
          title: '暂时连接不上大厅服务器',
          next: '请稍后再试；着急办理的，请到服务台咨询。',
        },
        generic: {
          title: '没有申请成功',
          next: '请重试；仍不成功，请到服务台咨询。',
        },
      },
    },
  },
  en: {
    steward: {
      badge: 'S',
      startupIcon: 'B',
      approvalIcon: 'A',
      complaintIcon: 'C',
      heroTitle: 'Chief service steward: one-to-one help',
      heroText:
        'Stewards are hall staff who accompany businesses and citizens from the first question to the finished case, free of charge.',
      offersTitle: 'A steward can help you with',
      startupTitle: 'Starting a business',
      startupText: 'Name registration, business licence, company seal, bank account and invoices: told once, done in one place.',
      approvalTitle: 'Approvals',
      approvalText: 'Lists what you need, coordinates the departments, follows the approval and tells you the result.',
      complaintTitle: 'Requests and complaints',
      complaintText: 'Problems in running your business: one person takes them on, answers on a deadline and follows up.',
      how: 'Press the button below for a steward number: it is a green-channel number, called first, and a steward receives you at the steward window.',
      withCard: 'Your ID card has been read: one steward number per card a day; asking again shows the same number.',
      withoutCard: 'You can ask without an ID card too.',
      request: 'Please help me, steward',
      busy: 'Contacting a steward for you, one moment…',
      doneTitle: 'A steward will see you',
      priority: 'Green channel · called first',
      priorityText: 'Your number is in the green channel and is called before ordinary numbers.',
      callAtWindow: 'A steward will call this number at window {{windows}}. Please wait nearby and watch the screen.',
      callAtStewardWindow: 'A steward will call this number at the steward window. Please wait nearby and watch the screen.',
      windowsJoin: ', ',
      bring: 'Bring your ID card and papers; for a business, its licence or a letter of authorisation.',
      errors: {
        steward_unavailable: {
          title: 'This hall has no service steward yet',
          next: 'Please ask at the service desk; the staff will arrange help for you.',
        },
        service_closed: {
          title: 'Stewards are not on duty right now',
          next: 'Please ask at the service desk, or come back during steward hours.',
          nextWhen: 'Stewards are back at {{when}}; please ask again then. If it is urgent, ask at the service desk.',
        },
        daily_limit_reached: {
          title: "Today's steward numbers have all been given out",
          next: 'Please register at the service desk and a steward will contact you soon, or come back tomorrow.',
        },
        slot_full: {
          title: 'Steward numbers for this time slot have all been given out',
          next: 'Please ask again a little later, or ask at the service desk.',
        },
        duplicate_ticket: {
          title: 'You already have a steward number today',
          next: 'Watch for it at the steward window; if you lost it, ask at the service desk.',
        },
        network: {
          title: 'The hall server cannot be reached right now',
          next: 'Please try again shortly; if it is urgent, ask at the service desk.',
        },
        generic: {
          title: 'Your request did not go through',
          next: 'Please try again; if it still fails, ask at the service desk.',
        },
      },
    },
  },
};
