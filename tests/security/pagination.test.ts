import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLocalNotice } from '../../db/repositories/notices';
import { insertStaff } from '../../db/repositories/staff';
import { insertTerminal } from '../../db/repositories/terminals';
import { signIn, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';

/**
 * A list route that answers with its whole table lets one request (a stolen staff session, a
 * script in a loop) make the host serialize every row it ever stored: memory and the event loop
 * of the machine running the queue, for as long as the table grows. Every list route takes a
 * bounded `limit` and an `offset`, and says where the next page starts (`next`).
 */
const ROWS = 260;
let host: TestHost;
let supervisor: { authorization: string };
let technician: { authorization: string };

beforeAll(async () => {
  host = await startTestHost({ config: { staff: await testStaffSeeds() } });
  const at = new Date(Date.UTC(2026, 10, 27, 2)).toISOString();
  host.db.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      insertStaff(host.db, { staffNo: String(2000 + i), name: `员工${i}`, role: 'staff', pinHash: 'not-a-real-hash' });
      insertTerminal(host.db, { id: randomUUID(), name: `叫号屏 ${i}`, kind: 'counter', tokenHash: `hash-${i}`, pairedAt: at });
      const notice = { id: `local-${i}`, title: `通知 ${i}`, body: '正文', publishedAt: at, startsAt: at, endsAt: null };
      insertLocalNotice(host.db, { ...notice, createdBy: '9001' });
    }
  })();
  supervisor = await signIn(host.app, '9001');
  technician = await signIn(host.app, '8001');
});
afterAll(async () => host.dispose());

const lists = [
  { name: 'staff accounts', url: '/api/v1/staff', field: 'staff', total: ROWS + 3, as: () => supervisor },
  { name: 'paired terminals', url: '/api/v1/pairing/terminals', field: 'terminals', total: ROWS, as: () => technician },
  { name: 'all notices', url: '/api/v1/notices/all', field: 'notices', total: ROWS, as: () => supervisor },
] as const;

async function get(url: string, headers: { authorization: string }) {
  const res = await host.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
}

describe.each(lists)('the $name list is paged', ({ url, field, total, as }) => {
  it('refuses a limit of a billion with a typed 400, never the whole table', async () => {
    const answer = await get(`${url}?limit=1000000000`, as());
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers a page of at most the default size by default, and says where the next starts', async () => {
    const answer = await get(url, as());
    expect(answer.status).toBe(200);
    const rows = answer.body[field] as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(total);
    expect(answer.body.next).toBe(rows.length);
  });

  it('reaches every row once by following next', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const answer = await get(`${url}?limit=100&offset=${offset}`, as());
      expect(answer.status).toBe(200);
      const rows = answer.body[field] as { id: string | number }[];
      expect(rows.length).toBeLessThanOrEqual(100);
      seen.push(...rows.map((row) => String(row.id)));
      offset = answer.body.next as number | null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
