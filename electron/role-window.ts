import type { TerminalRole } from '../contracts/terminal-settings';
import { hostPath, isHostUrl } from './host-origin';
import { outOfServiceUrl, type OutOfServiceReason } from './out-of-service';
import { RendererRecovery } from './renderer-recovery';
import { keyVerdict, type KeyInput } from './shortcuts';
import { isLockedRole, rolePath } from './window-options';

/** What the role window needs of a browser window: the Electron glue (electron/browser-window.ts) or a test's stand-in. */
export interface ShellWindow {
  /** Shows a page; a load that fails is reported through `loadFailed`, never thrown. */
  load(url: string): void;
  currentUrl(): string;
  destroy(): void;
  bringToFront(): void;
  /** Crashes the page's renderer on purpose (a hung page): `rendererGone` then reloads it. */
  crashRenderer(): void;
}

export interface RoleWindowDeps {
  /** Opens a locked-down window for a role; its events go to this object's methods. */
  open(forRole: TerminalRole): ShellWindow;
  /** The host's origin now (it changes when the shell picks another port). */
  origin(): string;
  /** Keeps the screen on (kiosk, display) or lets it sleep (counter, technician). */
  keepDisplayOn(on: boolean): void;
  /** Whether the host answers now (a failed load is retried only then). */
  hostUp(): boolean;
  /** Delays are real in the shell, immediate or fake in tests. */
  later(ms: number, run: () => void): { cancel(): void };
  now(): number;
  log(message: string): void;
}

/**
 * The terminal's one window and what it shows: the role's page, the technician console behind
 * Ctrl+Alt+Shift+T, the out-of-service page while the host or the renderer is down. A new
 * window only when the lockdown changes (kiosk/display ↔ counter/technician); a locked window
 * closes only when the shell quits. The decisions live here, without Electron; the glue only
 * forwards the window's events.
 */
export class RoleWindow {
  private window: ShellWindow | null = null;
  private windowRole: TerminalRole | null = null;
  private currentRole: TerminalRole = 'kiosk';
  private onTechnicianPage = false;
  private lastInputAt: number;
  private quitting = false;
  private readonly recovery = new RendererRecovery();
  private hung: { cancel(): void } | undefined;

  constructor(private readonly d: RoleWindowDeps) {
    this.lastInputAt = d.now();
  }

  get role(): TerminalRole {
    return this.currentRole;
  }

  /** A technician opened the console on this terminal (downloads are theirs then). */
  get technicianPage(): boolean {
    return this.onTechnicianPage;
  }

  idleMs(): number {
    return this.d.now() - this.lastInputAt;
  }

  /** Before the host names the role: a locked window says the terminal is starting. */
  starting(): void {
    this.window = this.d.open('kiosk');
    this.windowRole = 'kiosk';
    this.showOutOfService('starting');
  }

  /** Opens (or re-targets) the window for the role. */
  show(next: TerminalRole): void {
    this.currentRole = next;
    this.d.keepDisplayOn(isLockedRole(next));
    if (this.window === null || this.windowRole === null || isLockedRole(this.windowRole) !== isLockedRole(next)) {
      const previous = this.window;
      this.window = this.d.open(next);
      this.windowRole = next;
      this.showRolePage();
      // The old window goes after the new one exists, so the app never sees all windows closed.
      previous?.destroy();
      return;
    }
    this.windowRole = next;
    this.showRolePage();
  }

  showRolePage(): void {
    if (this.window === null) return;
    this.onTechnicianPage = false;
    this.window.load(`${this.d.origin()}${rolePath(this.currentRole)}`);
  }

  showOutOfService(reason: OutOfServiceReason): void {
    this.window?.load(outOfServiceUrl(reason));
  }

  /** The host is back: a window showing the out-of-service page returns to its role. */
  hostBack(): void {
    if (this.window !== null && !isHostUrl(this.window.currentUrl(), this.d.origin())) this.showRolePage();
  }

  bringToFront(): void {
    this.window?.bringToFront();
  }

  /** From now on every window may close (the shell is quitting). */
  quit(): void {
    this.quitting = true;
  }

  // ---- the window's events ---------------------------------------------------------------

  /** Whether the window may close: a kiosk or display window only when the shell quits. */
  mayClose(from: ShellWindow): boolean {
    return this.quitting || from !== this.window || !isLockedRole(this.currentRole);
  }

  /** A key before the page sees it: true when the shell swallows it. */
  key(input: KeyInput): boolean {
    this.lastInputAt = this.d.now();
    const verdict = keyVerdict(input, this.currentRole);
    if (verdict === 'allow') return false;
    if (verdict === 'technician') {
      if (this.onTechnicianPage) this.showRolePage();
      else {
        this.onTechnicianPage = true;
        this.window?.load(`${this.d.origin()}/technician`);
      }
    }
    return true;
  }

  /** Any input (touch, mouse): the terminal is in use, so no update installs now. */
  input(): void {
    this.lastInputAt = this.d.now();
  }

  navigated(url: string): void {
    this.onTechnicianPage = hostPath(url, this.d.origin())?.startsWith('/technician') ?? false;
  }

  /** A page of the host failed to load: out of service, and the role page again if the host stayed up. */
  loadFailed(from: ShellWindow, errorCode: number, url: string, isMainFrame: boolean): void {
    // -3 is an aborted load (another navigation replaced it): nothing failed.
    if (!isMainFrame || errorCode === -3 || !isHostUrl(url, this.d.origin())) return;
    this.d.log(`page failed to load (${errorCode}); waiting for the host`);
    this.showOutOfService('host-down');
    // A restart of the host brings the page back (hostBack); a host that stayed up is simply asked again.
    this.d.later(10_000, () => {
      if (from === this.window && this.d.hostUp() && !isHostUrl(from.currentUrl(), this.d.origin())) this.showRolePage();
    });
  }

  /** The page's renderer is gone: reload it, or after repeated losses show out of service for a while. */
  rendererGone(from: ShellWindow, reason: string): void {
    if (reason === 'clean-exit' || from !== this.window) return;
    const next = this.recovery.gone(this.d.now());
    this.d.log(`renderer gone (${reason}): ${next.action}`);
    if (next.action === 'reload') this.d.later(next.delayMs, () => this.showRolePage());
    else {
      this.showOutOfService('renderer-crashed');
      this.d.later(next.retryInMs, () => this.showRolePage());
    }
  }

  /** Stuck for 15 s: crash the renderer on purpose; rendererGone reloads it. */
  unresponsive(from: ShellWindow): void {
    this.hung?.cancel();
    this.hung = this.d.later(15_000, () => from.crashRenderer());
  }

  responsive(): void {
    this.hung?.cancel();
    this.hung = undefined;
  }
}
