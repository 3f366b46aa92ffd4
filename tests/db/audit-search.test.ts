import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { recordAudit, searchAudit, type AuditSearch } from '../../db/repositories/audit';
import { migrationsDir } from '../support/test-host';

const NONE: AuditSearch = { fromAt: null, toAt: null, staffNo: null, action: null, target: null, limit: 100, offset: 0 };
const at = (iso: string) => new Date(iso).toISOString();

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-search-'));
  db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (iso: string, action = 'ticket.call') =>
  recordAudit(db, { at: at(iso), staffId: null, windowId: null, action, ticketId: null });

describe('searchAudit over a time range', () => {
  it('finds a range’s entries among many, newest first, including those written after the clock was set back', () => {
    // A thousand entries a day for three days, then midnight with the clock set back ten minutes.
    for (let day = 24; day <= 26; day++) {
      const start = Date.parse(`2026-11-${day}T00:00:00Z`);
      for (let i = 0; i < 1000; i++) write(new Date(start + i * 60_000).toISOString());
    }
    write('2026-11-27T15:50:00Z', 'before.midnight');
    write('2026-11-27T16:05:00Z', 'after.midnight');
    // NTP steps the clock back ten minutes: the next entries are stamped before the one above.
    write('2026-11-27T15:58:00Z', 'set.back');
    write('2026-11-27T16:10:00Z', 'later');

    // [27th 16:00, 28th 16:00) is the 28th in Beijing: local midnight to local midnight.
    const day = searchAudit(db, { ...NONE, fromAt: at('2026-11-27T16:00:00Z'), toAt: at('2026-11-28T16:00:00Z') });
    expect(day.map((e) => e.action)).toEqual(['later', 'after.midnight']);
    const before = searchAudit(db, { ...NONE, fromAt: at('2026-11-27T00:00:00Z'), toAt: at('2026-11-27T16:00:00Z') });
    expect(before.map((e) => e.action)).toEqual(['set.back', 'before.midnight']);
    const oneDay = searchAudit(db, {
      ...NONE,
      fromAt: at('2026-11-25T00:00:00Z'),
      toAt: at('2026-11-26T00:00:00Z'),
      limit: 2000,
    });
    expect(oneDay).toHaveLength(1000);
    expect(oneDay.every((e) => e.at.startsWith('2026-11-25'))).toBe(true);
  });

  it('answers an empty log and a range outside it with nothing', () => {
    expect(searchAudit(db, { ...NONE, fromAt: at('2026-11-27T00:00:00Z') })).toEqual([]);
    write('2026-11-27T10:00:00Z');
    expect(searchAudit(db, { ...NONE, toAt: at('2026-11-27T00:00:00Z') })).toEqual([]);
    expect(searchAudit(db, { ...NONE, fromAt: at('2026-11-28T00:00:00Z') })).toEqual([]);
    expect(searchAudit(db, { ...NONE, fromAt: at('2026-11-27T00:00:00Z') })).toHaveLength(1);
  });
});
