import { afterEach, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { CatalogView, SubmitCaseResponse } from '../../contracts/cases';
import { ApiError } from '../../contracts/errors';
import type { HallEvent } from '../../contracts/events';
import { HostHealth, type StorageState } from '../../contracts/health';
import { IssueTicketResponse, WindowList } from '../../contracts/queue';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { fillableForm } from './support';

/**
 * Disk full and a read-only database under the real host (in process, its own SQLite file).
 *
 * - Full: `PRAGMA max_page_count` set to the file's current size on the host's own connection.
 *   SQLite then fails the first write that needs a new page with SQLITE_FULL, exactly as it does
 *   on a full disk (both end in the pager's "database or disk is full"); no tmpfs or root needed.
 * - Read-only: `PRAGMA query_only` on the host's own connection, which makes SQLite refuse every
 *   write with SQLITE_READONLY, the code a read-only file or mount gives. A chmod would not do
 *   here: CI runs as root, whom permissions do not stop, and an open connection keeps its file
 *   descriptor anyway; a read-only remount needs privileges CI may not have.
 *
 * Both go through the same path as the real faults: the write throws a better-sqlite3
 * SqliteError inside a route, the transaction rolls back, the API's error handler maps it.
 */
const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.dispose();
});

async function hallHost(): Promise<{ host: TestHost; events: HallEvent[] }> {
  const host = await startTestHost({ config: { staff: await testStaffSeeds() } });
  hosts.push(host);
  const events: HallEvent[] = [];
  host.bus.subscribe((e) => events.push(e));
  return { host, events };
}

async function health(host: TestHost): Promise<HostHealth> {
  const res = await host.app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(res.statusCode).toBe(200);
  return HostHealth.parse(res.json());
}

const issue = (host: TestHost) =>
  host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'consulting', withIdentity: false } });

function expectStorageUnavailable(res: { statusCode: number; json(): unknown }, state: StorageState): void {
  expect(res.statusCode).toBe(503);
  const body = ApiError.parse(res.json());
  expect(body.error.code).toBe('storage_unavailable');
  expect(body.error.details).toEqual({ state });
  expect(body.error.message).toContain('存储不可用');
}

const storageEvents = (events: HallEvent[]) => events.flatMap((e) => (e.type === 'storage.status' ? [e.state] : []));

function ticketRows(host: TestHost): { id: number; number: string }[] {
  return host.db.prepare('SELECT id, number FROM tickets').all() as { id: number; number: string }[];
}

