import { describe, expect, it } from 'vitest';
import type { TerminalRole } from '../../contracts/terminal-settings';
import { RoleWindow, type ShellWindow } from '../../electron/role-window';
import type { KeyInput } from '../../electron/shortcuts';

const ORIGIN = 'http://127.0.0.1:7300';

/** A window as the shell sees it: what it loaded, whether it is gone. */
class FakeWindow implements ShellWindow {
  readonly loads: string[] = [];
  destroyed = false;
  crashed = 0;
  constructor(readonly role: TerminalRole) {}
  load(url: string) {
    this.loads.push(url);
  }
  currentUrl() {
    return this.loads.at(-1) ?? '';
  }
  destroy() {
    this.destroyed = true;
  }
  bringToFront() {}
  crashRenderer() {
    this.crashed += 1;
  }
}

function shell(o: { hostUp?: boolean } = {}) {
  const windows: FakeWindow[] = [];
  const tasks: { at: number; run: () => void; cancelled: boolean }[] = [];
  let now = 1_000_000;
  const screenOn: boolean[] = [];
  const rw = new RoleWindow({
    open: (role) => {
      const w = new FakeWindow(role);
      windows.push(w);
      return w;
    },
    origin: () => ORIGIN,
    keepDisplayOn: (on) => screenOn.push(on),
    hostUp: () => o.hostUp ?? true,
    later: (ms, run) => {
      const task = { at: now + ms, run, cancelled: false };
      tasks.push(task);
      return { cancel: () => (task.cancelled = true) };
    },
    now: () => now,
    log: () => undefined,
  });
  /** Moves time on, running what falls due. */
  const advance = (ms: number) => {
    now += ms;
    for (const t of tasks.splice(0)) {
      if (t.cancelled) continue;
      if (t.at <= now) t.run();
      else tasks.push(t);
    }
  };
  const last = () => windows.at(-1) as FakeWindow;
  return { rw, windows, last, advance, screenOn };
}

const key = (k: Partial<KeyInput> & { code: string }): KeyInput => ({
  type: 'keyDown',
  key: '',
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...k,
});
const TECHNICIAN = key({ code: 'KeyT', key: 'T', control: true, alt: true, shift: true });

describe('RoleWindow: the terminal window and what it shows', () => {
  it('starts on a "starting" page, then shows the role; a new window only when the lockdown changes', () => {
    const { rw, windows, last, screenOn } = shell();
    rw.starting();
    expect(last().loads[0]).toMatch(/^data:text\/html/);
    rw.show('kiosk');
    expect(windows).toHaveLength(1);
    expect(last().currentUrl()).toBe(`${ORIGIN}/kiosk`);
    rw.show('display'); // still locked: same window
    expect(windows).toHaveLength(1);
    expect(last().currentUrl()).toBe(`${ORIGIN}/display`);
    rw.show('counter'); // unlocked: a new window, the old one destroyed after it exists
    expect(windows).toHaveLength(2);
    expect(windows[0]?.destroyed).toBe(true);
    expect(last().currentUrl()).toBe(`${ORIGIN}/counter`);
    expect(screenOn).toEqual([true, true, false]);
  });

  it('Ctrl+Alt+Shift+T opens the technician console and goes back; a kiosk swallows Ctrl+W', () => {
    const { rw, last } = shell();
    rw.starting();
    rw.show('kiosk');
    expect(rw.key(TECHNICIAN)).toBe(true);
    expect(last().currentUrl()).toBe(`${ORIGIN}/technician`);
    expect(rw.technicianPage).toBe(true);
    expect(rw.key(TECHNICIAN)).toBe(true);
    expect(last().currentUrl()).toBe(`${ORIGIN}/kiosk`);
    expect(rw.key(key({ code: 'KeyW', key: 'w', control: true }))).toBe(true);
    expect(rw.key(key({ code: 'KeyA', key: 'a' }))).toBe(false);
    // A page that navigates to the console itself counts too.
    rw.navigated(`${ORIGIN}/technician/devices`);
    expect(rw.technicianPage).toBe(true);
  });

  it('a kiosk window closes only when the shell quits; a counter window closes', () => {
    const { rw, last } = shell();
    rw.starting();
    rw.show('kiosk');
    expect(rw.mayClose(last())).toBe(false);
    rw.quit();
    expect(rw.mayClose(last())).toBe(true);
    const other = shell();
    other.rw.starting();
    other.rw.show('counter');
    expect(other.rw.mayClose(other.last())).toBe(true);
  });

  it('a failed load shows out of service, and the role page again 10 s later if the host stayed up', () => {
    const { rw, last, advance } = shell({ hostUp: true });
    rw.starting();
    rw.show('kiosk');
    rw.loadFailed(last(), -102, `${ORIGIN}/kiosk`, true);
    expect(last().currentUrl()).toMatch(/^data:text\/html/);
    advance(9_999);
    expect(last().currentUrl()).toMatch(/^data:text\/html/);
    advance(1);
    expect(last().currentUrl()).toBe(`${ORIGIN}/kiosk`);
    // An aborted load (another navigation replaced it) is no failure.
    rw.loadFailed(last(), -3, `${ORIGIN}/kiosk`, true);
    expect(last().currentUrl()).toBe(`${ORIGIN}/kiosk`);
  });

  it('the host coming back brings a window off the out-of-service page', () => {
    const { rw, last } = shell({ hostUp: false });
    rw.starting();
    rw.show('display');
    rw.showOutOfService('host-down');
    rw.hostBack();
    expect(last().currentUrl()).toBe(`${ORIGIN}/display`);
  });

  it('a lost renderer is reloaded; after repeated losses the window shows out of service for a while', () => {
    const { rw, last, advance } = shell();
    rw.starting();
    rw.show('kiosk');
    rw.rendererGone(last(), 'crashed');
    advance(1_000);
    expect(last().currentUrl()).toBe(`${ORIGIN}/kiosk`);
    for (let i = 0; i < 5; i++) rw.rendererGone(last(), 'oom');
    expect(last().currentUrl()).toMatch(/^data:text\/html/);
    // A clean exit is nothing to recover from.
    const loads = last().loads.length;
    rw.rendererGone(last(), 'clean-exit');
    expect(last().loads).toHaveLength(loads);
  });

  it('a page stuck for 15 s is crashed on purpose (then reloaded); one that answers again is left alone', () => {
    const { rw, last, advance } = shell();
    rw.starting();
    rw.show('kiosk');
    rw.unresponsive(last());
    advance(14_000);
    rw.responsive();
    advance(2_000);
    expect(last().crashed).toBe(0);
    rw.unresponsive(last());
    advance(15_000);
    expect(last().crashed).toBe(1);
  });

  it('counts idle time from the last key or touch (updates install only at a quiet moment)', () => {
    const { rw, advance } = shell();
    advance(60_000);
    expect(rw.idleMs()).toBe(60_000);
    rw.input();
    expect(rw.idleMs()).toBe(0);
  });
});
