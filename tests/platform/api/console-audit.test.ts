import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConsoleCatalog, ConsoleNotice } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { auditOf } from '../../../platform/store/district-audit';
import { sessionOf, TEST_STAFF } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, FIXED_NOW, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';

/** Who changed what through the console: one row per change, in the change's own transaction. */
describeEachDatabase('platform console: the audit of what district staff change', (database) => {
  let api: Platform;
  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });
  const audit = (subject: string) => auditOf(database().sql, subject);

  it('records a status change with its actor, from and to, and nothing of the applicant', async () => {
    const filed = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    const { caseNumber } = filed.json<{ caseNumber: string }>();
    const operator = await sessionOf(api, database(), 'district-operator');
    const move = (status: string) =>
      api.app.inject({
        method: 'POST',
        url: `/v1/console/cases/${caseNumber}/status`,
        headers: operator,
        payload: { status, note: '受理' },
      });
    expect((await move('accepted')).statusCode).toBe(200);
    // A refused change leaves no row.
    expect((await move('submitted')).statusCode).toBe(409);
    const rows = await audit(caseNumber);
    expect(rows).toEqual([
      {
        at: FIXED_NOW,
        actor: TEST_STAFF['district-operator'].username,
        action: 'case.status',
        subject: caseNumber,
        detail: { from: 'submitted', to: 'accepted', note: '受理' },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('张三');
  });

  it('records notices published and withdrawn, and catalog edits, each with who did it', async () => {
    const published = await api.app.inject({
      method: 'POST',
      url: '/v1/console/notices',
      headers: adminAuth,
      payload: { hallIds: ['hall-02'], title: '通知', body: 'x', startsAt: '2026-11-27T08:00:00+08:00' },
    });
    const { id } = ConsoleNotice.parse(published.json());
    await api.app.inject({ method: 'POST', url: `/v1/console/notices/${id}/withdraw`, headers: adminAuth });
    expect((await audit(`notice:${id}`)).map((r) => [r.actor, r.action])).toEqual([
      ['admin-token', 'notice.publish'],
      ['admin-token', 'notice.withdraw'],
    ]);

    const admin = await sessionOf(api, database(), 'district-admin');
    const catalog = ConsoleCatalog.parse(
      (await api.app.inject({ method: 'GET', url: '/v1/console/catalog', headers: admin })).json(),
    );
    const code = catalog.items[0]?.code ?? '';
    await api.app.inject({
      method: 'POST',
      url: `/v1/console/catalog/items/${code}/retire`,
      headers: admin,
      payload: { expectedVersion: catalog.version },
    });
    expect(await audit(`catalog:${code}`)).toEqual([
      expect.objectContaining({
        actor: TEST_STAFF['district-admin'].username,
        action: 'catalog.retire',
        detail: { version: catalog.version + 1 },
      }),
    ]);
  });
});
