import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import type { Ticket, Window } from '../../../contracts/queue';
import { ApiClientError } from '../../../renderer/api/client';
import { CounterDesk } from '../../../renderer/counter/CounterDesk';
import { fakeApi } from '../support/fake-api';
import { callOf, ticket, windowOf } from '../support/queue-fixtures';
import { renderScreen } from '../support/render';

const clerk: StaffPrincipal = { id: 7, staffNo: '1001', name: '李四', role: 'staff', windowId: 1 };
const serving = ticket({ id: 1, number: 'A001', status: 'called', calledAt: '2027-03-01T02:00:00.000Z', windowNumber: 1 });
const next = ticket({ id: 2, number: 'A002' });

/** The desk at window 1, against a fake host whose window the test sets (and changes). */
function desk(start: Window, overrides: Parameters<typeof fakeApi>[0] = {}) {
  let window = start;
  const onSessionLost = vi.fn();
  const api = fakeApi({
    window: async () => window,
    waiting: async () => ({ tickets: [next] }),
    windows: async () => ({ windows: [window] }),
    services: async () => ({ services: [] }),
    ...overrides,
  });
  const rendered = renderScreen(
    <CounterDesk staff={clerk} windowId={1} timeZone="Asia/Shanghai" onSessionLost={onSessionLost} />,
    api,
  );
  return {
    ...rendered,
    onSessionLost,
    /** The host's window changes by itself (a caller keypad, a supervisor) and the desk re-reads it. */
    async hostChanges(to: Window) {
      window = to;
      await rendered.queryClient.invalidateQueries({ queryKey: ['counter'] });
    },
    setWindow(to: Window) {
      window = to;
    },
  };
}

const press = (key: string) => fireEvent.keyDown(document, { key });
const servingShown = (t: Ticket) => screen.findByText(t.number, { exact: false });

