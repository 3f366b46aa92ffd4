import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import {
  allNotices,
  currentNotices,
  insertLocalNotice,
  lastNoticePull,
  replaceCentralNotices,
  withdrawLocalNotice,
} from '../../db/repositories/notices';
import type { CentralNoticeRow } from '../../db/repositories/notices';
import { migrationsDir } from '../support/test-host';

const central = (id: string, overrides: Partial<CentralNoticeRow> = {}): CentralNoticeRow => ({
  id,
  title: `省级通知 ${id}`,
  body: '正文',
  publishedAt: '2026-11-20T00:00:00.000Z',
  startsAt: '2026-11-20T00:00:00.000Z',
  endsAt: null,
  ...overrides,
});

describe('notices repository', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'db-notices-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the central set: a notice missing from the latest pull is gone, edits land, local notices stay', () => {
    insertLocalNotice(db, { ...central('local-1'), title: '本厅通知', createdBy: '9001' });
    replaceCentralNotices(db, [central('1'), central('2')], '2026-11-27T02:00:00.000Z');
    expect(lastNoticePull(db)).toBe('2026-11-27T02:00:00.000Z');

    replaceCentralNotices(db, [central('2', { title: '改过的标题' })], '2026-11-27T02:05:00.000Z');
    expect(lastNoticePull(db)).toBe('2026-11-27T02:05:00.000Z');
    expect(allNotices(db).map((n) => [n.id, n.source, n.title])).toEqual(
      expect.arrayContaining([
        ['2', 'central', '改过的标题'],
        ['local-1', 'local', '本厅通知'],
      ]),
    );
    expect(allNotices(db)).toHaveLength(2);

    // An empty pull withdraws every central notice and nothing else.
    replaceCentralNotices(db, [], '2026-11-27T02:10:00.000Z');
    expect(allNotices(db).map((n) => n.id)).toEqual(['local-1']);
  });

  it('never overwrites a local notice with a central one of the same id', () => {
    insertLocalNotice(db, { ...central('7'), title: '本厅通知', createdBy: '9001' });
    replaceCentralNotices(db, [central('7', { title: '省级通知' })], '2026-11-27T02:00:00.000Z');
    expect(allNotices(db).map((n) => [n.source, n.title, n.createdBy])).toEqual([['local', '本厅通知', '9001']]);
  });

  it('shows a notice from its start (inclusive) to its end (exclusive), not once withdrawn, newest first', () => {
    replaceCentralNotices(
      db,
      [
        central('old', { publishedAt: '2026-11-01T00:00:00.000Z', startsAt: '2026-11-01T00:00:00.000Z' }),
        central('ending', { publishedAt: '2026-11-02T00:00:00.000Z', endsAt: '2026-11-27T02:00:00.000Z' }),
        central('future', { publishedAt: '2026-11-03T00:00:00.000Z', startsAt: '2026-11-27T02:00:00.000Z' }),
      ],
      '2026-11-27T01:00:00.000Z',
    );
    insertLocalNotice(db, { ...central('mine'), publishedAt: '2026-11-26T00:00:00.000Z', createdBy: '9001' });

    const at = (now: string) => currentNotices(db, now).map((n) => n.id);
    expect(at('2026-11-27T01:59:59.999Z')).toEqual(['mine', 'ending', 'old']);
    expect(at('2026-11-27T02:00:00.000Z')).toEqual(['mine', 'future', 'old']);

    expect(withdrawLocalNotice(db, 'mine', '2026-11-27T02:01:00.000Z')).toBe(true);
    expect(withdrawLocalNotice(db, 'mine', '2026-11-27T02:02:00.000Z')).toBe(false);
    expect(withdrawLocalNotice(db, 'old', '2026-11-27T02:02:00.000Z')).toBe(false);
    expect(at('2026-11-27T02:03:00.000Z')).toEqual(['future', 'old']);
    // The supervisor's list still has it, with the first withdrawal time.
    expect(allNotices(db).find((n) => n.id === 'mine')?.withdrawnAt).toBe('2026-11-27T02:01:00.000Z');
  });
});
