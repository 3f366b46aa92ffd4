import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { CurrentIdentity } from '../../../contracts/identity';
import { IssueTicketResponse } from '../../../contracts/queue';
import { SubmitCaseResponse } from '../../../contracts/cases';
import { StewardRequestDetail, StewardRequestList } from '../../../contracts/steward';
import type { HostConfigInput } from '../../../contracts/config';
import { listAudit } from '../../../db/repositories/audit';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { ManualClock } from '../sync/support';

/** 营商环境诉求, with the enterprise's name on its form. */
const COMPLAINT = {
  itemCode: 'YS-SQ-001',
  form: { phone: '13800000000', companyName: '杭州云栖科技有限公司', topic: '审批服务', details: '施工许可' },
};

/**
 * The steward's work list through a whole host: the kiosk's steward requests (with a case, without
 * one), the enterprise served, and the desk's follow-up (assign, contacted, done, notes), audited.
 */
describe('the steward’s work list', () => {
  let host: TestHost;
  let clock: ManualClock;
  let supervisor: { authorization: string };

  const start = async (config: HostConfigInput = {}) => {
    const seeds = await testStaffSeeds();
    const pinHash = seeds[0]?.pinHash ?? '';
    clock = new ManualClock();
    host = await startTestHost({
      clock,
      config: {
        staff: [...seeds, { staffNo: '1002', name: '李管家', role: 'staff', pinHash, stewardPhone: '0571-8888 6666' }],
        ...config,
      },
    });
    supervisor = await signIn(host.app, '9001');
  };
  afterEach(async () => {
    await host.dispose();
  });

  const placeCard = async () => {
    const placed = await host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/idcard/place',
      payload: { cardId: 'zhangSan' },
    });
    expect(placed.statusCode).toBe(204);
    await waitFor(
      async () =>
        CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity' })).json()).identity ? true : undefined,
      'card read',
    );
  };
  const submitWithSteward = async () => {
    await placeCard();
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...COMPLAINT, stewardRequested: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    return SubmitCaseResponse.parse(res.json());
  };
  const list = async (query = '') => {
    const res = await host.app.inject({ url: `/api/v1/manager/steward${query}`, headers: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    return StewardRequestList.parse(res.json());
  };
  const act = (requestId: string, payload: object, headers = supervisor) =>
    host.app.inject({ method: 'POST', url: `/api/v1/manager/steward/${requestId}/actions`, headers, payload });

  describe('with a steward service', () => {
    beforeEach(async () => start());

    it('lists a case’s steward ticket with its enterprise and masked applicant, and a request without a case', async () => {
      const submitted = await submitWithSteward();
      clock.advance(60_000);
      // The next citizen, without a card: an enterprise asks for a steward before it knows what to file.
      host.devices.placeSimulatedCard(null);
      expect((await host.app.inject({ method: 'POST', url: '/api/v1/identity/end' })).statusCode).toBeLessThan(300);
      const plain = IssueTicketResponse.parse(
        (await host.app.inject({ method: 'POST', url: '/api/v1/steward-requests' })).json(),
      );

      const { requests, next, stewards } = await list();
      expect(next).toBeNull();
      expect(stewards).toEqual([{ staffNo: '1002', name: '李管家' }]);
      expect(requests.map((r) => r.id)).toEqual([`ticket-${plain.ticket.id}`, `ticket-${submitted.stewardTicket?.ticket.id}`]);
      expect(requests[1]).toMatchObject({
        businessDay: '2026-11-27',
        ticket: { number: submitted.stewardTicket?.ticket.number, status: 'waiting', windowNumber: null },
        case: { itemName: '营商环境诉求', enterprise: '杭州云栖科技有限公司', applicantMasked: '张*', status: 'submitted' },
        status: 'open',
        assignee: null,
      });
      expect(requests[0]?.case).toBeNull();
      // Nothing personal beyond the masked name: no ID number, no phone, no full name.
      const body = JSON.stringify(requests);
      for (const secret of ['13800000000', '张三', '110105']) expect(body).not.toContain(secret);
    });

    it('assigns, marks contacted and closes a request with notes, each audited without the note; a closed one takes notes only', async () => {
      const submitted = await submitWithSteward();
      const id = `ticket-${submitted.stewardTicket?.ticket.id}`;

      expect((await act(id, { action: 'assign', staffNo: '1002' })).statusCode).toBe(200);
      const contacted = await act(id, { action: 'contact', note: '已电话联系 13912345678，约明早面谈' });
      expect(contacted.statusCode).toBe(200);
      expect(StewardRequestDetail.parse(contacted.json()).request).toMatchObject({
        status: 'contacted',
        assignee: { staffNo: '1002', name: '李管家' },
        contactedAt: clock.now().toISOString(),
        // A mobile number typed in a note is masked before it is stored.
        lastNote: '已电话联系 139****5678，约明早面谈',
      });
      clock.advance(60_000);
      const done = StewardRequestDetail.parse((await act(id, { action: 'done', note: '已协调审批科，许可证已办结' })).json());
      expect(done.request).toMatchObject({ status: 'done', doneAt: clock.now().toISOString() });
      expect(done.notes.map((n) => [n.action, n.by.staffNo, n.assignee?.staffNo ?? null])).toEqual([
        ['assign', '9001', '1002'],
        ['contact', '9001', null],
        ['done', '9001', null],
      ]);

      const again = await act(id, { action: 'contact' });
      expect([again.statusCode, ApiError.parse(again.json()).error.code]).toEqual([409, 'invalid_state']);
      expect((await act(id, { action: 'assign', staffNo: '9001' })).statusCode).toBe(409);
      expect((await act(id, { action: 'note', note: '企业回访：满意' })).statusCode).toBe(200);

      const audited = listAudit(host.db, { limit: 100 }).filter((a) => a.action.startsWith('steward.'));
      expect(audited.map((a) => [a.action, a.details?.['requestId'], a.details?.['status']])).toEqual([
        ['steward.assign', id, 'open'],
        ['steward.contact', id, 'contacted'],
        ['steward.done', id, 'done'],
        ['steward.note', id, 'done'],
      ]);
      expect(JSON.stringify(audited)).not.toContain('审批科');

      expect((await list('?status=done')).requests.map((r) => r.id)).toEqual([id]);
      expect((await list('?status=open')).requests).toEqual([]);
      expect((await list('?assignee=1002')).requests.map((r) => r.id)).toEqual([id]);
      expect((await list('?from=2026-11-28&to=2026-11-30')).requests).toEqual([]);
    });

    it('refuses a note or a done without text, an assignee that is no account, bad filters and unknown requests, typed', async () => {
      const submitted = await submitWithSteward();
      const id = `ticket-${submitted.stewardTicket?.ticket.id}`;
      const codeOf = async (res: Promise<{ statusCode: number; json(): unknown }>) => {
        const r = await res;
        return [r.statusCode, ApiError.parse(r.json()).error.code];
      };
      expect(await codeOf(act(id, { action: 'done' }))).toEqual([400, 'invalid_request']);
      expect(await codeOf(act(id, { action: 'note', note: '   ' }))).toEqual([400, 'invalid_request']);
      expect(await codeOf(act(id, { action: 'assign', staffNo: '7777' }))).toEqual([400, 'invalid_request']);
      expect(await codeOf(act('ticket-99999', { action: 'note', note: 'x' }))).toEqual([404, 'steward_request_unknown']);
      // A ticket of another service is no steward request.
      const other = IssueTicketResponse.parse(
        (
          await host.app.inject({
            method: 'POST',
            url: '/api/v1/tickets',
            payload: { serviceCode: 'livelihood', withIdentity: false },
          })
        ).json(),
      );
      expect(await codeOf(act(`ticket-${other.ticket.id}`, { action: 'note', note: 'x' }))).toEqual([
        404,
        'steward_request_unknown',
      ]);
      expect(await codeOf(act('nonsense', { action: 'note', note: 'x' }))).toEqual([400, 'invalid_request']);
      for (const query of ['?from=2026-11-28&to=2026-11-27', '?status=lost', '?from=2026-13-01', '?assignee=%20']) {
        expect(await codeOf(host.app.inject({ url: `/api/v1/manager/steward${query}`, headers: supervisor })), query).toEqual([
          400,
          'invalid_request',
        ]);
      }
    });

    it('is the supervisors’: clerks and technicians are refused', async () => {
      for (const staffNo of ['1001', '1002', '8001']) {
        const headers = await signIn(host.app, staffNo);
        expect((await host.app.inject({ url: '/api/v1/manager/steward', headers })).statusCode, staffNo).toBe(403);
        expect((await act('ticket-1', { action: 'note', note: 'x' }, headers)).statusCode, staffNo).toBe(403);
      }
      expect((await host.app.inject({ url: '/api/v1/manager/steward' })).statusCode).toBe(401);
    });
  });

  it('lists a case whose steward ticket could not be issued, by the case', async () => {
    await start({ stewardService: 'no-such-service' });
    const submitted = await submitWithSteward();
    expect(submitted.stewardProblem).toBe('steward_unavailable');
    const { requests } = await list();
    expect(requests).toEqual([
      expect.objectContaining({
        id: `case-${submitted.case.id}`,
        ticket: null,
        case: expect.objectContaining({ enterprise: '杭州云栖科技有限公司' }),
      }),
    ]);
    const done = await act(`case-${submitted.case.id}`, { action: 'done', note: '已电话答复企业' });
    expect(StewardRequestDetail.parse(done.json()).request.status).toBe('done');
  });
});
