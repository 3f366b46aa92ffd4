import type { AreaMessages } from '../../kiosk/messages/types';

/** Messages of the console's "日志与诊断" screen, i18n keys `techLogs.*`. */
export const techLogsMessages: AreaMessages = {
  zhCN: {
    techLogs: {
      title: '日志与诊断',
      intro:
        '本机主机最近的运行日志，只保存在内存中（最多 2000 条，重启后清空）。身份证号、手机号、姓名、住址等个人信息在记录前已脱敏。',
      level: '最低级别',
      levels: { all: '全部', trace: '跟踪', debug: '调试', info: '信息', warn: '警告', error: '错误', fatal: '严重' },
      filter: '筛选内容',
      filterHint: '按内容或详情中的文字筛选，例如设备编号 printer-1。',
      live: '实时刷新',
      pause: '暂停刷新',
      resume: '继续刷新',
      paused: '已暂停刷新，列表不再变化。',
      count: '显示 {{shown}} 条（已读取 {{total}} 条）',
      dropped: '内存中最早的 {{count}} 条日志已被新日志替换。',
      empty: '没有符合条件的日志。',
      listLabel: '日志列表，最新的在最上面',
      columns: { time: '时间', level: '级别', message: '内容', context: '详情' },
      download: {
        title: '诊断包',
        intro:
          '诊断包是一个 zip 文件，包含版本、配置（已去除令牌和 PIN）、设备状态、同步状态、已配对终端、最近日志、审计记录和数据库检查结果，可以发给技术支持。其中不含任何个人信息。每次下载都会记入审计日志。',
        button: '下载诊断包',
        working: '正在生成诊断包…',
        done: '已下载：{{file}}',
        readOnly: '只有技术人员可以下载诊断包。',
      },
    },
  },
  en: {
    techLogs: {
      title: 'Logs and diagnostics',
      intro:
        'The recent log of this host, kept in memory only (at most 2,000 lines, cleared on restart). ID numbers, phone numbers, names and addresses are masked before a line is kept.',
      level: 'Lowest level',
      levels: { all: 'All', trace: 'Trace', debug: 'Debug', info: 'Info', warn: 'Warning', error: 'Error', fatal: 'Fatal' },
      filter: 'Filter',
      filterHint: 'Text in the message or its details, e.g. a device id such as printer-1.',
      live: 'Live',
      pause: 'Pause updates',
      resume: 'Resume updates',
      paused: 'Updates paused: the list stays as it is.',
      count: 'Showing {{shown}} (of {{total}} read)',
      dropped: 'The oldest {{count}} lines in memory were replaced by newer ones.',
      empty: 'No log lines match.',
      listLabel: 'Log lines, newest first',
      columns: { time: 'Time', level: 'Level', message: 'Message', context: 'Details' },
      download: {
        title: 'Diagnostics bundle',
        intro:
          'A zip file for technical support: versions, configuration (without tokens or PINs), device health, sync status, paired terminals, recent logs, audit rows and a database check. It holds no personal data. Every download is audited.',
        button: 'Download diagnostics bundle',
        working: 'Building the bundle…',
        done: 'Downloaded: {{file}}',
        readOnly: 'Only technicians can download the diagnostics bundle.',
      },
    },
  },
};
