/**
 * A pair of linked ptys made by socat, standing in for a USB-serial cable:
 * `readerPath` is the host's end, `devicePath` the device's. Killing socat is
 * unplugging the cable; starting it again with the same link names is
 * replugging it. Plain Node (no vitest) so benchmarks can use it too.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOCAT = '/usr/bin/socat';

export class SocatLink {
  readonly dir: string;
  readonly readerPath: string;
  readonly devicePath: string;
  private child: ChildProcess | undefined;

  /** Each link gets its own temp dir, so parallel test files never share a pty name. */
  constructor(prefix = 'hall-kiosk-pty-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.readerPath = join(this.dir, 'reader');
    this.devicePath = join(this.dir, 'device');
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts socat and resolves once both symlinks exist. */
  async plug(timeoutMs = 5000): Promise<void> {
    if (this.child) return;
    // Stale links (socat killed hard) would make the wait below pass too early.
    rmSync(this.readerPath, { force: true });
    rmSync(this.devicePath, { force: true });
    const child = spawn(SOCAT, [`pty,raw,echo=0,link=${this.readerPath}`, `pty,raw,echo=0,link=${this.devicePath}`], {
      stdio: 'ignore',
    });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const deadline = Date.now() + timeoutMs;
    while (!(existsSync(this.readerPath) && existsSync(this.devicePath))) {
      if (this.child !== child) throw new Error('socat exited before creating its ptys');
      if (Date.now() > deadline) {
        await this.unplug();
        throw new Error('socat did not create its ptys in time');
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Kills socat (both ptys vanish) and waits for it to exit. */
  async unplug(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.readerPath, { force: true });
    rmSync(this.devicePath, { force: true });
  }

  /** Unplugs and removes the temp dir. Safe to call more than once. */
  async dispose(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
