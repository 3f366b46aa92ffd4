import type { AreaMessages } from '../../kiosk/messages/types';

/** 实时 (every hall live), i18n keys `dstLive.*`. */
export const dstLiveMessages: AreaMessages = {
  zhCN: {
    dstLive: {
      nav: '实时',
      title: '全区大厅实时情况',
      intro: '各大厅主机约每分钟上报一次排队情况，本页每 30 秒刷新。超过 {{minutes}} 分钟没有上报的大厅标为“已失联”。',
      at: '数据截至 {{time}}',
      none: '还没有登记的大厅。',
      columns: {
        hall: '大厅',
        level: '级别',
        open: '取号',
        waiting: '正在等候',
        served: '今日已办',
        windows: '开放窗口',
        serviceLevel: '服务达标率',
        reported: '最近上报',
      },
      levels: { 'district-centre': '区中心', 'community-centre': '社区中心' },
      open: '取号中',
      closed: '未开放',
      noData: '无数据',
      stale: '已失联',
      unknown: '—',
      percent: '{{value}}%',
      total: '{{count}} 个有数据的大厅合计：正在等候 {{waiting}} 人，今日已办 {{served}} 件，开放窗口 {{windows}} 个。',
    },
  },
  en: {
    dstLive: {
      nav: 'Live',
      title: 'Every hall, live',
      intro:
        'Each hall’s host reports its queue about every minute; this page refreshes every 30 seconds. A hall not heard from for over {{minutes}} minutes is marked “lost”.',
      at: 'As of {{time}}',
      none: 'No hall is registered yet.',
      columns: {
        hall: 'Hall',
        level: 'Level',
        open: 'Tickets',
        waiting: 'Waiting now',
        served: 'Served today',
        windows: 'Open windows',
        serviceLevel: 'Service level',
        reported: 'Last report',
      },
      levels: { 'district-centre': 'District centre', 'community-centre': 'Community centre' },
      open: 'Issuing',
      closed: 'Closed',
      noData: 'No data',
      stale: 'Lost',
      unknown: '—',
      percent: '{{value}}%',
      total:
        'Total of the {{count}} halls with figures: {{waiting}} waiting now, {{served}} served today, {{windows}} windows open.',
    },
  },
};
