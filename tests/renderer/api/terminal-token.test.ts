import { afterEach, describe, expect, it, vi } from 'vitest';
import { isThisMachine, keepTerminalTokenFresh } from '../../../renderer/api/terminal-token';

describe('a paired browser keeps its terminal token fresh', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('exchanges it at the page’s start and daily after, over the LAN only', async () => {
    vi.useFakeTimers();
    const rotateTerminalToken = vi.fn(() => Promise.resolve({ token: 't', expiresAt: new Date().toISOString() }));
    const stop = keepTerminalTokenFresh({ rotateTerminalToken }, '192.168.10.5');
    expect(rotateTerminalToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(rotateTerminalToken).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(rotateTerminalToken).toHaveBeenCalledTimes(2);
  });

  it('does nothing on the machine itself (no terminal token there), and survives a refused exchange', () => {
    const refused = vi.fn(() => Promise.reject(new Error('terminal_forbidden')));
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect(isThisMachine(host)).toBe(true);
      keepTerminalTokenFresh({ rotateTerminalToken: refused }, host)();
    }
    expect(refused).not.toHaveBeenCalled();
    keepTerminalTokenFresh({ rotateTerminalToken: refused }, 'hall.local')();
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
