import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../contracts/config';
import { backupDatabase, checkDatabaseFile } from '../../db/backup-file';
import { buildVersion, openDatabase, type Db } from '../../db/open';
import { EventBus } from '../../host/events/event-bus';
import { QueueService } from '../../host/queue/queue-service';
import { corruptTables } from '../support/damage';
import { ALL_DAY_HOURS, migrationsDir } from '../support/test-host';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'db-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function hall(file: string): { db: Db; queue: QueueService } {
  const config = HostConfig.parse({ hours: ALL_DAY_HOURS, devices: [] });
  const services = config.services.map((s) => ({ ...s, numberEnd: 9999, dailyLimit: 9999 }));
  const db = openDatabase(file, { migrationsDir, synchronous: 'NORMAL' });
  const queue = new QueueService({
    db,
    bus: new EventBus(),
    clock: { now: () => new Date() },
    timeZone: config.timeZone,
    hours: config.hours,
    policy: config.queue,
  });
  queue.seed(services, config.windows);
  return { db, queue };
}

/** The ticket numbers of a database file, and whether its counters and waiting counts agree with its tickets. */
function readBack(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const numbers = (db.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((r) => r.number);
    const lagging = db
      .prepare(
        `SELECT count(*) AS n FROM ticket_counters c
         WHERE c.last_seq < (SELECT max(seq) FROM tickets t WHERE t.business_day = c.business_day AND t.issued_service = c.service_code)`,
      )
      .get() as { n: number };
    const miscounted = db
      .prepare(
        `SELECT count(*) AS n FROM ticket_counters c
         WHERE c.waiting <> (SELECT count(*) FROM tickets t
                             WHERE t.business_day = c.business_day AND t.service_code = c.service_code AND t.status = 'waiting')`,
      )
      .get() as { n: number };
    return { numbers, lagging: lagging.n, miscounted: miscounted.n };
  } finally {
    db.close();
  }
}

describe('an online backup of the database (db/backup-file.ts)', () => {
  it('is consistent while tickets go on being issued: exactly the tickets committed before it completed, counters included', async () => {
    const dir = temp();
    const { db, queue } = hall(join(dir, 'hall.sqlite'));
    // Enough pages that SQLite copies them in many steps, with the event loop turning between them.
    const codes = queue.services().map((s) => s.code);
    for (let i = 0; i < 3000; i++) queue.issue({ serviceCode: codes[i % codes.length] ?? '', identity: null });
    let done = false;
    let issuedDuring = 0;
    const issueMeanwhile = (): void => {
      if (done) return;
      queue.issue({ serviceCode: codes[issuedDuring % codes.length] ?? '', identity: null });
      issuedDuring += 1;
      setImmediate(issueMeanwhile);
    };
    setImmediate(issueMeanwhile);
    await backupDatabase(db, join(dir, 'copy.sqlite'));
    done = true;
    const live = (db.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((r) => r.number);
    db.close();

    expect(issuedDuring).toBeGreaterThan(0);
    const copy = readBack(join(dir, 'copy.sqlite'));
    expect(copy.numbers).toEqual(live);
    expect([copy.lagging, copy.miscounted]).toEqual([0, 0]);
    expect(checkDatabaseFile(join(dir, 'copy.sqlite'))).toEqual({
      result: 'ok',
      schemaVersion: buildVersion(migrationsDir),
      problems: [],
    });
  });

  it('the check finds a damaged file, and one SQLite will not read at all', async () => {
    const dir = temp();
    const { db, queue } = hall(join(dir, 'hall.sqlite'));
    for (let i = 0; i < 500; i++) queue.issue({ serviceCode: 'business-startup', identity: null });
    await backupDatabase(db, join(dir, 'copy.sqlite'));
    db.close();

    corruptTables(join(dir, 'copy.sqlite'), ['tickets']);
    const damaged = checkDatabaseFile(join(dir, 'copy.sqlite'));
    expect(damaged.result).toBe('corrupt');
    expect(damaged.problems.length).toBeGreaterThan(0);
    expect(damaged.schemaVersion).toBe(buildVersion(migrationsDir));

    writeFileSync(join(dir, 'garbage.sqlite'), Buffer.alloc(8192, 0x42));
    expect(checkDatabaseFile(join(dir, 'garbage.sqlite'))).toMatchObject({ result: 'unreadable', schemaVersion: null });
    expect(checkDatabaseFile(join(dir, 'absent.sqlite')).result).toBe('unreadable');
  });
});
