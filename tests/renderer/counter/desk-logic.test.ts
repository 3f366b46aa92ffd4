import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../../contracts/errors';
import type { Ticket } from '../../../contracts/queue';
import type { DayStatistics, StatFigures } from '../../../contracts/stats';
import {
  actionErrorKey,
  applyWaitingFilter,
  commandForKey,
  type DeskOperation,
  endsSession,
  finishBeforeCall,
  finishThenCall,
  keyOf,
  lockedUntilOf,
  minutesSince,
  ownFigures,
  signInErrorKey,
  SHORTCUTS,
  splitDuration,
  waitingGroups,
} from '../../../renderer/counter/desk-logic';
import { translations } from '../../../renderer/i18n';
import type { MessageTree } from '../../../renderer/kiosk/messages/types';

const OPERATIONS: DeskOperation[] = [
  'callNext',
  'callTicket',
  'recall',
  'skip',
  'hold',
  'resume',
  'transfer',
  'finish',
  'evaluate',
  'pause',
];
const CODES = [...ApiErrorCode.options, 'network', 'bad_response', 'generic'] as const;

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    id: 1,
    number: 'A001',
    serviceCode: 'business-startup',
    serviceName: '企业开办',
    status: 'waiting',
    priorityClass: 'normal',
    issuedAt: '2026-03-02T01:00:00.000Z',
    businessDay: '2026-03-02',
    peopleAhead: 0,
    estimatedWaitMinutes: 0,
    calledAt: null,
    windowNumber: null,
    recallCount: 0,
    skipCount: 0,
    outcome: null,
    printStatus: 'printed',
    returnToWindowNumber: null,
    returnedFromWindowNumber: null,
    ...overrides,
  };
}

