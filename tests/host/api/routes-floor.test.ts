import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FloorSnapshot } from '../../../contracts/floor';
import { insertEvaluation } from '../../../db/repositories/evaluations';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/** GET /manager/floor and the 差评 a supervisor has seen: supervisors run the floor, technicians look, clerks do not. */
describe('the floor routes', () => {
  let host: TestHost;
  let supervisor: { authorization: string };
  let technician: { authorization: string };
  let clerk: { authorization: string };

  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds() } });
    supervisor = await signIn(host.app, '9001');
    technician = await signIn(host.app, '8001');
    clerk = await signIn(host.app, '1001', 1);
  });
  afterAll(async () => {
    await host?.dispose();
  });

  const floor = (headers: Record<string, string>) => host.app.inject({ url: '/api/v1/manager/floor', headers });
  const markSeen = (id: string, headers: Record<string, string>) =>
    host.app.inject({ method: 'POST', url: `/api/v1/manager/floor/reviews/${id}/seen`, headers });

  it('answers a supervisor and a technician with the whole floor, and a clerk with 403', async () => {
    const asSupervisor = await floor(supervisor);
    expect(asSupervisor.statusCode).toBe(200);
    const snapshot = FloorSnapshot.parse(asSupervisor.json());
    expect(snapshot.windows.find((w) => w.number === 1)).toMatchObject({ status: 'open', staff: { staffNo: '1001' } });
    expect(snapshot.thresholds).toEqual({ windowPausedMinutes: 15, syncStuckMinutes: 10 });
    expect((await floor(technician)).statusCode).toBe(200);
    expect((await floor(clerk)).statusCode).toBe(403);
    expect((await floor({})).statusCode).toBe(401);
  });

  it('lets a supervisor mark a 差评 seen, not a technician; an unknown one is a 404', async () => {
    insertEvaluation(host.db, {
      id: 'ev-bad',
      level: 'dissatisfied',
      reason: '态度不好',
      comment: null,
      subject: { kind: 'ticket', ticketId: null, ticketNumber: 'A001', windowNumber: '1', staffNumber: '1001' },
      callbackRequired: true,
      evaluatedAt: new Date().toISOString(),
    });
    const before = FloorSnapshot.parse((await floor(supervisor)).json());
    expect(before.alerts.map((a) => a.key)).toContain('bad_review:ev-bad');

    expect((await markSeen('ev-bad', technician)).statusCode).toBe(403);
    expect((await markSeen('ev-unknown', supervisor)).json()).toMatchObject({ error: { code: 'not_found' } });
    const seen = await markSeen('ev-bad', supervisor);
    expect(seen.statusCode).toBe(200);
    expect(FloorSnapshot.parse(seen.json()).alerts.map((a) => a.key)).not.toContain('bad_review:ev-bad');
  });
});