describe('storage failure: a clear typed error, health and an event, no acknowledged data lost, recovery', () => {
  it('disk full (PRAGMA max_page_count): 503 storage_unavailable/full, health full, then ok once space returns', async () => {
    const { host, events } = await hallHost();
    const acknowledged = new Map<number, string>();
    for (let i = 0; i < 20; i++) {
      const res = await issue(host);
      expect(res.statusCode).toBe(201);
      const { ticket } = IssueTicketResponse.parse(res.json());
      acknowledged.set(ticket.id, ticket.number);
    }

    // The disk fills: the file may not grow by a page more.
    const pages = host.db.pragma('page_count', { simple: true }) as number;
    host.db.pragma(`max_page_count = ${pages}`);
    let refused: Awaited<ReturnType<typeof issue>> | undefined;
    let whileFilling = 0;
    for (let i = 0; i < 2_000 && refused === undefined; i++) {
      // What still fits in the file's free space is acknowledged, and must be kept like the rest.
      const res = await issue(host);
      if (res.statusCode === 201) {
        const { ticket } = IssueTicketResponse.parse(res.json());
        acknowledged.set(ticket.id, ticket.number);
        whileFilling += 1;
      } else refused = res;
    }
    if (refused === undefined) throw new Error('the database never filled up');
    expectStorageUnavailable(refused, 'full');
    expect((await health(host)).storage.state).toBe('full');
    expect(storageEvents(events)).toEqual(['full']);
    // Reads still work, and every write keeps failing the same clear way (no 500, no crash).
    expect((await host.app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode).toBe(200);
    expectStorageUnavailable(await issue(host), 'full');
    // The probe needs fresh pages as real writes do: still full.
    expect(host.storage.probe()).toBe('full');

    // Space comes back: the next probe finds it, screens hear it, and the queue goes on.
    host.db.pragma('max_page_count = 1073741823');
    expect(host.storage.probe()).toBe('ok');
    const after = await health(host);
    expect(after.storage.state).toBe('ok');
    expect(storageEvents(events)).toEqual(['full', 'ok']);
    const next = await issue(host);
    expect(next.statusCode).toBe(201);
    const nextTicket = IssueTicketResponse.parse(next.json()).ticket;

    // Nothing acknowledged lost, each with its number; no number twice; the next one follows them all.
    const rows = ticketRows(host);
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acknowledged) expect(byId.get(id)).toBe(number);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    const seqOf = (n: string) => Number(n.slice(1));
    expect(seqOf(nextTicket.number)).toBe(Math.max(...[...acknowledged.values()].map(seqOf)) + 1);
    console.log(
      `storage full: ${acknowledged.size} tickets acknowledged (${whileFilling} while the file filled, at ${pages} pages), refused with 503 storage_unavailable/full, recovered; next ${nextTicket.number}`,
    );
  });

  it('read-only database (PRAGMA query_only): tickets, calls and cases refused with 503 read-only; nothing lost; back after', async () => {
    const { host, events } = await hallHost();
    const windows = WindowList.parse((await host.app.inject({ method: 'GET', url: '/api/v1/windows' })).json()).windows;
    const windowId = windows.find((w) => w.number === 1)?.id ?? 0;
    const signIn = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '1001', pin: TEST_PIN, windowId },
    });
    const staff = { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
    const callNext = () => host.app.inject({ method: 'POST', url: `/api/v1/windows/${windowId}/call-next`, headers: staff });

    // Before: tickets, a call and a case, all acknowledged.
    const tickets = new Map<number, string>();
    for (let i = 0; i < 5; i++) {
      const { ticket } = IssueTicketResponse.parse((await issue(host)).json());
      tickets.set(ticket.id, ticket.number);
    }
    expect((await callNext()).statusCode).toBe(200);
    expect(host.devices.placeSimulatedCard('zhangSan')).toBe(true);
    await waitFor(() => host.identity.currentCard() ?? undefined, 'the card to be read', 10_000);
    const catalog = CatalogView.parse((await host.app.inject({ method: 'GET', url: '/api/v1/catalog' })).json());
    const item = catalog.items.find((i) => i.formFields.every((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0));
    if (!item) throw new Error('no catalog item to fill');
    const caseBody = { itemCode: item.code, form: fillableForm(item), materials: item.materials.slice(0, 1).map((m) => m.code) };
    const submit = () => host.app.inject({ method: 'POST', url: '/api/v1/cases', payload: caseBody });
    const first = await submit();
    expect(first.statusCode).toBe(201);
    const caseIds = [SubmitCaseResponse.parse(first.json()).case.id];
    const snapshot = () => ({
      tickets: host.db.prepare('SELECT id, number, status FROM tickets ORDER BY id').all(),
      cases: host.db.prepare('SELECT id, form FROM cases ORDER BY id').all(),
      outbox: host.db
        .prepare(`SELECT id, kind, state FROM outbox WHERE state = 'pending' OR state = 'delivered' ORDER BY id`)
        .all(),
    });

    host.db.pragma('query_only = ON');
    const before = snapshot();
    expectStorageUnavailable(await issue(host), 'read-only');
    expect((await health(host)).storage).toMatchObject({ state: 'read-only' });
    expect(storageEvents(events)).toEqual(['read-only']);
    expectStorageUnavailable(await callNext(), 'read-only');
    expectStorageUnavailable(await submit(), 'read-only');
    // A failed write changed nothing: the database is as it was before the refusals.
    expect(snapshot()).toEqual(before);
    expect(host.storage.probe()).toBe('read-only');

    host.db.pragma('query_only = OFF');
    expect(host.storage.probe()).toBe('ok');
    expect((await health(host)).storage.state).toBe('ok');
    expect(storageEvents(events)).toEqual(['read-only', 'ok']);
    // The same case the kiosk kept in memory goes through now, and the queue moves again.
    const again = await submit();
    expect(again.statusCode).toBe(201);
    caseIds.push(SubmitCaseResponse.parse(again.json()).case.id);
    expect((await callNext()).statusCode).toBe(200);
    const stored = new Map(ticketRows(host).map((r) => [r.id, r.number]));
    for (const [id, number] of tickets) expect(stored.get(id)).toBe(number);
    const storedCases = (host.db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((c) => c.id);
    expect(storedCases.sort()).toEqual([...caseIds].sort());
    console.log(
      `storage read-only: ${tickets.size} tickets, 2 calls, ${caseIds.length} cases acknowledged around 3 refused writes (ticket, call, case: 503 storage_unavailable/read-only); recovered by the probe`,
    );
  });
});
