import type { UpdateStatus } from '../contracts/shell';

/** electron-updater's autoUpdater, reduced to what the scheduler drives (an adapter in main.ts). */
export interface Updater {
  /** Generic provider at `url` (the folder with latest.yml). */
  setFeed(url: string): void;
  /** Checks, and downloads in the background when there is a newer version. */
  check(): Promise<unknown>;
  /**
   * Quits, installs silently and starts the new version; rejects (and installs nothing) when the
   * download is no longer the one that was checked.
   */
  install(): Promise<void> | void;
}

export const CHECK_EVERY_MS = 4 * 60 * 60_000;
export const QUIET_POLL_MS = 60_000;

/**
 * Self-updates as the technician set them (terminal settings `updates.url`): none → never.
 * With a feed: check at start and every four hours, download in the background, and install
 * at the next quiet moment (quiet-moment.ts), polled once a minute once a download is ready.
 */
export class UpdateScheduler {
  private feed: string | null = null;
  private status: UpdateStatus = { state: 'disabled', version: null, checkedAt: null, error: null };
  private checkTimer: ReturnType<typeof setInterval> | undefined;
  private quietTimer: ReturnType<typeof setInterval> | undefined;
  private installing = false;

  constructor(
    private readonly o: {
      updater: Updater;
      isQuiet(): boolean;
      now?: () => Date;
      checkEveryMs?: number;
      quietPollMs?: number;
    },
  ) {}

  current(): UpdateStatus {
    return { ...this.status };
  }

  /** Follows the setting: a new feed is checked at once; none stops everything. */
  configure(url: string | null): void {
    if (url === this.feed) return;
    this.feed = url;
    clearInterval(this.checkTimer);
    clearInterval(this.quietTimer);
    this.checkTimer = undefined;
    this.quietTimer = undefined;
    if (url === null) {
      this.status = { state: 'disabled', version: null, checkedAt: null, error: null };
      return;
    }
    this.o.updater.setFeed(url);
    this.status = { state: 'idle', version: null, checkedAt: null, error: null };
    void this.check();
    this.checkTimer = setInterval(() => void this.check(), this.o.checkEveryMs ?? CHECK_EVERY_MS);
  }

  async check(): Promise<void> {
    // A download waiting for its quiet moment is not checked again (it would download twice).
    if (this.feed === null || this.status.state === 'ready' || this.status.state === 'downloading') return;
    this.status = { ...this.status, state: 'checking', error: null };
    try {
      await this.o.updater.check();
      // electron-updater's events (available/not-available/downloaded) set the state meanwhile.
      if (this.status.state === 'checking') this.status = { ...this.status, state: 'idle' };
    } catch (error) {
      this.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.status = { ...this.status, checkedAt: (this.o.now?.() ?? new Date()).toISOString() };
    }
  }

  available(version: string): void {
    this.status = { ...this.status, state: 'downloading', version, error: null };
  }

  notAvailable(): void {
    this.status = { ...this.status, state: 'idle', version: null };
  }

  downloaded(version: string): void {
    this.status = { ...this.status, state: 'ready', version, error: null };
    clearInterval(this.quietTimer);
    this.quietTimer = setInterval(() => this.installIfQuiet(), this.o.quietPollMs ?? QUIET_POLL_MS);
  }

  failed(message: string): void {
    this.status = { ...this.status, state: 'error', error: message.slice(0, 300) };
  }

  /** Installs now when the download is ready and the terminal is quiet; true when it did. */
  installIfQuiet(): boolean {
    if (this.status.state !== 'ready' || this.installing || !this.o.isQuiet()) return false;
    this.installing = true;
    clearInterval(this.checkTimer);
    clearInterval(this.quietTimer);
    Promise.resolve()
      .then(() => this.o.updater.install())
      .catch((error: unknown) => this.installRefused(error));
    return true;
  }

  /** The install was refused: the running version stays, and the regular checks resume. */
  private installRefused(error: unknown): void {
    this.installing = false;
    this.status = { ...this.status, version: null };
    this.failed(error instanceof Error ? error.message : String(error));
    if (this.feed !== null) this.checkTimer = setInterval(() => void this.check(), this.o.checkEveryMs ?? CHECK_EVERY_MS);
  }

  stop(): void {
    clearInterval(this.checkTimer);
    clearInterval(this.quietTimer);
  }
}
