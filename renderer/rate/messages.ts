import type { AreaMessages } from '../kiosk/messages/types';

/**
 * The window evaluator page /rate (keys `rate.*`). The five levels and the reasons' words are the
 * kiosk's 好差评 ones (`evaluate.levels.*`, `evaluate.reasons.*`): one wording hall-wide.
 */
export const rateMessages: AreaMessages = {
  zhCN: {
    rate: {
      title: '服务评价',
      window: '{{number}}号窗口',
      welcome: '欢迎您对我们的服务进行监督',
      idleHint: '办理结束后，工作人员会请您在这里评价',
      prompt: '请对本次服务进行评价',
      labels: { ticket: '号码', window: '窗口', staff: '服务人员' },
      staff: '工号 {{staffNo}} · {{name}}',
      staffNoName: '工号 {{staffNo}}',
      whyTitle: '请告诉我们哪里做得不好（可多选）',
      comment: '补充说明（选填）',
      commentHint: '点输入框可用屏幕键盘拼音输入',
      submit: '提交评价',
      submitting: '正在提交…',
      closesIn: '无操作 {{seconds}} 秒后自动关闭',
      thanks: '感谢您的评价！',
      thanksBad: '我们会认真核实并整改，感谢您的监督。',
      thanksGood: '您的满意是我们的追求，欢迎再来。',
      already: '本次服务已评价',
      alreadyHint: '每次服务只能评价一次，感谢您的参与。',
      done: '完成',
      problems: {
        reason_required: '请至少选择一项不满意的原因',
        not_finished: '本次业务尚未办结，请在工作人员办结后再点“提交评价”',
        network: '无法连接大厅服务器，请稍后再试',
        generic: '评价没有提交成功，请重试或告诉工作人员',
      },
      setup: {
        unbound: '本评价器还没有绑定窗口，请技术人员在运维页面的“终端配对”中设置窗口号。',
        unpaired: '本设备还不是窗口评价器。请技术人员生成配对码，在本设备打开配对页面完成配对。',
        pairLink: '打开配对页面',
        loading: '正在连接大厅主机…',
        failed: '暂时无法连接大厅主机，正在重试…',
      },
    },
  },
  en: {
    rate: {
      title: 'Rate our service',
      window: 'Window {{number}}',
      welcome: 'Tell us how we served you',
      idleHint: 'When your business is done, staff will ask you to rate it here',
      prompt: 'Please rate the service you just received',
      labels: { ticket: 'Number', window: 'Window', staff: 'Served by' },
      staff: 'Staff no. {{staffNo}} · {{name}}',
      staffNoName: 'Staff no. {{staffNo}}',
      whyTitle: 'What went wrong? (choose one or more)',
      comment: 'More details (optional)',
      commentHint: 'Touch the field to type on the on-screen keyboard',
      submit: 'Submit rating',
      submitting: 'Submitting…',
      closesIn: 'Closes in {{seconds}} s without a touch',
      thanks: 'Thank you for your rating!',
      thanksBad: 'We will look into it and put it right. Thank you for telling us.',
      thanksGood: 'We are glad we could help. See you again.',
      already: 'This service has been rated',
      alreadyHint: 'Each service is rated once. Thank you for taking part.',
      done: 'Done',
      problems: {
        reason_required: 'Please choose at least one reason',
        not_finished: 'Your business is not finished yet: press “Submit rating” once staff have finished it',
        network: 'Cannot reach the hall server; please try again',
        generic: 'The rating was not submitted; please try again or tell staff',
      },
      setup: {
        unbound: 'This rating pad is not bound to a window yet. A technician sets its window under Terminals.',
        unpaired: 'This device is not a rating pad yet. A technician creates a pairing code; open the pairing page here.',
        pairLink: 'Open the pairing page',
        loading: 'Connecting to the hall host…',
        failed: 'Cannot reach the hall host; retrying…',
      },
    },
  },
};
