import { describe, expect, it } from 'vitest';
import type { DeadlineNotice } from '../../../contracts/complaint-deadlines';
import { beijingDeadline, deadlineNoticeText } from '../../../platform/notify/deadline-notice-text';
import { beijing, district } from '../support/complaints';

const notice = (kind: DeadlineNotice['kind'], stage: DeadlineNotice['stage'], dueAt: string): DeadlineNotice => ({
  key: `HK20261127000001:${stage}:${kind}`,
  complaintNumber: 'HK20261127000001',
  kind,
  stage,
  at: dueAt,
  dueAt,
  to: { kind: 'unit', unitCode: 'market-regulation', duty: 'handler', personId: null },
});

const complaint = { number: 'HK20261127000001', topic: 'approval' } as const;

describe('the words of a deadline notice', () => {
  it('says a day’s end as that day’s 24:00 in Beijing, with the weekday', () => {
    expect(beijingDeadline(beijing('2026-12-01T00:00'), district.timeZone)).toBe('2026年11月30日（星期一）24:00');
    expect(beijingDeadline(beijing('2026-12-03T09:00'), district.timeZone)).toBe('2026年12月3日（星期四）09:00');
  });

  it('names the number, topic, stage and deadline, and the working days overdue once late', () => {
    const due = beijing('2026-12-01T00:00');
    const text = deadlineNoticeText(
      notice('escalation', 'reply', due),
      complaint,
      district,
      new Date(beijing('2026-12-02T10:00')),
    );
    expect(text.subject).toBe('【督办升级】营商诉求 HK20261127000001「答复」超期未办');
    expect(text.body.split('\n')).toEqual([
      '您好：',
      '',
      '营商诉求 HK20261127000001（审批服务）的「答复」环节已于2026年11月30日（星期一）24:00（北京时间）到期，督办后仍未办理，已超期 2 个工作日，请分管领导督促办理。',
      '',
      '诉求编号：HK20261127000001',
      '办理环节：答复',
      '办理期限：2026年11月30日（星期一）24:00（北京时间）',
      '通知类型：督办升级',
      '超期：2 个工作日',
      '',
      '请登录区级平台管理台查看并办理。本通知由系统自动发送，请勿回复。',
    ]);
  });

  it('has a subject for every kind, each naming the complaint', () => {
    const due = beijing('2026-12-05T00:00');
    const before = new Date(beijing('2026-12-03T09:00'));
    for (const kind of ['reminder_before', 'reminder_due', 'leader_reminder', 'supervision_order', 'escalation'] as const) {
      const { subject, body } = deadlineNoticeText(notice(kind, 'close', due), complaint, district, before);
      expect(subject).toContain('HK20261127000001');
      expect(body).toContain('办理期限：2026年12月4日（星期五）24:00（北京时间）');
      expect(body).not.toContain('超期：');
    }
  });
});
