import type { DeadlineNotice, DeadlineStage, NoticeKind } from '../../contracts/complaint-deadlines';
import { COMPLAINT_TOPIC_LABELS, type Complaint } from '../../contracts/complaints';
import { wallDateTime } from '../../contracts/wall-clock';
import { dueDateOf, workingDaysOverdue, type WorkingClock } from '../../contracts/working-time';

/**
 * The words of a deadline notice, in Chinese, for the inbox and the e-mail alike: the complaint's
 * number and topic, the stage, what happened and the deadline in Beijing time. Nothing about the
 * enterprise's contact (name, phone), and not the complaint's text: a mail may cross servers the
 * district does not run, and the handler reads the rest on the console after signing in.
 */

export const STAGE_NAMES: Readonly<Record<DeadlineStage, string>> = {
  sort: '分拣转办',
  accept: '签收',
  part: '联办意见',
  reply: '答复',
  review: '审核',
  close: '办结',
};

const KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  reminder_before: '到期前提醒',
  reminder_due: '到期当日提醒',
  leader_reminder: '办结期限提醒',
  supervision_order: '督办单',
  escalation: '督办升级',
};

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function dateInChinese(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay()] ?? '';
  return `${year}年${month}月${day}日（星期${weekday}）`;
}

/**
 * A deadline in Beijing time as people say it: a day's end is that day's 24:00, not the next
 * day's 00:00 (`2026年12月1日（星期二）24:00`), any other instant its hour and minute.
 */
export function beijingDeadline(at: string, timeZone: string): string {
  const wall = wallDateTime(new Date(at), timeZone);
  if (wall.endsWith('T00:00:00')) return `${dateInChinese(dueDateOf(at, timeZone))}24:00`;
  return `${dateInChinese(wall.slice(0, 10))}${wall.slice(11, 16)}`;
}

export interface NoticeText {
  subject: string;
  body: string;
}

/** Subject and body of a deadline notice about `complaint` as of `now`. */
export function deadlineNoticeText(
  notice: DeadlineNotice,
  complaint: Pick<Complaint, 'number' | 'topic'>,
  clock: WorkingClock,
  now: Date,
): NoticeText {
  const stage = STAGE_NAMES[notice.stage];
  const due = `${beijingDeadline(notice.dueAt, clock.timeZone)}（北京时间）`;
  const number = complaint.number;
  const overdue = workingDaysOverdue(now, notice.dueAt, clock);
  const topic = COMPLAINT_TOPIC_LABELS[complaint.topic][0];
  const [subject, lead] = ((): [string, string] => {
    switch (notice.kind) {
      case 'reminder_before':
        return [`【到期提醒】营商诉求 ${number}「${stage}」将于下一个工作日到期`, `「${stage}」环节将于${due}到期，请及时办理。`];
      case 'reminder_due':
        return [`【到期提醒】营商诉求 ${number}「${stage}」今日到期`, `「${stage}」环节今日到期（${due}），请在到期前办理。`];
      case 'leader_reminder':
        return [`【办结期限提醒】营商诉求 ${number} 将于下一个工作日到办结期限`, `办结期限为${due}，请督促本单位按期办结。`];
      case 'supervision_order':
        return [
          `【督办单】营商诉求 ${number}「${stage}」已超期`,
          `「${stage}」环节已于${due}到期仍未办理，现予督办，请立即办理。`,
        ];
      case 'escalation':
        return [
          `【督办升级】营商诉求 ${number}「${stage}」超期未办`,
          `「${stage}」环节已于${due}到期，督办后仍未办理${overdue > 0 ? `，已超期 ${overdue} 个工作日` : ''}，请分管领导督促办理。`,
        ];
    }
  })();
  const body = [
    '您好：',
    '',
    `营商诉求 ${number}（${topic}）的${lead}`,
    '',
    `诉求编号：${number}`,
    `办理环节：${stage}`,
    `办理期限：${due}`,
    `通知类型：${KIND_LABELS[notice.kind]}`,
    ...(overdue > 0 ? [`超期：${overdue} 个工作日`] : []),
    '',
    '请登录区级平台管理台查看并办理。本通知由系统自动发送，请勿回复。',
  ].join('\n');
  return { subject, body };
}
