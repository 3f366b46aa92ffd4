import type { TerminalSettingsView } from '../contracts/terminal-settings';
import { backoffDelay } from './backoff';

/** The host's event WebSocket as the follower uses it (a `ws` adapter; tests pass a fake). */
export interface EventSocket {
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** The event types that can mean "this terminal's settings may differ from what main last read". */
function touchesSettings(text: string): boolean {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof message !== 'object' || message === null || !('type' in message)) return false;
  // hello: a (re)connection, maybe to a restarted host; resync: events were lost.
  if (message.type === 'hello' || message.type === 'resync') return true;
  return message.type === 'settings.changed' && 'scope' in message && message.scope === 'terminal';
}

/**
 * Keeps main's copy of this terminal's settings (role, A4 printer, update feed) current: reads
 * them again whenever the host's event stream says they changed (`settings.changed`, scope
 * 'terminal'), and after every (re)connection. Reconnects with back-off (0.5 s … 10 s).
 */
export class SettingsFollower {
  private socket: EventSocket | null = null;
  private stopped = false;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: TerminalSettingsView | null = null;

  constructor(
    private readonly o: {
      connect(): EventSocket;
      read(): Promise<TerminalSettingsView>;
      onChange(settings: TerminalSettingsView, previous: TerminalSettingsView | null): void;
    },
  ) {}

  current(): TerminalSettingsView | null {
    return this.latest;
  }

  start(): void {
    if (this.stopped || this.socket !== null) return;
    let socket: EventSocket;
    try {
      socket = this.o.connect();
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onMessage((text) => {
      this.attempts = 0;
      if (touchesSettings(text)) void this.refresh();
    });
    socket.onClose(() => {
      if (this.socket === socket) this.socket = null;
      this.retry();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  /** Reads the settings now; tells the listener when anything in them differs. */
  async refresh(): Promise<TerminalSettingsView | null> {
    try {
      const next = await this.o.read();
      const previous = this.latest;
      this.latest = next;
      if (JSON.stringify(previous) !== JSON.stringify(next)) this.o.onChange(next, previous);
      return next;
    } catch {
      // The host is restarting: the next hello reads them again.
      return this.latest;
    }
  }

  private retry(): void {
    if (this.stopped) return;
    this.attempts += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), backoffDelay(this.attempts, { baseMs: 500, maxMs: 10_000 }));
  }
}
