import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { BackupList, RestorePreview, RestoreStarted } from '../../contracts/backups';
import { HostHealth } from '../../contracts/health';
import { IssueTicketResponse } from '../../contracts/queue';
import { corruptTables } from '../support/damage';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { ALL_DAY_HOURS } from '../support/test-host';
import { json, reliabilitySeed, seededRandom, startBuiltHost, stopHost, type RunningHost } from './support';

/**
 * The hall's data kept safe, end to end on the built host (docs/backup.md): a backup made while
 * kiosks keep issuing tickets is a consistent copy; the live file is then damaged (pages of the
 * tickets and cases overwritten, as a failing disk would); the host, started again on it, notices
 * (storage `corrupt`, kiosks out of service) and refuses tickets; a technician restores last
 * backup through the API after its dry run; the host restarts on it by itself, on the same port,
 * and numbers on after the highest number printed before, so no number printed today is printed twice.
 */
const PARALLEL = 6;
const SERVICES = ['business-startup', 'consulting'];

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'backup-restore-'));
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

const poll = async <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 600; i++) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** What the backup file holds, read straight from it: its numbers, and whether counters and waiting counts agree with its tickets. */
function backupFacts(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const numbers = (db.prepare('SELECT number FROM tickets').all() as { number: string }[]).map((r) => r.number);
    const inconsistent = db
      .prepare(
        `SELECT count(*) AS n FROM ticket_counters c
         WHERE c.last_seq < (SELECT max(seq) FROM tickets t WHERE t.business_day = c.business_day AND t.issued_service = c.service_code)
            OR c.waiting <> (SELECT count(*) FROM tickets t
                             WHERE t.business_day = c.business_day AND t.service_code = c.service_code AND t.status = 'waiting')`,
      )
      .get() as { n: number };
    return { numbers, inconsistent: inconsistent.n, integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}

describe('backup under load, a damaged database, restore through the API', () => {
  it('restores a consistent backup and never prints a number of today twice', async () => {
    const started = Date.now();
    const seed = reliabilitySeed();
    const random = seededRandom(seed);
    const folder = join(dir, 'usb');
    mkdirSync(folder);
    const configFile = join(dir, 'hall.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        listen: { port: 0 },
        dataDir: join(dir, 'data'),
        hours: ALL_DAY_HOURS,
        devices: [],
        staff: await testStaffSeeds(),
        backup: { folder },
      }),
    );
    let host: RunningHost = await startBuiltHost(configFile, children);
    const technician = async () => {
      const res = await json(`${host.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        body: JSON.stringify({ staffNo: '8001', pin: TEST_PIN }),
      });
      return { authorization: `Bearer ${SignInResponse.parse(res.body).token}` };
    };
    const printed: string[] = []; // every number the kiosks were given (and so printed)
    const issueOne = async () => {
      const serviceCode = SERVICES[Math.floor(random() * SERVICES.length)] ?? 'consulting';
      const res = await json(`${host.url}/api/v1/tickets`, {
        method: 'POST',
        body: JSON.stringify({ serviceCode, withIdentity: false }),
      });
      if (res.status === 201) printed.push(IssueTicketResponse.parse(res.body).ticket.number);
      return res.status;
    };

    // Some of the morning, then a backup while the kiosks keep issuing.
    for (let i = 0; i < 40; i++) await issueOne();
    const printedBefore = printed.length;
    let backingUp = true;
    const load = Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (backingUp) await issueOne();
      }),
    );
    const made = await json(`${host.url}/api/v1/backups`, { method: 'POST', headers: await technician(), body: '{}' });
    backingUp = false;
    await load;
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const backup = BackupList.parse(made.body).backups[0];
    expect(backup?.check?.result).toBe('ok');
    const name = backup?.name ?? '';
    const printedDuring = printed.length - printedBefore;

    // The copy is the database at one moment: whole, counters and waiting counts agreeing with
    // its tickets, holding every ticket given before it began and none it did not see.
    const facts = backupFacts(join(folder, name));
    expect(facts.integrity).toBe('ok');
    expect(facts.inconsistent).toBe(0);
    expect(printed.slice(0, printedBefore).every((n) => facts.numbers.includes(n))).toBe(true);
    expect(facts.numbers.every((n) => printed.includes(n))).toBe(true);

    // After the backup: more numbers printed, which the backup does not know.
    for (let i = 0; i < 15; i++) await issueOne();
    expect(printed.filter((n) => !facts.numbers.includes(n)).length).toBeGreaterThanOrEqual(15);

    // The disk damages the database while the host is down.
    await stopHost(host);
    corruptTables(join(dir, 'data', 'hall.sqlite'), ['tickets', 'cases']);
    host = await startBuiltHost(configFile, children);
    const damaged = HostHealth.parse((await json(`${host.url}/api/v1/health`)).body);
    expect(damaged.storage.state).toBe('corrupt');
    expect(await issueOne()).toBe(503);

    // The technician's dry run, then the restore through the API.
    const headers = await technician();
    const dry = await json(`${host.url}/api/v1/backups/${name}/restore-preview`, { method: 'POST', headers, body: '{}' });
    expect(dry.status).toBe(200);
    expect(RestorePreview.parse(dry.body)).toMatchObject({ refusals: [], currentReadable: false });
    const restored = await json(`${host.url}/api/v1/backups/${name}/restore`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ acceptUnreadableCurrent: true }),
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(202);
    const { keptAs } = RestoreStarted.parse(restored.body);

    // The same process builds the host again on the restored file, on the same address.
    await poll('the restored host', async () => {
      const health = HostHealth.parse((await json(`${host.url}/api/v1/health`)).body);
      return health.storage.state === 'ok' ? health : undefined;
    });
    const list = BackupList.parse((await json(`${host.url}/api/v1/backups`, { headers: await technician() })).body);
    expect(list.lastRestore).toMatchObject({ backupName: name, result: 'restored', keptAs });

    // Numbering goes on after the highest number printed before the damage, for every service.
    const after: string[] = [];
    for (const serviceCode of SERVICES) {
      const res = await json(`${host.url}/api/v1/tickets`, {
        method: 'POST',
        body: JSON.stringify({ serviceCode, withIdentity: false }),
      });
      expect(res.status).toBe(201);
      after.push(IssueTicketResponse.parse(res.body).ticket.number);
    }
    for (const number of after) {
      const highest = Math.max(...printed.filter((n) => n[0] === number[0]).map((n) => Number(n.slice(1))));
      expect(Number(number.slice(1)), number).toBe(highest + 1);
    }
    expect(new Set([...printed, ...after]).size).toBe(printed.length + after.length);
    await stopHost(host);
    console.log(
      `backup-restore (seed ${seed}): ${printed.length} numbers printed, ${printedDuring} of them during the backup of ${backup?.size ?? 0} bytes; ` +
        `${facts.numbers.length} in the backup; restored over the damaged file (kept as ${keptAs}); next ${after.join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 180_000);
});
