import type { AreaMessages } from '../kiosk/messages/types';

/** The pairing page of a LAN browser (keys `pair.*`). */
export const pairMessages: AreaMessages = {
  zhCN: {
    pair: {
      title: '终端配对',
      intro: '本设备需要先与大厅主机配对。请技术人员在大厅主机的运维页面生成六位配对码（10 分钟内有效），在此输入。',
      code: '配对码',
      name: '终端名称',
      namePlaceholder: '如：二楼 3 号窗口',
      submit: '配对',
      working: '正在配对…',
      done: '配对成功。本浏览器已获准访问大厅主机。',
      kind: '本终端是',
      kinds: { counter: '窗口电脑（叫号）', display: '大厅显示屏', evaluator: '窗口评价器' },
      go: { counter: '打开窗口叫号', display: '打开大厅显示屏', evaluator: '打开窗口评价器' },
      windowNumber: '所在窗口号',
      windowNumberHint: '评价器只显示这个窗口的评价请求，如 3 号窗口填 3。',
      errors: {
        pairing_invalid: '配对码无效或已过期，请重新生成。',
        locked_out: '尝试次数过多，请一分钟后再试。',
        invalid_request: '请输入六位数字配对码和终端名称；窗口评价器还须填写窗口号。',
        window_unknown: '大厅没有这个窗口号，请核对后重试（配对码仍然有效）。',
        network: '无法连接大厅主机，请检查网络。',
        generic: '配对没有成功，请重试或联系技术人员。',
      },
    },
  },
  en: {
    pair: {
      title: 'Pair this terminal',
      intro:
        'This device must be paired with the hall host first. Ask a technician to create a six-digit code on the hall host (valid for 10 minutes) and enter it here.',
      code: 'Pairing code',
      name: 'Terminal name',
      namePlaceholder: 'e.g. Floor 2, window 3',
      submit: 'Pair',
      working: 'Pairing…',
      done: 'Paired. This browser may now use the hall host.',
      kind: 'This terminal is',
      kinds: { counter: 'A window PC (calling)', display: 'A hall display', evaluator: 'A window rating pad' },
      go: { counter: 'Open the counter', display: 'Open the hall display', evaluator: 'Open the rating pad' },
      windowNumber: 'Window number',
      windowNumberHint: 'The pad shows the rating requests of this window only, e.g. 3 for window 3.',
      errors: {
        pairing_invalid: 'The code is wrong or has expired. Please create a new one.',
        locked_out: 'Too many tries. Please wait a minute.',
        invalid_request: 'Enter the six-digit code and a name for this terminal; a rating pad also needs its window number.',
        window_unknown: 'The hall has no window with this number. Check it and try again (the code is still good).',
        network: 'Cannot reach the hall host. Please check the network.',
        generic: 'Pairing failed. Please try again or ask a technician.',
      },
    },
  },
};
