import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { CallNextResponse, IssueTicketResponse, WindowList } from '../../contracts/queue';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { ALL_DAY_HOURS } from '../support/test-host';
import { alive, json, kill9, reliabilitySeed, seededRandom, startBuiltHost, stopHost, type RunningHost } from './support';

/**
 * kill -9 the built host at random points (seeded, printed) in the middle of bursts of tickets
 * and calls, several times over the same files: after each kill the database is checked before
 * the host starts again, and after the last restart once more. Nothing acknowledged may be lost,
 * no number issued twice, and the numbering must go on after every acknowledged number.
 */
const ROUNDS = 3;
const PARALLEL = 8;

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'kill9-'));
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

interface TicketRow {
  id: number;
  number: string;
  status: string;
}

/** The invariants, read straight from the file while no host runs. */
function checkInvariants(issued: Map<number, string>, called: Set<number>): TicketRow[] {
  const db = new Database(join(dir, 'hall.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, number, status FROM tickets').all() as TicketRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Nothing acknowledged is lost, and it kept its number.
    const lost = [...issued].filter(([id, number]) => byId.get(id)?.number !== number);
    expect(lost).toEqual([]);
    // Every acknowledged call survived as called, or finished by a later call at the same window.
    const uncalled = [...called].filter((id) => !['called', 'finished'].includes(byId.get(id)?.status ?? ''));
    expect(uncalled).toEqual([]);
    // No number twice, and the counters never fell behind the tickets.
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    const lagging = db
      .prepare(
        `SELECT count(*) AS n FROM ticket_counters c
         WHERE c.last_seq < (SELECT max(seq) FROM tickets t WHERE t.business_day = c.business_day AND t.issued_service = c.service_code)`,
      )
      .get() as { n: number };
    expect(lagging.n).toBe(0);
    // The waiting counts the screens show (kept by triggers) equal the tickets, whatever the kill cut.
    const miscounted = db
      .prepare(
        `SELECT count(*) AS n FROM ticket_counters c
         WHERE c.waiting <> (SELECT count(*) FROM tickets t
                             WHERE t.business_day = c.business_day AND t.service_code = c.service_code AND t.status = 'waiting')`,
      )
      .get() as { n: number };
    expect(miscounted.n).toBe(0);
    // A window serves one ticket at a time, even when the kill fell between two statements.
    const doubleServed = db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT window_id FROM tickets WHERE status = 'called' GROUP BY window_id HAVING count(*) > 1)`,
      )
      .get() as { n: number };
    expect(doubleServed.n).toBe(0);
    return rows;
  } finally {
    db.close();
  }
}

describe('kill -9 at random points of ticket bursts', () => {
  it('keeps every acknowledged ticket and call after each of several kills, and never issues a number twice', async () => {
    const started = Date.now();
    const seed = reliabilitySeed();
    const random = seededRandom(seed);
    const configFile = join(dir, 'hall.json');
    writeFileSync(
      configFile,
      JSON.stringify({ listen: { port: 0 }, dataDir: dir, hours: ALL_DAY_HOURS, devices: [], staff: await testStaffSeeds() }),
    );

    const issued = new Map<number, string>(); // ticket id → number, acknowledged with 201
    const called = new Set<number>(); // ticket ids acknowledged as called
    const killPoints: string[] = [];
    let inFlightAtKill = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const host: RunningHost = await startBuiltHost(configFile, children);
      const windows = WindowList.parse((await json(`${host.url}/api/v1/windows`)).body).windows;
      const window1 = windows.find((w) => w.number === 1)?.id ?? 0;
      const signIn = await json(`${host.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        body: JSON.stringify({ staffNo: '1001', pin: TEST_PIN, windowId: window1 }),
      });
      const auth = { authorization: `Bearer ${SignInResponse.parse(signIn.body).token}` };

      // The kill: after a random number of acknowledged requests, plus a random 0–4 ms, so it
      // lands between requests, inside a transaction, or in the middle of an fsync.
      const killAfter = 20 + Math.floor(random() * 180);
      const extraMs = Math.floor(random() * 5);
      killPoints.push(`${killAfter}+${extraMs}ms`);
      let acknowledged = 0;
      let killing = false;
      const one = async (i: number) => {
        try {
          if (random() < 0.3) {
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
          if (acknowledged >= killAfter && !killing) {
            killing = true;
            setTimeout(() => host.child.kill('SIGKILL'), extraMs);
          }
        } catch {
          // The connection died with the process: this request was never acknowledged.
          inFlightAtKill += 1;
        }
      };
      for (let i = 0; alive(host) && i < 2_000; i += PARALLEL) {
        await Promise.all(Array.from({ length: PARALLEL }, (_, k) => one(i + k)));
      }
      await kill9(host);
      expect(host.child.signalCode).toBe('SIGKILL');
      checkInvariants(issued, called);
    }

    // After the last kill: the host starts, numbers on after every acknowledged one, and calls.
    const host = await startBuiltHost(configFile, children);
    const after = IssueTicketResponse.parse(
      (
        await json(`${host.url}/api/v1/tickets`, {
          method: 'POST',
          body: JSON.stringify({ serviceCode: 'business-startup', withIdentity: false }),
        })
      ).body,
    ).ticket;
    const windows = WindowList.parse((await json(`${host.url}/api/v1/windows`)).body).windows;
    const window1 = windows.find((w) => w.number === 1)?.id ?? 0;
    const signIn = await json(`${host.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      body: JSON.stringify({ staffNo: '1001', pin: TEST_PIN, windowId: window1 }),
    });
    const callAfter = await json(`${host.url}/api/v1/windows/${window1}/call-next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SignInResponse.parse(signIn.body).token}` },
      body: '{}',
    });
    expect(callAfter.status).toBe(200);
    await stopHost(host);
    const rows = checkInvariants(issued, called);
    const acknowledgedA = [...issued.values()].filter((n) => n.startsWith('A')).map((n) => Number(n.slice(1)));
    expect(Number(after.number.slice(1))).toBeGreaterThan(Math.max(...acknowledgedA));
    expect(issued.size).toBeGreaterThan(ROUNDS * 10);
    console.log(
      `kill9 (seed ${seed}): ${ROUNDS} kills at ${killPoints.join(', ')} acknowledged requests; ${issued.size} tickets and ${called.size} calls acknowledged, ${inFlightAtKill} requests cut off by the kills, ${rows.length} tickets on file; next number ${after.number}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
