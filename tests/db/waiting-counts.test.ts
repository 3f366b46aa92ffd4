import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { waitingByService } from '../../db/repositories/services';
import { migrationsDir } from '../support/test-host';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'db-waiting-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const DAY = '2026-11-27';

function seedHall(db: Db): void {
  db.exec(`
    INSERT INTO services (code, name, name_en, prefix, sort_order, target_wait_min) VALUES
      ('business-startup', '企业开办', 'Business start-up', 'A', 0, 20),
      ('real-estate', '不动产登记', 'Real estate', 'B', 1, 30);
    INSERT INTO windows (id, number, name) VALUES (1, 1, '综合受理 1');`);
}

function insertTicket(db: Db, id: number, service: string, status = 'waiting', day = DAY): void {
  db.prepare(
    `INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, issued_at, queue_key, window_id, first_called_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-27T01:00:00.000Z', ?, ?, ?, ?)`,
  ).run(
    id,
    day,
    service,
    service,
    id,
    `${service === 'real-estate' ? 'B' : 'A'}${String(id).padStart(3, '0')}`,
    status,
    id,
    status === 'waiting' ? null : 1,
    status === 'waiting' ? null : '2026-11-27T01:05:00.000Z',
    status === 'finished' ? '2026-11-27T01:10:00.000Z' : null,
  );
}

/** The counts the triggers keep, for the services with anyone waiting. */
function waitingCounts(db: Db, day: string): Map<string, number> {
  return new Map(
    waitingByService(db, day)
      .filter((c) => c.waiting > 0)
      .map((c) => [c.serviceCode, c.waiting]),
  );
}

/** What the counts must be: counted from the tickets themselves. */
function recounted(db: Db, day = DAY): Map<string, number> {
  const rows = db
    .prepare(
      "SELECT service_code AS code, count(*) AS n FROM tickets WHERE business_day = ? AND status = 'waiting' GROUP BY service_code",
    )
    .all(day) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}

describe('waiting counts kept by the tickets table (migration 013)', () => {
  it('counts the tickets already waiting when a hall upgrades in the middle of a day', () => {
    const dir = temp();
    const before = join(dir, 'before-013');
    mkdirSync(before);
    for (const f of readdirSync(migrationsDir).filter((f) => f < '013')) copyFileSync(join(migrationsDir, f), join(before, f));
    const file = join(dir, 'hall.sqlite');
    const old = openDatabase(file, { migrationsDir: before });
    seedHall(old);
    [1, 2, 3].forEach((id) => insertTicket(old, id, 'business-startup'));
    insertTicket(old, 4, 'real-estate');
    insertTicket(old, 5, 'real-estate', 'finished');
    old.close();

    const db = openDatabase(file, { migrationsDir });
    expect(waitingCounts(db, DAY)).toEqual(
      new Map([
        ['business-startup', 3],
        ['real-estate', 1],
      ]),
    );
    // The numbers issued so far are untouched by the upgrade.
    expect(db.prepare('SELECT count(*) AS n FROM ticket_counters WHERE last_seq > 0').get()).toEqual({ n: 0 });
    db.close();
  });

  it('follows every kind of ticket write, whoever makes it: insert, call, transfer, daily reset, delete', () => {
    const db = openDatabase(join(temp(), 'hall.sqlite'), { migrationsDir });
    seedHall(db);
    [1, 2, 3, 4].forEach((id) => insertTicket(db, id, 'business-startup'));
    insertTicket(db, 5, 'real-estate');
    expect(waitingCounts(db, DAY)).toEqual(recounted(db));

    db.prepare("UPDATE tickets SET status = 'called', window_id = 1, first_called_at = 'x' WHERE id = 1").run();
    db.prepare("UPDATE tickets SET service_code = 'real-estate' WHERE id = 2").run(); // transfer
    db.prepare("UPDATE tickets SET status = 'waiting', window_id = NULL WHERE id = 1").run(); // skip, re-queued
    db.prepare("UPDATE tickets SET status = 'waiting' WHERE id = 3").run(); // no change at all
    db.prepare('DELETE FROM tickets WHERE id = 4').run();
    expect(waitingCounts(db, DAY)).toEqual(recounted(db));
    expect(waitingByService(db, DAY)).toEqual([
      { serviceCode: 'business-startup', waiting: 2 },
      { serviceCode: 'real-estate', waiting: 2 },
    ]);

    // The daily reset cancels yesterday's line; today's starts empty and both stay exact.
    db.prepare("UPDATE tickets SET status = 'cancelled', finished_at = 'x' WHERE business_day < '2026-11-28'").run();
    insertTicket(db, 6, 'real-estate', 'waiting', '2026-11-28');
    expect(waitingCounts(db, DAY)).toEqual(new Map());
    expect(waitingCounts(db, '2026-11-28')).toEqual(recounted(db, '2026-11-28'));
    db.close();
  });

  it('rolls back with the ticket: a refused write leaves the count as it was', () => {
    const db = openDatabase(join(temp(), 'hall.sqlite'), { migrationsDir });
    seedHall(db);
    insertTicket(db, 1, 'business-startup');
    expect(() =>
      db.transaction(() => {
        insertTicket(db, 2, 'business-startup');
        insertTicket(db, 3, 'no-such-service'); // foreign key refuses it
      })(),
    ).toThrow();
    expect(waitingCounts(db, DAY)).toEqual(new Map([['business-startup', 1]]));
    db.close();
  });
});
