import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import type { HallEvent } from '../../../contracts/events';
import type { Db } from '../../../db/open';
import { listAudit } from '../../../db/repositories/audit';
import { insertTerminal, revokeTerminal } from '../../../db/repositories/terminals';
import { EventBus } from '../../../host/events/event-bus';
import { NoticeBoard, type NoticeSource } from '../../../host/notices/notice-board';
import { ManualClock, openHallDb, tempDir, type TempDir } from '../sync/support';

/** No central notices: the hall's own are the subject here (notice-board.test.ts covers the central ones). */
const noCentral: NoticeSource = { notices: async () => ({ ok: true as const, status: 200, body: { notices: [] } }) };

const MINUTE = 60_000;
/** ManualClock's start: 2026-11-27 10:00 in Beijing. */
const NOW = '2026-11-27T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * MINUTE).toISOString();

const supervisor: StaffPrincipal = { id: 1, staffNo: '9001', name: '值班主任', role: 'supervisor', windowId: null };

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let events: HallEvent[];
let board: NoticeBoard;
/** Two hall TVs, a secondary kiosk and a counter PC, paired. */
const tv1 = randomUUID();
const tv2 = randomUUID();
const kiosk2 = randomUUID();
const counter = randomUUID();

const titlesOn = (screen: string | null) => board.current(screen).notices.map((n) => n.title);
const changes = () => events.filter((e) => e.type === 'notices.changed').length;

