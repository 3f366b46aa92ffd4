import { describe, expect, it } from 'vitest';
import { NoticeAudience, noticeStateAt, PublishNoticeRequest } from '../../contracts/notices';

describe('a notice’s state', () => {
  const notice = { withdrawnAt: null, startsAt: '2026-11-27T02:00:00.000Z', endsAt: '2026-11-28T02:00:00.000Z' };
  it('is not started before its start, showing from it, ended from its end, withdrawn above all', () => {
    expect(noticeStateAt(notice, Date.parse('2026-11-27T01:59:59.999Z'))).toBe('scheduled');
    expect(noticeStateAt(notice, Date.parse('2026-11-27T02:00:00.000Z'))).toBe('showing');
    expect(noticeStateAt(notice, Date.parse('2026-11-28T02:00:00.000Z'))).toBe('ended');
    expect(noticeStateAt({ ...notice, withdrawnAt: '2026-11-27T03:00:00Z' }, Date.parse('2026-11-27T04:00:00Z'))).toBe(
      'withdrawn',
    );
    expect(noticeStateAt({ ...notice, endsAt: null }, Date.parse('2030-01-01T00:00:00Z'))).toBe('showing');
  });
});

describe('a notice’s audience', () => {
  const tv = '11111111-1111-4111-8111-111111111111';
  it('is everywhere unless screens are chosen; chosen screens name at least one, each once', () => {
    expect(PublishNoticeRequest.parse({ title: 't', body: 'b' }).audience).toEqual({ scope: 'all' });
    expect(NoticeAudience.safeParse({ scope: 'chosen', hall: true, terminalIds: [] }).success).toBe(true);
    expect(NoticeAudience.safeParse({ scope: 'chosen', hall: false, terminalIds: [tv] }).success).toBe(true);
    expect(NoticeAudience.safeParse({ scope: 'chosen', hall: false, terminalIds: [] }).success).toBe(false);
    expect(NoticeAudience.safeParse({ scope: 'chosen', hall: false, terminalIds: [tv, tv] }).success).toBe(false);
    expect(NoticeAudience.safeParse({ scope: 'chosen', hall: false, terminalIds: ['not-a-uuid'] }).success).toBe(false);
  });
});
