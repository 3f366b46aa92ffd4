import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  changesFigures,
  deskReducer,
  type DeskState,
  deskText,
  doneMessage,
  initialDesk,
  lostSession,
  operationOf,
  planCall,
  planCommand,
  shownDialog,
} from '../../../renderer/counter/desk-state';
import type { DeskOperation } from '../../../renderer/counter/desk-logic';
import { callOf, ticket } from '../support/queue-fixtures';

const serving = ticket({ id: 1, number: 'A001', status: 'called' });
const waiting = ticket({ id: 2, number: 'A002' });
const heldTicket = ticket({ id: 3, number: 'A003', status: 'held' });
const idle = { current: null, held: [], paused: false };
const busy = { current: serving, held: [], paused: false };

describe('the counter desk', () => {
  it('F1 with a citizen at the window opens their outcome dialog; with nobody it calls at once', () => {
    expect(planCommand('callNext', busy)).toEqual({
      kind: 'dialog',
      dialog: { kind: 'finish', ticketId: 1, then: { kind: 'next' } },
    });
    expect(planCommand('callNext', idle)).toEqual({ kind: 'request', request: { operation: 'callNext' } });
  });

  it('a pick from the queue goes through the same dialog, then calls that ticket', () => {
    expect(planCall({ kind: 'ticket', ticket: waiting }, serving)).toEqual({
      kind: 'dialog',
      dialog: { kind: 'finish', ticketId: 1, then: { kind: 'ticket', ticket: waiting } },
    });
    expect(planCall({ kind: 'ticket', ticket: waiting }, null)).toEqual({
      kind: 'request',
      request: { operation: 'callTicket', ticket: waiting },
    });
  });

  it('F4 and F6 need a citizen at the window, and say so at once without one', () => {
    expect(planCommand('finish', busy)).toEqual({ kind: 'dialog', dialog: { kind: 'finish', ticketId: 1, then: null } });
    expect(planCommand('transfer', busy)).toEqual({ kind: 'dialog', dialog: { kind: 'transfer', ticketId: 1 } });
    for (const command of ['finish', 'transfer'] as const)
      expect(planCommand(command, idle)).toEqual({
        kind: 'notice',
        notice: { tone: 'error', message: { key: 'counterUi.errors.noCurrent' } },
      });
  });

  it('F5 holds the citizen at the window, or with nobody there brings back the first one held', () => {
    expect(planCommand('holdResume', { ...busy, held: [heldTicket] })).toEqual({
      kind: 'request',
      request: { operation: 'hold' },
    });
    expect(planCommand('holdResume', { ...idle, held: [heldTicket] })).toEqual({
      kind: 'request',
      request: { operation: 'resume', ticket: heldTicket },
    });
  });

  it('F8 pauses a working window and resumes a paused one; the others go straight to the host', () => {
    expect(planCommand('pause', idle)).toEqual({ kind: 'request', request: { operation: 'pause', paused: true } });
    expect(planCommand('pause', { ...idle, paused: true })).toEqual({
      kind: 'request',
      request: { operation: 'pause', paused: false },
    });
    for (const command of ['recall', 'skip', 'evaluate'] as const)
      expect(planCommand(command, busy)).toEqual({ kind: 'request', request: { operation: command } });
  });

  it('shows a dialog only while its citizen is still at the window', () => {
    const open = deskReducer(initialDesk, { type: 'dialog', dialog: { kind: 'finish', ticketId: 1, then: null } });
    expect(shownDialog(open, serving)).toEqual({ kind: 'finish', ticketId: 1, then: null });
    expect(shownDialog(open, null)).toBeNull();
    expect(shownDialog(open, { ...waiting, status: 'called' })).toBeNull();
    expect(deskReducer(open, { type: 'closeDialog' }).dialog).toBeNull();
  });

  it('works one action at a time and keeps the last message until the next', () => {
    const started = deskReducer(initialDesk, { type: 'started' });
    expect(started.working).toBe(true);
    const done = deskReducer(started, { type: 'succeeded', result: { kind: 'called', call: callOf(waiting) } });
    expect(done.notice).toEqual({ tone: 'ok', message: { key: 'counterUi.done.called', values: { number: 'A002' } } });
    const settled = deskReducer(done, { type: 'settled' });
    expect(settled.working).toBe(false);
    expect(settled.notice).toBe(done.notice);
    const failed = deskReducer(settled, { type: 'failed', operation: 'callTicket', code: 'invalid_state' });
    expect(failed.notice).toEqual({ tone: 'error', message: { key: 'counterUi.errors.notWaiting' } });
  });

  it('keeps the waiting list’s filter', () => {
    const state: DeskState = deskReducer(initialDesk, { type: 'filter', filter: { kind: 'other' } });
    expect(state.filter).toEqual({ kind: 'other' });
  });

  it('reads a refusal of a finish-then-call as the call’s, and knows which actions change the figures', () => {
    expect(operationOf({ operation: 'finish', outcome: 'done', then: { kind: 'next' } })).toBe('callNext');
    expect(operationOf({ operation: 'finish', outcome: 'done', then: { kind: 'ticket', ticket: waiting } })).toBe('callTicket');
    expect(operationOf({ operation: 'finish', outcome: 'done', then: null })).toBe('finish');
    const changing: DeskOperation[] = ['finish', 'skip', 'callNext', 'callTicket'];
    const others: DeskOperation[] = ['recall', 'hold', 'resume', 'transfer', 'evaluate', 'pause'];
    expect(changing.every(changesFigures)).toBe(true);
    expect(others.some(changesFigures)).toBe(false);
  });

  it('loses the window on unauthorized, and on forbidden unless a supervisor (a role problem for them)', () => {
    expect(lostSession('unauthorized', 'staff')).toBe('unauthorized');
    expect(lostSession('unauthorized', 'supervisor')).toBe('unauthorized');
    expect(lostSession('forbidden', 'staff')).toBe('forbidden');
    expect(lostSession('forbidden', 'supervisor')).toBeNull();
    expect(lostSession('queue_empty', 'staff')).toBeNull();
  });

  it('words each result, translating the outcome inside the message', () => {
    const finished = { ...serving, status: 'finished' as const };
    expect(doneMessage({ kind: 'finishedThenCalled', ticket: finished, outcome: 'referred', called: null })).toEqual({
      key: 'counterUi.done.finishedQueueEmpty',
      values: { number: 'A001', outcome: { key: 'counterUi.outcomes.referred' } },
    });
    expect(doneMessage({ kind: 'skipped', ticket: { ...serving, status: 'waiting' } }).key).toBe('counterUi.done.requeued');
    expect(doneMessage({ kind: 'skipped', ticket: { ...serving, status: 'no_show' } }).key).toBe('counterUi.done.noShow');
    expect(doneMessage({ kind: 'transferred', ticket: serving, label: { window: 3 } })).toEqual({
      key: 'counterUi.done.transferredWindow',
      values: { number: 'A001', window: 3 },
    });
    expect(doneMessage({ kind: 'transferred', ticket: serving, label: {} }).values).toEqual({
      number: 'A001',
      service: '企业开办',
    });
    const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as TFunction;
    expect(deskText(t, { key: 'a', values: { n: 1, o: { key: 'b' } } })).toBe('a{"n":1,"o":"b"}');
  });
});