describe('counter desk logic', () => {
  it('keeps the skeleton keys F1–F4 and adds F5–F8, one command per key', () => {
    expect(commandForKey('F1')).toBe('callNext');
    expect(commandForKey('F2')).toBe('recall');
    expect(commandForKey('F3')).toBe('skip');
    expect(commandForKey('F4')).toBe('finish');
    expect(SHORTCUTS.map((s) => s.key)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8']);
    expect(new Set(SHORTCUTS.map((s) => s.command)).size).toBe(8);
    expect(keyOf('pause')).toBe('F8');
    expect(commandForKey('F9')).toBeUndefined();
    expect(commandForKey('Enter')).toBeUndefined();
  });

  it('F1 or a call from the queue while a citizen is served ends their visit first, never silently', () => {
    const serving = ticket({ id: 5, number: 'A005', status: 'called' });
    const picked = ticket({ id: 9, number: 'A009' });
    expect(finishBeforeCall(serving, { kind: 'next' })).toEqual({ ticket: serving, then: { kind: 'next' } });
    expect(finishBeforeCall(serving, { kind: 'ticket', ticket: picked })).toEqual({
      ticket: serving,
      then: { kind: 'ticket', ticket: picked },
    });
    // Nobody at the window: the call goes at once.
    expect(finishBeforeCall(null, { kind: 'next' })).toBeNull();
  });

  it('after the outcome: finishes, asks for the rating, then calls; an empty queue leaves the first two done', async () => {
    const done: string[] = [];
    const finished = ticket({ id: 5, number: 'A005', status: 'finished', outcome: 'done' });
    const steps = (call: () => Promise<string>) => ({
      finish: async () => {
        done.push('finish');
        return finished;
      },
      requestEvaluation: async () => {
        done.push('evaluate');
      },
      call: async () => {
        done.push('call');
        return call();
      },
    });
    const queueEmpty = new Error('queue_empty');
    const isQueueEmpty = (e: unknown) => e === queueEmpty;

    expect(
      await finishThenCall(
        steps(async () => 'A006'),
        isQueueEmpty,
      ),
    ).toEqual({ finished, called: 'A006' });
    expect(done).toEqual(['finish', 'evaluate', 'call']);

    done.length = 0;
    expect(
      await finishThenCall(
        steps(() => Promise.reject(queueEmpty)),
        isQueueEmpty,
      ),
    ).toEqual({ finished, called: null });
    expect(done).toEqual(['finish', 'evaluate', 'call']);

    // Any other refusal of the call is the caller's to show (the finish and the rating stand).
    const paused = new Error('window_paused');
    await expect(
      finishThenCall(
        steps(() => Promise.reject(paused)),
        isQueueEmpty,
      ),
    ).rejects.toBe(paused);
  });

  it('says what a refusal means for the request that got it', () => {
    expect(actionErrorKey('callNext', 'queue_empty')).toBe('counterUi.errors.queue_empty');
    expect(actionErrorKey('callNext', 'window_paused')).toBe('counterUi.errors.window_paused');
    expect(actionErrorKey('resume', 'window_busy')).toBe('counterUi.errors.window_busy');
    expect(actionErrorKey('recall', 'invalid_state')).toBe('counterUi.errors.noCurrent');
    expect(actionErrorKey('callTicket', 'invalid_state')).toBe('counterUi.errors.notWaiting');
    expect(actionErrorKey('resume', 'invalid_state')).toBe('counterUi.errors.notHeld');
    expect(actionErrorKey('evaluate', 'invalid_state')).toBe('counterUi.errors.nothingToEvaluate');
    expect(actionErrorKey('skip', 'internal')).toBe('counterUi.errors.generic');
    expect(endsSession('unauthorized')).toBe('unauthorized');
    expect(endsSession('forbidden')).toBe('forbidden');
    expect(endsSession('queue_empty')).toBeNull();
  });

  it('has a message in both languages for every refusal of every action and of the sign-in', () => {
    const all = translations();
    const missing: string[] = [];
    const keys = new Set<string>(['counterUi.signInErrors.lockedOutNoTime']);
    for (const op of OPERATIONS) for (const code of CODES) keys.add(actionErrorKey(op, code));
    for (const code of CODES) keys.add(signInErrorKey(code));
    for (const key of keys) {
      if (!lookup(all['zh-CN'], key)) missing.push(`zh-CN ${key}`);
      if (!lookup(all.en, key)) missing.push(`en ${key}`);
    }
    expect(missing).toEqual([]);
    expect(signInErrorKey('unauthorized')).toBe('counterUi.signInErrors.badCredentials');
    expect(signInErrorKey('locked_out')).toBe('counterUi.signInErrors.lockedOut');
    expect(signInErrorKey('forbidden')).toBe('counterUi.signInErrors.technician');
  });

  it('reads the lockout end from the error details, and nothing else', () => {
    expect(lockedUntilOf({ lockedUntil: '2026-03-02T02:15:00.000Z' })?.toISOString()).toBe('2026-03-02T02:15:00.000Z');
    expect(lockedUntilOf({ lockedUntil: 'soon' })).toBeNull();
    expect(lockedUntilOf(undefined)).toBeNull();
    expect(lockedUntilOf('2026-03-02')).toBeNull();
  });

  it('counts whole minutes and never negative ones (host and browser clocks differ a little)', () => {
    expect(minutesSince('2026-03-02T01:00:00.000Z', '2026-03-02T01:12:59.000Z')).toBe(12);
    expect(minutesSince('2026-03-02T01:00:00.000Z', new Date('2026-03-02T00:59:30.000Z'))).toBe(0);
    expect(splitDuration(252)).toEqual({ m: 4, s: 12 });
    expect(splitDuration(59.6)).toEqual({ m: 1, s: 0 });
  });

  it('groups the queue by the window’s services; tickets sent here by name form their own group', () => {
    const tickets = [
      ticket({ id: 1, number: 'A001' }),
      ticket({ id: 2, number: 'F001', serviceCode: 'consulting' }),
      ticket({ id: 3, number: 'B001', serviceCode: 'real-estate' }),
      ticket({ id: 4, number: 'A002' }),
    ];
    const services = ['business-startup', 'consulting'];
    expect(waitingGroups(tickets, services).map((g) => [g.filter, g.count])).toEqual([
      [{ kind: 'all' }, 4],
      [{ kind: 'service', code: 'business-startup' }, 2],
      [{ kind: 'service', code: 'consulting' }, 1],
      [{ kind: 'other' }, 1],
    ]);
    expect(applyWaitingFilter(tickets, { kind: 'service', code: 'business-startup' }, services).map((t) => t.number)).toEqual([
      'A001',
      'A002',
    ]);
    expect(applyWaitingFilter(tickets, { kind: 'other' }, services).map((t) => t.number)).toEqual(['B001']);
    // No "other" group when every ticket is of the window's services.
    expect(waitingGroups(tickets.slice(0, 2), services)).toHaveLength(3);
  });

  it('picks the clerk’s own and the window’s figures out of the hall’s', () => {
    const figures = (served: number): StatFigures => ({
      issued: 0,
      served,
      noShow: 0,
      cancelled: 0,
      waiting: 0,
      inService: 0,
      held: 0,
      called: 0,
      avgWaitSeconds: null,
      maxWaitSeconds: null,
      avgServiceSeconds: null,
      serviceLevelPct: null,
      byHour: [],
    });
    const stats: DayStatistics = {
      businessDay: '2026-03-02',
      timeZone: 'Asia/Shanghai',
      hall: figures(9),
      services: [],
      windows: [
        { ...figures(5), windowId: 1, windowNumber: 1, windowName: '综合受理 1' },
        { ...figures(4), windowId: 2, windowNumber: 2, windowName: '综合受理 2' },
      ],
      staff: [
        { ...figures(3), staffId: 7, staffNo: '1001', staffName: '窗口人员' },
        { ...figures(6), staffId: 8, staffNo: '9001', staffName: '值班主任' },
      ],
    };
    const own = ownFigures(stats, 7, 2);
    expect(own.mine?.served).toBe(3);
    expect(own.window?.served).toBe(4);
    expect(ownFigures(stats, 99, 1).mine).toBeNull();
    expect(ownFigures(undefined, 7, 1)).toEqual({ mine: null, window: null });
  });
});
