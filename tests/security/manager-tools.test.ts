import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Operation } from '../../contracts/api';
import { managerToolOperations } from '../../contracts/api/manager-tools';
import { HallNoticeRecord, HallNotices } from '../../contracts/notices';
import type { TestHost } from '../support/test-host';
import { bearer, LAN_CLIENT, pairTerminal, sampleUrl, startSecurityHall } from './support';

/**
 * The manager console's tools (issue 19): notices aimed at screens, today's bookings, the steward's
 * work list and the audit search. Who may call each is declared (contracts/api/manager-tools.ts);
 * these hold the declaration to what the host does: a clerk signed in at a counter, a hall TV
 * and a technician where the supervisors' business is concerned are refused, and change nothing.
 */
let host: TestHost;
let supervisor: { authorization: string };

/** Bodies the contracts accept, so a refusal is the guard's and not the validation's. */
const BODIES: Partial<Record<string, unknown>> = {
  editNotice: { title: '改过的', body: 'x', audience: { scope: 'all' } },
  stewardAction: { action: 'note', note: 'x' },
};
const urlOf = (op: Operation) => sampleUrl(op).replace('/manager/steward/1', '/manager/steward/ticket-1');

beforeAll(async () => {
  host = await startSecurityHall();
  supervisor = await bearer(host.app, '9001');
});
afterAll(async () => host.dispose());

const call = (op: Operation, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  host.app.inject({
    method: op.method,
    url: urlOf(op),
    headers,
    remoteAddress,
    ...(op.body ? { payload: BODIES[op.name] ?? {} } : {}),
  });

describe('the manager console’s tools refuse who they do not name', () => {
  const tools: readonly Operation[] = Object.values(managerToolOperations);
  /** What a technician may look at: the audit trail and today's bookings (masked). */
  const technicianReads: ReadonlySet<string> = new Set(['auditSearch', 'appointmentOverview']);

  it('refuses every tool to a clerk signed in, and to nobody signed in', async () => {
    const clerk = await bearer(host.app, '1001');
    for (const op of tools) {
      const anonymous = await call(op, {});
      expect([anonymous.statusCode, anonymous.json<{ error: { code: string } }>().error.code], op.name).toEqual([
        401,
        'unauthorized',
      ]);
      const refused = await call(op, clerk);
      expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code], op.name).toEqual([403, 'forbidden']);
    }
  });

  it('refuses the supervisors’ own (notices, steward desk) to a technician, who may read the audit log and today’s bookings', async () => {
    const technician = await bearer(host.app, '8001');
    for (const op of tools) {
      const res = await call(op, technician);
      if (technicianReads.has(op.name)) expect(res.statusCode, op.name).toBe(200);
      else expect(res.statusCode, op.name).toBe(403);
    }
  });

  it('refuses a hall TV every tool, and publishing, editing or withdrawing a notice: the TV still shows it unchanged', async () => {
    const published = await host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: supervisor,
      payload: { title: '原来的标题', body: 'x' },
    });
    const notice = HallNoticeRecord.parse(published.json());
    // Lan off: the TV's token is what admits it, whatever address it comes from.
    const tv = { 'x-terminal-token': await pairTerminal(host.app, 'display', '127.0.0.1') };
    const noticeWork: readonly Operation[] = [
      ...tools,
      operations.publishNotice,
      operations.withdrawNotice,
      operations.allNotices,
    ];
    // Even with a supervisor's token in hand (a session left open on the TV's PC).
    for (const headers of [tv, { ...tv, ...supervisor }]) {
      for (const op of noticeWork) {
        const res = await host.app.inject({
          method: op.method,
          url: op.name === 'withdrawNotice' || op.name === 'editNotice' ? `/api/v1/notices/${notice.id}` : urlOf(op),
          headers,
          ...(op.body ? { payload: BODIES[op.name] ?? { title: 't', body: 'b' } } : {}),
        });
        expect([res.statusCode, res.json<{ error: { code: string } }>().error.code], op.name).toEqual([
          403,
          'terminal_forbidden',
        ]);
      }
    }
    const shown = HallNotices.parse((await host.app.inject({ url: '/api/v1/notices', headers: tv })).json());
    expect(shown.notices.map((n) => n.title)).toEqual(['原来的标题']);
    expect(host.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'notice.%'").get()).toEqual({ n: 1 });
  });

  it('gives a TV on the LAN no notice aimed only at another screen', async () => {
    const aimedAtHall = await host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: supervisor,
      payload: { title: '只给本机', body: 'x', audience: { scope: 'chosen', hall: true, terminalIds: [] } },
    });
    expect(aimedAtHall.statusCode).toBe(201);
    const tv = { 'x-terminal-token': await pairTerminal(host.app, 'display', '127.0.0.1') };
    const shown = HallNotices.parse(
      (await host.app.inject({ url: '/api/v1/notices', headers: tv, remoteAddress: LAN_CLIENT })).json(),
    );
    expect(shown.notices.map((n) => n.title)).not.toContain('只给本机');
    const onHall = HallNotices.parse((await host.app.inject({ url: '/api/v1/notices' })).json());
    expect(onHall.notices.map((n) => n.title)).toContain('只给本机');
  });
});
