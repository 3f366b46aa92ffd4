import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { openDatabase } from '../../../db/open';
import { EventBus } from '../../../host/events/event-bus';
import { NumberHighWater } from '../../../host/queue/number-high-water';
import { QueueService } from '../../../host/queue/queue-service';
import { raiseNumbering } from '../../../host/queue/raise-numbering';
import { ALL_DAY_HOURS, migrationsDir } from '../../support/test-host';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'high-water-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const DAY = '2026-12-07';

describe('the numbering guard’s file (host/queue/number-high-water.ts)', () => {
  it('keeps the highest number per business day and prefix across a reopen, and only the days asked for', () => {
    const file = join(temp(), 'ticket-numbers');
    const guard = NumberHighWater.open(file, { keepFrom: '2026-12-06' });
    guard.record('2026-12-05', 'A', 40);
    guard.record(DAY, 'A', 1);
    guard.record(DAY, 'A', 2);
    guard.record(DAY, 'B', 7);
    guard.record(DAY, 'A', 3);
    guard.close();

    const reopened = NumberHighWater.open(file, { keepFrom: '2026-12-06' });
    expect([reopened.highest(DAY, 'A'), reopened.highest(DAY, 'B'), reopened.highest(DAY, 'C')]).toEqual([3, 7, 0]);
    expect(reopened.highest('2026-12-05', 'A')).toBe(0);
    expect(reopened.entries().sort((a, b) => a.prefix.localeCompare(b.prefix))).toEqual([
      { businessDay: DAY, prefix: 'A', number: 3 },
      { businessDay: DAY, prefix: 'B', number: 7 },
    ]);
    reopened.close();
  });

  it('writes into slots made beforehand (the file keeps its size), compacts when they are used up', () => {
    const file = join(temp(), 'ticket-numbers');
    const guard = NumberHighWater.open(file, { keepFrom: DAY, slots: 8 });
    const size = statSync(file).size;
    for (let n = 1; n <= 20; n++) guard.record(DAY, 'A', n);
    expect(statSync(file).size).toBe(size);
    guard.close();
    expect(NumberHighWater.open(file, { keepFrom: DAY }).highest(DAY, 'A')).toBe(20);
  });

  it('skips a record torn by a power cut (its checksum fails) and reads the rest', () => {
    const file = join(temp(), 'ticket-numbers');
    const guard = NumberHighWater.open(file, { keepFrom: DAY });
    guard.record(DAY, 'A', 5);
    guard.record(DAY, 'A', 6);
    guard.close();
    // The second record half written: its number changed under its checksum.
    const text = readFileSync(file, 'latin1');
    const second = text.indexOf('00006');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('00009', 'latin1'), 0, 5, second);
    closeSync(fd);
    expect(NumberHighWater.open(file, { keepFrom: DAY }).highest(DAY, 'A')).toBe(5);
  });

  it('makes the queue number on after the highest printed, even over a database whose counters are behind', () => {
    const dir = temp();
    const config = HostConfig.parse({ hours: ALL_DAY_HOURS, devices: [] });
    const clock = { now: () => new Date() };
    const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    const guard = NumberHighWater.open(join(dir, 'ticket-numbers'), { keepFrom: '2000-01-01' });
    const queue = new QueueService({
      db,
      bus: new EventBus(),
      clock,
      timeZone: config.timeZone,
      hours: config.hours,
      policy: config.queue,
      numbers: guard,
    });
    queue.seed(config.services, config.windows);
    const day = queue.businessDay();
    const issue = () => queue.issue({ serviceCode: 'business-startup', identity: null }).number;
    expect([issue(), issue()]).toEqual(['A001', 'A002']);
    // A003–A005 were printed before a restore put back a database that knew only A001 and A002.
    guard.record(day, 'A', 5);
    expect(issue()).toBe('A006');
    // At the next open the counters are raised to the file's figures before anything is issued.
    guard.record(day, 'A', 9);
    raiseNumbering(db, guard.entries());
    expect(
      (
        db
          .prepare('SELECT last_seq AS n FROM ticket_counters WHERE business_day = ? AND service_code = ?')
          .get(day, 'business-startup') as { n: number }
      ).n,
    ).toBe(9);
    expect(issue()).toBe('A010');
    // Raising never lowers a counter.
    raiseNumbering(db, [{ businessDay: day, prefix: 'A', number: 2 }]);
    expect(issue()).toBe('A011');
    guard.close();
    db.close();
  });
});
