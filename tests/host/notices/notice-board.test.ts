import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import type { Notice } from '../../../contracts/central-api';
import type { HallEvent } from '../../../contracts/events';
import type { Db } from '../../../db/open';
import { listAudit } from '../../../db/repositories/audit';
import { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { NoticeBoard } from '../../../host/notices/notice-board';
import type { NoticeSource } from '../../../host/notices/notice-board';
import { ManualClock, openHallDb, tempDir } from '../sync/support';
import type { TempDir } from '../sync/support';

/**
 * A stand-in for the central API's GET /v1/notices: serves `published` (all of them, as all=true
 * does) or fails like an unreachable network. routes.test.ts runs against the real platform.
 */
class StubCentralNotices implements NoticeSource {
  published: Notice[] = [];
  up = true;
  calls: string[] = [];
  async notices(hallId: string) {
    this.calls.push(hallId);
    if (!this.up) return { ok: false as const, kind: 'retryable' as const, message: 'network error (ECONNREFUSED)' };
    return { ok: true as const, status: 200, body: { notices: this.published.map((n) => ({ ...n })) } };
  }
}

const MINUTE = 60_000;
const NOW = '2026-11-27T02:00:00.000Z'; // ManualClock's start: 10:00 in Beijing

const supervisor: StaffPrincipal = { id: 1, staffNo: '9001', name: '值班主任', role: 'supervisor', windowId: null };

function notice(id: string, overrides: Partial<Notice> = {}): Notice {
  return {
    id,
    title: `通知 ${id}`,
    body: '正文',
    publishedAt: '2026-11-26T00:00:00.000Z',
    startsAt: '2026-11-26T00:00:00.000Z',
    ...overrides,
  };
}

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let bus: EventBus;
let events: HallEvent[];
let central: StubCentralNotices;
let board: NoticeBoard;

const titles = () => board.current().notices.map((n) => n.title);
const changes = () => events.filter((e) => e.type === 'notices.changed').length;
const newBoard = () => new NoticeBoard({ db, source: central, hallId: 'hall-01', clock, bus });

beforeEach(() => {
  tmp = tempDir('notice-board-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  db.exec(`INSERT INTO staff (id, staff_no, name, role, pin_hash) VALUES (1, '9001', '值班主任', 'supervisor', 'x')`);
  clock = new ManualClock();
  bus = new EventBus(100, () => clock.now());
  events = [];
  bus.subscribe((e) => events.push(e));
  central = new StubCentralNotices();
  board = newBoard();
});
afterEach(() => {
  board.stop();
  if (db.open) db.close();
  tmp.cleanup();
});

describe('NoticeBoard (central API stubbed)', () => {
  it('asks for its own hall and shows nothing but local notices before it ever reached the central API', async () => {
    central.up = false;
    expect(await board.refresh()).toMatchObject({ outcome: 'unreachable', error: 'network error (ECONNREFUSED)' });
    expect(central.calls).toEqual(['hall-01']);
    expect(board.current()).toEqual({ notices: [], source: 'local-only', fetchedAt: null });
  });

  it('caches a notice that starts later and shows it once it starts, telling the screens', async () => {
    central.published = [notice('1', { title: '元旦放假安排', startsAt: '2026-11-27T02:30:00.000Z' })];
    expect(await board.refresh()).toEqual({ outcome: 'updated' });
    expect(board.current()).toEqual({ notices: [], source: 'central', fetchedAt: NOW });
    expect(changes()).toBe(0);

    // The central API goes down before the start: the cached copy still starts on time.
    central.up = false;
    clock.advance(29 * MINUTE);
    await board.tick();
    expect(titles()).toEqual([]);
    clock.advance(MINUTE);
    await board.tick();
    expect(titles()).toEqual(['元旦放假安排']);
    expect(changes()).toBe(1);
  });

  it('keeps showing the cached notices while the central API is unreachable, also after a restart', async () => {
    central.published = [notice('1', { title: '午间不打烊' })];
    await board.refresh();
    central.up = false;
    clock.advance(10 * MINUTE);
    expect(await board.refresh()).toMatchObject({ outcome: 'unreachable' });
    expect(board.current()).toMatchObject({
      source: 'cache',
      fetchedAt: NOW,
      notices: [{ title: '午间不打烊', source: 'central' }],
    });

    board = newBoard();
    await board.refresh();
    expect(board.current()).toMatchObject({ source: 'cache', fetchedAt: NOW, notices: [{ title: '午间不打烊' }] });
  });

  it('removes a notice the central API no longer lists and shows edits, announcing each change once', async () => {
    central.published = [notice('1', { title: '甲' }), notice('2', { title: '乙', publishedAt: '2026-11-26T01:00:00.000Z' })];
    await board.refresh();
    expect(titles()).toEqual(['乙', '甲']);
    expect(changes()).toBe(1);

    await board.refresh();
    expect(changes()).toBe(1);

    central.published = [notice('1', { title: '甲（更正）' })];
    await board.refresh();
    expect(titles()).toEqual(['甲（更正）']);
    expect(changes()).toBe(2);
  });

  it('takes a notice down when its end passes', async () => {
    central.published = [notice('1', { title: '临时停电', endsAt: '2026-11-27T02:05:00.000Z' })];
    await board.refresh();
    expect(titles()).toEqual(['临时停电']);
    clock.advance(5 * MINUTE);
    await board.tick();
    expect(titles()).toEqual([]);
    expect(changes()).toBe(2);
  });

  it('shows a notice whose start is written without milliseconds from that very second', async () => {
    // Stored as given, "…02:00:00Z" would sort after "…02:00:00.500Z" and stay hidden.
    central.published = [notice('1', { title: '整点生效', startsAt: '2026-11-27T02:00:00Z' })];
    clock.advance(500);
    await board.refresh();
    expect(titles()).toEqual(['整点生效']);
  });

  it('pulls again on the tick after the pull interval, not before', async () => {
    board.start({ pullIntervalMs: 5 * MINUTE, tickMs: 60 * MINUTE });
    await board.refresh(); // joins the pull start() began
    expect(central.calls).toHaveLength(1);
    central.published = [notice('1', { title: '新通知' })];
    clock.advance(4 * MINUTE);
    await board.tick();
    expect(titles()).toEqual([]);
    clock.advance(MINUTE);
    await board.tick();
    expect(central.calls).toHaveLength(2);
    expect(titles()).toEqual(['新通知']);
  });

  it('publishes and withdraws local notices, audited, announcing both', () => {
    const published = board.publish({ title: '本周六延时服务', body: '9:00-12:00 开放综合窗口' }, supervisor);
    expect(published).toMatchObject({ source: 'local', startsAt: NOW, endsAt: null, createdBy: '9001', withdrawnAt: null });
    expect(titles()).toEqual(['本周六延时服务']);
    expect(changes()).toBe(1);

    const withdrawn = board.withdraw(published.id, supervisor);
    expect(withdrawn.withdrawnAt).toBe(NOW);
    expect(titles()).toEqual([]);
    expect(changes()).toBe(2);
    // Withdrawing again is a harmless retry, not a second withdrawal.
    expect(board.withdraw(published.id, supervisor).withdrawnAt).toBe(NOW);
    expect(changes()).toBe(2);

    expect(listAudit(db, { limit: 10 }).map((a) => [a.action, a.staffId, a.details?.['noticeId']])).toEqual([
      ['notice.publish', 1, published.id],
      ['notice.withdraw', 1, published.id],
    ]);
  });

  it('refuses an end before the defaulted start, and withdrawing central or unknown notices', async () => {
    expect(() => board.publish({ title: '过期', body: 'x', endsAt: '2026-11-27T01:00:00Z' }, supervisor)).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    central.published = [notice('1')];
    await board.refresh();
    expect(() => board.withdraw('1', supervisor)).toThrow(expect.objectContaining({ code: 'notice_not_local' }));
    expect(() => board.withdraw('nope', supervisor)).toThrow(HostError);
    expect(titles()).toEqual(['通知 1']);
    expect(board.all()).toHaveLength(1);
    expect(listAudit(db, { limit: 10 })).toEqual([]);
  });
});
