import { describe, expect, it } from 'vitest';
import type { HallNoticeRecord } from '../../../../contracts/notices';
import { EMPTY_FORM, formOf, noticeRequest } from '../../../../renderer/manager/notices/notice-form';

const TZ = 'Asia/Shanghai';
const TV = '11111111-1111-4111-8111-111111111111';
const OLD_TV = '22222222-2222-4222-8222-222222222222';

const notice = (overrides: Partial<HallNoticeRecord> = {}): HallNoticeRecord => ({
  id: 'n1',
  source: 'local',
  title: '延时服务',
  body: '周六 9:00-12:00',
  publishedAt: '2026-11-27T01:00:00.000Z',
  // 10:00:23 Beijing: seconds a datetime-local input cannot hold.
  startsAt: '2026-11-27T02:00:23.456Z',
  endsAt: '2026-11-28T02:00:00.000Z',
  withdrawnAt: null,
  createdBy: '9001',
  audience: {
    scope: 'chosen',
    hall: false,
    terminals: [
      { id: TV, name: '一楼叫号屏', kind: 'display', revoked: false },
      { id: OLD_TV, name: '旧屏', kind: 'display', revoked: true },
    ],
  },
  editedAt: null,
  editedBy: null,
  state: 'scheduled',
  ...overrides,
});

describe('the request a notice form makes', () => {
  it('publishes now, until withdrawn, everywhere when only title and text are given', () => {
    expect(noticeRequest({ ...EMPTY_FORM, title: ' 通知 ', body: ' 正文 ' }, TZ)).toEqual({
      ok: true,
      request: { title: '通知', body: '正文', audience: { scope: 'all' } },
    });
  });

  it('reads times on the hall’s clock and aims at the chosen screens', () => {
    const form = { ...EMPTY_FORM, title: 't', body: 'b', startsAt: '2026-11-27T10:00', endsAt: '2026-11-27T10:30' };
    expect(noticeRequest({ ...form, scope: 'chosen', hall: true, terminalIds: [TV] }, TZ)).toEqual({
      ok: true,
      request: {
        title: 't',
        body: 'b',
        startsAt: '2026-11-27T02:00:00.000Z',
        endsAt: '2026-11-27T02:30:00.000Z',
        audience: { scope: 'chosen', hall: true, terminalIds: [TV] },
      },
    });
  });

  it('says what is missing: text, an end after the start, a screen when screens are chosen', () => {
    const result = noticeRequest(
      { ...EMPTY_FORM, startsAt: '2026-11-27T10:00', endsAt: '2026-11-27T09:00', scope: 'chosen' },
      TZ,
    );
    expect(result).toEqual({ ok: false, problems: ['title', 'body', 'endBeforeStart', 'screens'] });
  });

  it('fills an edit from the notice (live screens only) and sends untouched times back exactly', () => {
    const before = notice();
    const form = formOf(before, TZ);
    expect(form).toMatchObject({ startsAt: '2026-11-27T10:00', endsAt: '2026-11-28T10:00', scope: 'chosen', terminalIds: [TV] });
    const result = noticeRequest({ ...form, body: '周六 9:00-12:30' }, TZ, before);
    // The start stays as stored (with its seconds), the end as it was.
    expect(result).toEqual({
      ok: true,
      request: {
        title: '延时服务',
        body: '周六 9:00-12:30',
        endsAt: '2026-11-28T02:00:00.000Z',
        audience: { scope: 'chosen', hall: false, terminalIds: [TV] },
      },
    });
    // An end moved before the kept start is caught here already.
    expect(noticeRequest({ ...form, endsAt: '2026-11-27T09:00' }, TZ, before)).toEqual({
      ok: false,
      problems: ['endBeforeStart'],
    });
  });
});
