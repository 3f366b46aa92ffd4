import { afterEach, describe, expect, it } from 'vitest';
import { insertEvaluation } from '../../../db/repositories/evaluations';
import { IssueTicketResponse } from '../../../contracts/queue';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { HallClock } from './support';

/** The host's start-up sweep and its once-a-minute housekeeping, wired into a real host. */
describe('差评 follow-ups in the host lifecycle', () => {
  const hosts: TestHost[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.dispose();
  });

  it('opens a follow-up at start-up for a 差评 without one, marks it overdue, and the housekeeping announces the next', async () => {
    const clock = new HallClock('2026-11-27T10:00:00');
    const config = { staff: await testStaffSeeds() };
    const first = await startTestHost({ clock, config });
    hosts.push(first);
    // A 差评 written by a host from before follow-ups (straight into the table).
    first.db.transaction(() =>
      insertEvaluation(first.db, {
        id: '00000000-0000-4000-8000-0000000000b1',
        level: 'very_dissatisfied',
        reason: '态度不好',
        comment: null,
        subject: { kind: 'case', caseNumber: 'HK20261120000001' },
        callbackRequired: true,
        evaluatedAt: '2026-11-20T02:00:00.000Z',
      }),
    )();
    await first.close();

    // Restarted on the same data: it was due Friday 27 November, today is Monday 30.
    clock.set('2026-11-30T09:00:00');
    const again = await startTestHost({ clock, config, dataDir: first.dataDir });
    hosts.splice(0, 1, again);
    const overdue = () => (again.bus.since(0) ?? []).filter((e) => e.type === 'review.overdue');
    // Late before this host knew of it: counted overdue, but announced to no screen.
    expect(overdue()).toEqual([]);
    const overdueRows = () =>
      again.db.prepare('SELECT evaluation_id AS id FROM review_followups WHERE overdue_at IS NOT NULL').all();
    expect(overdueRows()).toEqual([{ id: '00000000-0000-4000-8000-0000000000b1' }]);

    // A second one, rated today at the kiosk with the ticket's paper, turns late a week later.
    const inject = again.app.inject.bind(again.app);
    const issued = await inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    const { ticket, progressUrl } = IssueTicketResponse.parse(issued.json());
    const clerk = await signIn(again.app, '1001', 1);
    expect((await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: clerk })).statusCode).toBe(200);
    const done = await inject({ method: 'POST', url: '/api/v1/windows/1/finish', headers: clerk, payload: { outcome: 'done' } });
    expect(done.statusCode).toBe(200);
    const rated = await inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: {
        level: 'dissatisfied',
        reason: '多次跑腿',
        ticketId: ticket.id,
        ticketKey: new URL(progressUrl).searchParams.get('k'),
      },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const secondId = rated.json<{ id: string }>().id;
    again.housekeeping();
    clock.set('2026-12-08T09:00:00');
    again.housekeeping();
    again.housekeeping();
    expect(overdue().map((e) => (e.type === 'review.overdue' ? [e.evaluationId, e.dueDate, e.overdue] : []))).toEqual([
      [secondId, '2026-12-07', 2],
    ]);
  });
});