beforeEach(() => {
  tmp = tempDir('notice-targeting-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  db.exec(`INSERT INTO staff (id, staff_no, name, role, pin_hash) VALUES (1, '9001', '值班主任', 'supervisor', 'x')`);
  const terminals = [
    [tv1, '一楼叫号屏', 'display'],
    [tv2, '二楼叫号屏', 'display'],
    [kiosk2, '二楼自助机', 'host'],
    [counter, '3号窗口', 'counter'],
  ] as const;
  for (const [id, name, kind] of terminals) insertTerminal(db, { id, name, kind, tokenHash: `hash-${id}`, pairedAt: NOW });
  clock = new ManualClock();
  const bus = new EventBus(100, () => clock.now());
  events = [];
  bus.subscribe((e) => events.push(e));
  board = new NoticeBoard({ db, source: noCentral, hallId: 'hall-01', clock, bus });
});
afterEach(() => {
  board.stop();
  db.close();
  tmp.cleanup();
});

describe('notices aimed at chosen screens', () => {
  it('shows a notice only on the screens it chose; one for all screens everywhere', () => {
    board.publish({ title: '全厅', body: 'x' }, supervisor);
    board.publish({ title: '一楼屏', body: 'x', audience: { scope: 'chosen', hall: false, terminalIds: [tv1] } }, supervisor);
    board.publish(
      { title: '本机和二楼自助机', body: 'x', audience: { scope: 'chosen', hall: true, terminalIds: [kiosk2] } },
      supervisor,
    );

    expect(titlesOn(tv1).sort()).toEqual(['一楼屏', '全厅'].sort());
    expect(titlesOn(tv2)).toEqual(['全厅']);
    expect(titlesOn('hall').sort()).toEqual(['全厅', '本机和二楼自助机'].sort());
    expect(titlesOn(kiosk2).sort()).toEqual(['全厅', '本机和二楼自助机'].sort());
    // A counter PC is no screen a notice can choose: it sees the notices for all screens only.
    expect(titlesOn(null)).toEqual(['全厅']);
  });

  it('shows a chosen screen its notice only inside its window of time', async () => {
    const audience = { scope: 'chosen' as const, hall: false, terminalIds: [tv1] };
    board.publish({ title: '午休调整', body: 'x', startsAt: at(30), endsAt: at(90), audience }, supervisor);
    const stateNow = () => board.page({ limit: 10, offset: 0 }).notices[0]?.state;
    expect(titlesOn(tv1)).toEqual([]);
    expect(stateNow()).toBe('scheduled');
    expect(changes()).toBe(0);

    clock.advance(30 * MINUTE);
    await board.tick();
    expect(titlesOn(tv1)).toEqual(['午休调整']);
    expect(titlesOn(tv2)).toEqual([]);
    // The supervisors' list reads the state on the hall's clock, as the screens do.
    expect(stateNow()).toBe('showing');
    expect(changes()).toBe(1);

    clock.advance(60 * MINUTE);
    await board.tick();
    expect(titlesOn(tv1)).toEqual([]);
    expect(stateNow()).toBe('ended');
    expect(changes()).toBe(2);
  });

  it('names the chosen terminals in the supervisors’ list', () => {
    board.publish({ title: '两块屏', body: 'x', audience: { scope: 'chosen', hall: true, terminalIds: [tv2, tv1] } }, supervisor);
    revokeTerminal(db, tv2, NOW);
    const [record] = board.page({ limit: 10, offset: 0 }).notices;
    expect(record?.audience).toEqual({
      scope: 'chosen',
      hall: true,
      terminals: [
        { id: tv1, name: '一楼叫号屏', kind: 'display', revoked: false },
        { id: tv2, name: '二楼叫号屏', kind: 'display', revoked: true },
      ],
    });
    // A revoked TV is no longer offered.
    expect(board.terminals({ limit: 10, offset: 0 }).terminals.map((t) => t.name)).toEqual(['一楼叫号屏', '二楼自助机']);
  });

  it('refuses a terminal that is unknown, revoked or no screen (a counter PC), and stores nothing', () => {
    revokeTerminal(db, tv2, NOW);
    for (const terminalIds of [[randomUUID()], [tv2], [counter]]) {
      expect(() =>
        board.publish({ title: 't', body: 'b', audience: { scope: 'chosen', hall: false, terminalIds } }, supervisor),
      ).toThrow(expect.objectContaining({ code: 'invalid_request', details: expect.objectContaining({ terminalIds }) }));
    }
    expect(board.all()).toEqual([]);
    expect(listAudit(db, { limit: 10 })).toEqual([]);
  });

  it('refuses a notice that would end before now, even with a start in the past', () => {
    expect(() => board.publish({ title: 't', body: 'b', startsAt: at(-120), endsAt: at(-60) }, supervisor)).toThrow(
      expect.objectContaining({ code: 'invalid_request', details: { field: 'endsAt' } }),
    );
  });
});

describe('editing a hall notice', () => {
  it('replaces its text, window and screens, stamps and audits the change, and tells the screens', () => {
    const published = board.publish({ title: '延时服务', body: '周六 9:00-12:00' }, supervisor);
    expect(changes()).toBe(1);
    clock.advance(MINUTE);

    const edited = board.edit(
      published.id,
      {
        title: '延时服务',
        body: '周六 9:00-12:30',
        endsAt: at(24 * 60),
        audience: { scope: 'chosen', hall: false, terminalIds: [tv1] },
      },
      { ...supervisor, id: 1 },
    );
    expect(edited).toMatchObject({
      id: published.id,
      body: '周六 9:00-12:30',
      startsAt: NOW,
      endsAt: at(24 * 60),
      editedAt: at(1),
      editedBy: '9001',
      createdBy: '9001',
      audience: { scope: 'chosen', hall: false, terminals: [{ id: tv1 }] },
    });
    expect(titlesOn('hall')).toEqual([]);
    expect(titlesOn(tv1)).toEqual(['延时服务']);
    expect(changes()).toBe(2);

    const [, edit] = listAudit(db, { limit: 10 });
    expect(edit).toMatchObject({
      action: 'notice.edit',
      staffId: 1,
      details: { noticeId: published.id, changed: ['body', 'endsAt', 'screens'] },
    });
    // The audit names what changed, not the text.
    expect(JSON.stringify(edit)).not.toContain('12:30');
  });

  it('refuses central, withdrawn and unknown notices, and an end already past', async () => {
    const central: NoticeSource = {
      notices: async () => ({
        ok: true as const,
        status: 200,
        body: { notices: [{ id: 'c1', title: '省里的', body: 'x', publishedAt: NOW, startsAt: NOW }] },
      }),
    };
    const withCentral = new NoticeBoard({ db, source: central, hallId: 'hall-01', clock, bus: new EventBus() });
    await withCentral.refresh();
    const edit = { title: 't', body: 'b', audience: { scope: 'all' as const } };
    expect(() => withCentral.edit('c1', edit, supervisor)).toThrow(expect.objectContaining({ code: 'notice_not_local' }));
    expect(() => board.edit('nope', edit, supervisor)).toThrow(expect.objectContaining({ code: 'notice_unknown' }));

    const local = board.publish({ title: 'x', body: 'y' }, supervisor);
    expect(() => board.edit(local.id, { ...edit, endsAt: at(-1) }, supervisor)).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    board.withdraw(local.id, supervisor);
    expect(() => board.edit(local.id, edit, supervisor)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(listAudit(db, { limit: 10 }).map((a) => a.action)).toEqual(['notice.publish', 'notice.withdraw']);
  });
});
