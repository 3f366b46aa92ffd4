import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { CallNextResponse, IssueTicketResponse, WindowList } from '../../contracts/queue';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { ALL_DAY_HOURS, repoRoot } from '../support/test-host';

/**
 * kill -9 the built host in the middle of a burst of tickets and calls, start it
 * again on the same files, and check that nothing acknowledged was lost and no
 * number was issued twice.
 */
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'kill9-'));
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

async function startHost(configFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist/host/main.js'), '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 400; i++) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`host did not start:\n${output}`);
}

async function json(url: string, init: RequestInit & { body?: string } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return { status: res.status, body: await res.json() };
}

describe('kill -9 in the middle of a burst', () => {
  it('keeps every acknowledged ticket and call, and never issues a number twice', async () => {
    const configFile = join(dir, 'hall.json');
    writeFileSync(
      configFile,
      JSON.stringify({ listen: { port: 0 }, dataDir: dir, hours: ALL_DAY_HOURS, devices: [], staff: await testStaffSeeds() }),
    );

    let host = await startHost(configFile);
    const windows = WindowList.parse((await json(`${host.url}/api/v1/windows`)).body).windows;
    const window1 = windows.find((w) => w.number === 1)?.id ?? 0;
    const signInAt = async (url: string) => {
      const res = await json(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        body: JSON.stringify({ staffNo: '1001', pin: TEST_PIN, windowId: window1 }),
      });
      return { authorization: `Bearer ${SignInResponse.parse(res.body).token}` };
    };
    const auth = await signInAt(host.url);

    const issued = new Map<number, string>(); // ticket id → number, acknowledged with 201
    const called = new Set<number>(); // ticket ids acknowledged as called
    let acknowledged = 0;
    const killAfter = 150;
    const one = async (i: number) => {
      try {
        if (i % 3 === 2) {
          const res = await json(`${host.url}/api/v1/windows/${window1}/call-next`, {
            method: 'POST',
            headers: auth,
            body: '{}',
          });
          if (res.status === 200) called.add(CallNextResponse.parse(res.body).call.ticketId);
        } else {
          const serviceCode = i % 2 === 0 ? 'business-startup' : 'consulting';
          const res = await json(`${host.url}/api/v1/tickets`, {
            method: 'POST',
            body: JSON.stringify({ serviceCode, withIdentity: false }),
          });
          if (res.status === 201) {
            const { ticket } = IssueTicketResponse.parse(res.body);
            issued.set(ticket.id, ticket.number);
          }
        }
        acknowledged += 1;
        if (acknowledged === killAfter) host.child.kill('SIGKILL');
      } catch {
        // The connection died with the process: this request was never acknowledged.
      }
    };
    for (let i = 0; i < 600 && host.child.exitCode === null && host.child.signalCode === null; i += 8) {
      await Promise.all(Array.from({ length: 8 }, (_, k) => one(i + k)));
    }
    await new Promise<void>((resolve) =>
      host.child.exitCode !== null || host.child.signalCode !== null ? resolve() : host.child.once('exit', () => resolve()),
    );
    expect(host.child.signalCode).toBe('SIGKILL');
    expect(issued.size).toBeGreaterThan(50);

    host = await startHost(configFile);
    const after = IssueTicketResponse.parse(
      (
        await json(`${host.url}/api/v1/tickets`, {
          method: 'POST',
          body: JSON.stringify({ serviceCode: 'business-startup', withIdentity: false }),
        })
      ).body,
    ).ticket;
    const auth2 = await signInAt(host.url);
    const callAfter = await json(`${host.url}/api/v1/windows/${window1}/call-next`, {
      method: 'POST',
      headers: auth2,
      body: '{}',
    });
    expect(callAfter.status).toBe(200);
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));

    const db = new Database(join(dir, 'hall.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT id, number, status, issued_service AS service, seq FROM tickets').all() as {
        id: number;
        number: string;
        status: string;
        service: string;
        seq: number;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Nothing acknowledged is lost, and it kept its number.
      for (const [id, number] of issued) expect(byId.get(id)?.number).toBe(number);
      // Every acknowledged call survived as called or (called, then finished by the next call).
      for (const id of called) expect(['called', 'finished']).toContain(byId.get(id)?.status);
      // No number twice, and the counters never fell behind the tickets.
      expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
      const lagging = db
        .prepare(
          `SELECT count(*) AS n FROM ticket_counters c
           WHERE c.last_seq < (SELECT max(seq) FROM tickets t WHERE t.business_day = c.business_day AND t.issued_service = c.service_code)`,
        )
        .get() as { n: number };
      expect(lagging.n).toBe(0);
      // The first number after the restart follows every acknowledged one.
      const acknowledgedA = [...issued.values()].filter((n) => n.startsWith('A')).map((n) => Number(n.slice(1)));
      expect(Number(after.number.slice(1))).toBeGreaterThan(Math.max(...acknowledgedA));
    } finally {
      db.close();
    }
  });
});
