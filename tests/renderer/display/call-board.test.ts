import { describe, expect, it } from 'vitest';
import type { Call } from '../../../contracts/queue';
import {
  addCall,
  applyLoad,
  emptyBoard,
  expireFresh,
  nextExpiry,
  removeTicket,
  worthAnnouncing,
  type BoardState,
} from '../../../renderer/display/call-board';

const options = { size: 4, freshMs: 10_000 };

function call(ticketId: number, number: string, window: number, calledAt: string, recall = 0): Call {
  return {
    ticketId,
    ticketNumber: number,
    serviceCode: 'business-startup',
    serviceName: '企业开办',
    windowNumber: window,
    windowName: `窗口 ${window}`,
    calledAt,
    recall,
  };
}

const numbers = (state: BoardState) => state.calls.map((c) => `${c.ticketNumber}@${c.windowNumber}`);
const fresh = (state: BoardState) => state.calls.filter((c) => c.freshUntil !== null).map((c) => c.ticketNumber);

describe('the call board', () => {
  it('the first load is what the board opens on: shown, not news, not flashing', () => {
    const loaded = [call(2, 'A002', 1, '2026-03-02T02:00:05Z'), call(1, 'A001', 1, '2026-03-02T02:00:00Z')];
    const { state, missed } = applyLoad(emptyBoard(), loaded, 1_000, 900, options);
    expect(numbers(state)).toEqual(['A002@1', 'A001@1']);
    expect(missed).toEqual([]);
    expect(fresh(state)).toEqual([]);
  });

  it('calls made a few seconds apart at several windows: newest on top, all of them fresh until it runs out', () => {
    let state = applyLoad(emptyBoard(), [], 0, 0, options).state;
    let r = addCall(state, call(1, 'A001', 1, '2026-03-02T02:00:00Z'), 1_000, options);
    expect(r.isNew).toBe(true);
    r = addCall(r.state, call(5, 'C001', 3, '2026-03-02T02:00:02Z'), 3_000, options);
    state = r.state;
    expect(numbers(state)).toEqual(['C001@3', 'A001@1']);
    expect(fresh(state)).toEqual(['C001', 'A001']);
    expect(nextExpiry(state)).toBe(11_000);
    state = expireFresh(state, 11_000);
    expect(fresh(state)).toEqual(['C001']);
    state = expireFresh(state, 13_000);
    expect(fresh(state)).toEqual([]);
    expect(nextExpiry(state)).toBeNull();
  });

  it('a recall moves the ticket back on top (one line per ticket); a replayed event changes nothing', () => {
    let state = applyLoad(emptyBoard(), [], 0, 0, options).state;
    state = addCall(state, call(1, 'A001', 1, '2026-03-02T02:00:00Z'), 1, options).state;
    state = addCall(state, call(2, 'A002', 2, '2026-03-02T02:00:10Z'), 2, options).state;
    const recall = call(1, 'A001', 1, '2026-03-02T02:01:00Z', 1);
    const recalled = addCall(state, recall, 3, options);
    expect(recalled.isNew).toBe(true);
    expect(numbers(recalled.state)).toEqual(['A001@1', 'A002@2']);
    const replayed = addCall(recalled.state, recall, 4, options);
    expect(replayed.isNew).toBe(false);
    expect(replayed.state).toBe(recalled.state);
  });

  it('keeps only the newest calls, and drops a ticket that was skipped', () => {
    let state = applyLoad(emptyBoard(), [], 0, 0, options).state;
    for (let i = 1; i <= 6; i += 1) state = addCall(state, call(i, `A00${i}`, 1, `2026-03-02T02:00:0${i}Z`), i, options).state;
    expect(numbers(state)).toEqual(['A006@1', 'A005@1', 'A004@1', 'A003@1']);
    expect(numbers(removeTicket(state, 5))).toEqual(['A006@1', 'A004@1', 'A003@1']);
  });

  it('a reload after a reconnect finds the calls made meanwhile: news, oldest first, fresh', () => {
    const first = [call(1, 'A001', 1, '2026-03-02T02:00:00Z')];
    let state = applyLoad(emptyBoard(), first, 0, 0, options).state;
    const later = [
      call(3, 'C001', 3, '2026-03-02T02:00:20Z'),
      call(2, 'A002', 1, '2026-03-02T02:00:10Z'),
      call(1, 'A001', 1, '2026-03-02T02:00:00Z'),
    ];
    const r = applyLoad(state, later, 50_000, 49_000, options);
    state = r.state;
    expect(r.missed.map((c) => c.ticketNumber)).toEqual(['A002', 'C001']);
    expect(numbers(state)).toEqual(['C001@3', 'A002@1', 'A001@1']);
    expect(fresh(state)).toEqual(['C001', 'A002']);
    // Loaded again: nothing is news twice.
    expect(applyLoad(state, later, 60_000, 59_000, options).missed).toEqual([]);
  });

  it('a call pushed while a load was on the wire stays on top of the older answer', () => {
    let state = applyLoad(emptyBoard(), [call(1, 'A001', 1, '2026-03-02T02:00:00Z')], 0, 0, options).state;
    const startedAt = 10_000;
    state = addCall(state, call(2, 'A002', 2, '2026-03-02T02:00:30Z'), 10_050, options).state;
    const { state: after, missed } = applyLoad(state, [call(1, 'A001', 1, '2026-03-02T02:00:00Z')], 10_100, startedAt, options);
    expect(numbers(after)).toEqual(['A002@2', 'A001@1']);
    expect(missed).toEqual([]);
  });

  it('only recent calls are said aloud: a night’s outage replayed is shown, not announced', () => {
    const c = call(1, 'A001', 1, '2026-03-02T02:00:00Z');
    const at = Date.parse(c.calledAt);
    expect(worthAnnouncing(c, at + 5_000, 120_000)).toBe(true);
    expect(worthAnnouncing(c, at + 121_000, 120_000)).toBe(false);
    expect(worthAnnouncing({ ...c, calledAt: 'garbage' }, at, 120_000)).toBe(false);
  });
});
