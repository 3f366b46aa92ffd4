import type { AreaMessages } from '../../kiosk/messages/types';

/** 实时 (every hall live), i18n keys `dstLive.*`. */
export const dstLiveMessages: AreaMessages = {
  zhCN: {
    dstLive: {
      nav: '实时',
      title: '全区大厅实时情况',
      intro: '各大厅每分钟上报一次等候人数和当日办理量；超过 3 分钟未上报的大厅标为“未上报”。',
      notServed: '此平台尚未提供实时数据。',
      none: '还没有大厅上报。',
      columns: { hall: '大厅', level: '级别', waiting: '等候人数', served: '今日已办', reported: '最近上报' },
      silent: '未上报',
      never: '从未上报',
      levels: { 'district-centre': '区中心', 'community-centre': '社区中心' },
      total: '全区合计：等候 {{waiting}} 人，今日已办 {{served}} 件。',
    },
  },
  en: {
    dstLive: {
      nav: 'Live',
      title: 'Every hall, live',
      intro: 'Halls report their waiting and today’s served counts every minute; a hall silent for 3 minutes is marked.',
      notServed: 'This platform does not serve live figures yet.',
      none: 'No hall has reported yet.',
      columns: { hall: 'Hall', level: 'Level', waiting: 'Waiting', served: 'Served today', reported: 'Last report' },
      silent: 'Silent',
      never: 'Never reported',
      levels: { 'district-centre': 'District centre', 'community-centre': 'Community centre' },
      total: 'District total: {{waiting}} waiting, {{served}} served today.',
    },
  },
};
