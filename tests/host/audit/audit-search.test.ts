import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSearchResult } from '../../../contracts/audit-search';
import { ApiError } from '../../../contracts/errors';
import { HallNoticeRecord } from '../../../contracts/notices';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { ManualClock } from '../sync/support';

/**
 * The manager's search of the audit log through a real host. The hall clock starts on Friday
 * 2026-11-27 at 10:00 in Beijing (02:00 UTC); one entry is made at 07:30 on Saturday Beijing
 * time, which is still Friday in UTC: the search's days are the hall's.
 */
let host: TestHost;
let clock: ManualClock;
let supervisor: { authorization: string };
let technician: { authorization: string };
let fridayNotice: HallNoticeRecord;
let saturdayNotice: HallNoticeRecord;

const publish = async (title: string) => {
  const res = await host.app.inject({
    method: 'POST',
    url: '/api/v1/notices',
    headers: supervisor,
    payload: { title, body: 'x' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return HallNoticeRecord.parse(res.json());
};

async function search(query: string, headers = supervisor) {
  const res = await host.app.inject({ url: `/api/v1/manager/audit${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return AuditSearchResult.parse(res.json());
}

beforeAll(async () => {
  clock = new ManualClock();
  host = await startTestHost({ clock, config: { staff: await testStaffSeeds() } });
  supervisor = await signIn(host.app, '9001');
  fridayNotice = await publish('周五通知');
  // Saturday 07:30 in Beijing = Friday 23:30 UTC. Sessions do not last that long: sign in again.
  clock.advance(21.5 * 3600_000);
  supervisor = await signIn(host.app, '9001');
  technician = await signIn(host.app, '8001');
  saturdayNotice = await publish('周六通知');
  await host.app.inject({ method: 'DELETE', url: `/api/v1/notices/${fridayNotice.id}`, headers: supervisor });
});
afterAll(async () => host.dispose());

describe('GET /manager/audit', () => {
  it('answers newest first, the actor by staff number and name', async () => {
    const { entries } = await search('?action=notice');
    expect(entries.map((e) => [e.action, e.staffNo, e.staffName])).toEqual([
      ['notice.withdraw', '9001', '值班主任'],
      ['notice.publish', '9001', '值班主任'],
      ['notice.publish', '9001', '值班主任'],
    ]);
    expect(entries[0]?.details).toEqual({ noticeId: fridayNotice.id });
  });

  it('filters by the actor, by an exact action or a kind, and by the target', async () => {
    expect((await search('?staffNo=8001')).entries.map((e) => e.action)).toEqual(['auth.sign_in']);
    expect((await search('?staffNo=9001&action=notice.publish')).entries).toHaveLength(2);
    expect((await search('?staffNo=9001&action=auth')).entries.map((e) => e.action)).toEqual([
      'auth.sign_in',
      'auth.session_expired',
      'auth.sign_in',
    ]);
    // A kind matches its own actions only: `notice` is not a prefix of `notices.x` or `noticeboard`.
    expect((await search('?action=notic')).entries).toEqual([]);
    expect((await search(`?target=${fridayNotice.id}`)).entries.map((e) => e.action)).toEqual([
      'notice.withdraw',
      'notice.publish',
    ]);
    expect((await search('?staffNo=1001')).entries).toEqual([]);
  });

  it('reads a range of days as the hall’s days, not UTC’s', async () => {
    const friday = await search('?from=2026-11-27&to=2026-11-27&action=notice');
    expect(friday.entries.map((e) => e.details?.['noticeId'])).toEqual([fridayNotice.id]);
    const saturday = await search('?from=2026-11-28&action=notice');
    expect(saturday.entries.map((e) => e.action)).toEqual(['notice.withdraw', 'notice.publish']);
    expect(saturday.entries[1]?.details?.['noticeId']).toBe(saturdayNotice.id);
    expect((await search('?to=2026-11-26')).entries).toEqual([]);
  });

  it('pages, saying where the next page starts', async () => {
    const all = await search('');
    const first = await search('?limit=2');
    expect(first.entries).toEqual(all.entries.slice(0, 2));
    expect(first.next).toBe(2);
    const rest = await search(`?limit=200&offset=${first.next ?? 0}`);
    expect([...first.entries, ...rest.entries]).toEqual(all.entries);
    expect(rest.next).toBeNull();
  });

  it('refuses filters that do not hold with a typed 400', async () => {
    for (const query of [
      '?from=2026-11-28&to=2026-11-27',
      '?from=2026-02-30',
      '?from=yesterday',
      '?staffNo=9001;DROP',
      '?action=Notice!',
      '?action=notice.',
      `?target=${'x'.repeat(101)}`,
      '?limit=1000000',
      '?offset=-1',
    ]) {
      const res = await host.app.inject({ url: `/api/v1/manager/audit${query}`, headers: supervisor });
      expect([res.statusCode, ApiError.parse(res.json()).error.code], query).toEqual([400, 'invalid_request']);
    }
  });

  it('is for supervisors and technicians: a clerk is refused, and nobody without signing in', async () => {
    expect((await search('?limit=1', technician)).entries).toHaveLength(1);
    const clerk = await signIn(host.app, '1001');
    expect((await host.app.inject({ url: '/api/v1/manager/audit', headers: clerk })).statusCode).toBe(403);
    expect((await host.app.inject({ url: '/api/v1/manager/audit' })).statusCode).toBe(401);
  });
});
