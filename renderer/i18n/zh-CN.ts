/** Simplified Chinese, the default language of the hall. Keys are shared with en.ts. */
export const zhCN = {
  hall: { defaultName: '政务服务中心' },
  common: { back: '返回', done: '完成', retry: '重试', loading: '加载中…', language: 'English', offline: '与大厅服务器的连接已断开，正在重连…' },
  kiosk: {
    welcome: '欢迎办理政务服务',
    tapCard: '请将身份证放在读卡区',
    greeting: '您好，{{name}}',
    takeTicket: '取号',
    takeTicketHint: '选择要办理的事项',
    chooseService: '请选择办理事项',
    waiting: '等候 {{count}} 人',
    closed: '暂停取号',
    yourNumber: '您的号码',
    peopleAhead: '前面还有 {{count}} 人',
    keepTicket: '请留意大厅屏幕和语音叫号',
    finish: '完成，退出',
    demoPanel: '演示模式：模拟读卡器',
    demoPlace: '放卡：{{label}}',
    demoRemove: '取走身份证',
    errors: {
      no_identity: '请先刷身份证',
      duplicate_ticket: '您已有该事项的号码，请勿重复取号',
      daily_limit_reached: '该事项今日号码已取完',
      service_closed: '该事项暂停取号',
      network: '无法连接大厅服务器，请稍后再试',
      generic: '操作失败，请重试或咨询工作人员',
    },
  },
  counter: {
    title: '窗口叫号',
    chooseWindow: '选择窗口',
    callNext: '叫下一位',
    current: '当前号码',
    none: '暂无',
    queueEmpty: '没有等候的号码',
    services: '办理事项',
  },
  display: {
    title: '叫号信息',
    callLine: '请 {{number}} 号到 {{window}} 号窗口',
    windowLabel: '{{window}}号窗口',
    recent: '最近叫号',
    waiting: '等候人数',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