describe('CounterDesk', () => {
  it('F1 while serving opens the finish dialog first, and calls nobody yet', async () => {
    const callNext = vi.fn();
    desk(windowOf(serving), { callNext });
    await servingShown(serving);
    press('F1');
    const dialog = await screen.findByTestId('finish-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('结束 A001 号，再叫下一位');
    // 办结 is preselected: one key for the usual outcome.
    expect(within(dialog).getByRole('radio', { name: /办结/ })).toHaveProperty('checked', true);
    expect(callNext).not.toHaveBeenCalled();
  });

  it('confirming the dialog finishes with the outcome, asks for the rating, then calls the next', async () => {
    const order: string[] = [];
    const d = desk(windowOf(serving), {
      finish: async (_window, outcome) => {
        order.push(`finish:${outcome}`);
        return { ticket: { ...serving, status: 'finished', outcome } };
      },
      requestEvaluation: async () => {
        order.push('evaluation');
        return { ticketId: serving.id };
      },
      callNext: async () => {
        order.push('callNext');
        d.setWindow(windowOf({ ...next, status: 'called', windowNumber: 1 }));
        return { call: callOf(next) };
      },
    });
    await servingShown(serving);
    press('F1');
    const dialog = await screen.findByTestId('finish-dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: /需补正材料/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认并叫号' }));
    await waitFor(() =>
      expect(screen.getByTestId('desk-status').textContent).toBe('A001 号已结束：需补正材料，已请评价；已叫 A002 号'),
    );
    expect(order).toEqual(['finish:needs_materials', 'evaluation', 'callNext']);
    expect(screen.queryByTestId('finish-dialog')).toBeNull();
  });

  it('F1 with nobody at the window calls the next at once, once however fast the key is pressed again', async () => {
    let answer: (value: { call: ReturnType<typeof callOf> }) => void = () => undefined;
    const callNext = vi.fn(() => new Promise<{ call: ReturnType<typeof callOf> }>((resolve) => (answer = resolve)));
    desk(windowOf(null), { callNext });
    await screen.findByText('A002', { exact: false });
    press('F1');
    press('F1');
    expect(callNext).toHaveBeenCalledTimes(1);
    answer({ call: callOf(next) });
    await waitFor(() => expect(screen.getByTestId('desk-status').textContent).toBe('已叫 A002 号'));
    expect(screen.queryByTestId('finish-dialog')).toBeNull();
  });

  it('F4 with nobody at the window says so at once, without asking the host', async () => {
    const finish = vi.fn();
    desk(windowOf(null), { finish });
    await screen.findByText('A002', { exact: false });
    press('F4');
    expect(screen.getByTestId('desk-error').textContent).toBe('当前没有正在办理的号码');
    expect(finish).not.toHaveBeenCalled();
    expect(screen.queryByTestId('finish-dialog')).toBeNull();
  });

  it('drops a dialog about a citizen who is no longer at the window (a keypad called the next)', async () => {
    const d = desk(windowOf(serving));
    await servingShown(serving);
    press('F4');
    expect(await screen.findByTestId('finish-dialog')).toBeTruthy();
    await d.hostChanges(windowOf({ ...next, status: 'called', windowNumber: 1 }));
    await waitFor(() => expect(screen.queryByTestId('finish-dialog')).toBeNull());
    // The function keys work again: the dialog is gone, not just hidden.
    press('F4');
    expect(within(await screen.findByTestId('finish-dialog')).getByRole('heading').textContent).toBe('结束 A002 号');
  });

  it('goes back to sign-in when the host no longer accepts the session', async () => {
    const d = desk(windowOf(null), {
      recall: async () => {
        throw new ApiClientError('unauthorized', 'session expired');
      },
    });
    await screen.findByText('A002', { exact: false });
    press('F2');
    await waitFor(() => expect(d.onSessionLost).toHaveBeenCalledWith('unauthorized'));
  });

  it('says why the host refused an action, in the clerk’s words', async () => {
    desk(windowOf(null), {
      callNext: async () => {
        throw new ApiClientError('queue_empty', '没有等候');
      },
    });
    await screen.findByText('A002', { exact: false });
    press('F1');
    await waitFor(() => expect(screen.getByTestId('desk-error').textContent).toBe('没有等候的号码'));
  });

  it('F6 sends the citizen to another window for one step, to come back here (转办并返回)', async () => {
    const transfer = vi.fn(async () => ({ ticket: { ...serving, status: 'waiting' as const, returnToWindowNumber: 1 } }));
    const window3 = windowOf(null, { id: 3, number: 3, name: '社保医保', staffName: null });
    desk(windowOf(serving), { transfer, windows: async () => ({ windows: [windowOf(serving), window3] }) });
    await servingShown(serving);
    press('F6');
    const dialog = await screen.findByTestId('transfer-dialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: /3 号窗口|社保医保/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /办完后返回本窗口/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认转移' }));
    await waitFor(() =>
      expect(screen.getByTestId('desk-status').textContent).toBe('A001 号已转至 3 号窗口办理，办完后回到本窗口'),
    );
    expect(transfer).toHaveBeenCalledWith(1, { toWindowId: 3, returnAfter: true });
  });

  it('a citizen here for one step says so, and finishing the step sends them back without asking for a rating', async () => {
    const visiting = { ...serving, windowNumber: 3, returnToWindowNumber: 1 };
    const order: string[] = [];
    desk(windowOf(visiting, { id: 3, number: 3 }), {
      finish: async () => {
        order.push('finish');
        return {
          ticket: { ...visiting, status: 'waiting', windowNumber: null, returnToWindowNumber: null, returnedFromWindowNumber: 3 },
        };
      },
      requestEvaluation: async () => {
        order.push('evaluation');
        return { ticketId: visiting.id };
      },
      callNext: async () => {
        order.push('callNext');
        return { call: callOf(next) };
      },
    });
    expect((await screen.findByTestId('current-return')).textContent).toBe('转办并返回：办完本步后回到 1 号窗口，不算办结');
    press('F1');
    const dialog = await screen.findByTestId('finish-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认并叫号' }));
    await waitFor(() =>
      expect(screen.getByTestId('desk-status').textContent).toBe('A001 号本步已办完，已回到原窗口排在队首；已叫 A002 号'),
    );
    expect(order).toEqual(['finish', 'callNext']);
  });

  it('marks a ticket back from a step in the queue', async () => {
    const back = ticket({ id: 5, number: 'A005', returnedFromWindowNumber: 3 });
    desk(windowOf(null), { waiting: async () => ({ tickets: [back, next] }) });
    expect((await screen.findByTestId('waiting-returned')).textContent).toBe('从 3 号窗口返回');
  });
});
