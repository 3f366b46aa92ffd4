import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/test-host';
import { freePort } from '../support/free-port';

/**
 * The real Electron shell (dist/electron/main.cjs, which boots the built host) driven by
 * Playwright's _electron: the kiosk window is locked down (electron/README.md's checklist). It needs Electron's
 * binary, which `npm install` does not download on these machines: where it is missing, every
 * test here is reported as skipped, with the reason in its name and on the console.
 */
const electronBinary = join(repoRoot, 'node_modules/electron/dist/electron');
const mainScript = join(repoRoot, 'dist/electron/main.cjs');
const skipReason = existsSync(electronBinary)
  ? null
  : 'no Electron binary on this machine: node_modules/electron/dist/electron missing';
if (skipReason !== null) console.log(`SKIPPED tests/e2e/electron-shell.test.ts: ${skipReason}`);

/** An X server for Electron when the machine has no display (CI): Xvfb picks a free display number. */
async function startXvfb(): Promise<{ display: string; stop: () => void }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const fd3 = xvfb.stdio[3];
  if (!(fd3 instanceof Readable)) throw new Error('Xvfb: no display pipe');
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    fd3.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming its display`)));
  });
  return { display, stop: () => void xvfb.kill() };
}

describe.skipIf(skipReason !== null)(
  `Electron shell (Playwright _electron)${skipReason === null ? '' : ` — skipped: ${skipReason}`}`,
  () => {
    let app: ElectronApplication | undefined;
    let page: Page;
    let origin: string;
    let dataHome: string;
    let xvfb: { display: string; stop: () => void } | undefined;

    const shell = (): ElectronApplication => {
      if (!app) throw new Error('the shell did not start');
      return app;
    };

    beforeAll(async () => {
      if (!existsSync(mainScript)) throw new Error(`${mainScript} missing: run npm run build first`);
      dataHome = mkdtempSync(join(tmpdir(), 'electron-shell-'));
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) xvfb = await startXvfb();
      // Chromium refuses to run as root with its sandbox (CI containers); a kiosk never runs as root.
      const asRoot = process.getuid?.() === 0;
      app = await _electron.launch({
        executablePath: electronBinary,
        args: [...(asRoot ? ['--no-sandbox'] : []), mainScript],
        env: {
          ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
          // The shell keeps its data (and the host's SQLite) under XDG_CONFIG_HOME/hall-kiosk.
          XDG_CONFIG_HOME: dataHome,
          HALL_KIOSK_PORT: String(port),
          ...(xvfb ? { DISPLAY: xvfb.display } : {}),
        },
        timeout: 60_000,
      });
      page = await shell().firstWindow();
      // The window shows "starting" (a data: page) until the host answers, then the kiosk page.
      await expect.poll(() => page.url(), { timeout: 60_000 }).toBe(`${origin}/kiosk`);
    });

    afterAll(async () => {
      if (app) {
        // Quitting closes the locked window too (before-quit); a shell that hangs is killed.
        const closed = app.close().then(
          () => true,
          () => false,
        );
        const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000));
        if (!(await Promise.race([closed, timeout]))) app.process().kill('SIGKILL');
      }
      xvfb?.stop();
      if (dataHome) rmSync(dataHome, { recursive: true, force: true });
    });

    it('opens one kiosk window: kiosk mode, full screen, no menu', async () => {
      const state = await shell().evaluate(({ BrowserWindow, Menu }) => {
        const windows = BrowserWindow.getAllWindows().filter((w) => w.isVisible());
        const w = windows[0];
        return {
          windows: windows.length,
          kiosk: w?.isKiosk(),
          fullScreen: w?.isFullScreen(),
          menuBarVisible: w?.isMenuBarVisible(),
          applicationMenu: Menu.getApplicationMenu(),
          devTools: w?.webContents.isDevToolsOpened(),
        };
      });
      expect(state).toEqual({
        windows: 1,
        kiosk: true,
        fullScreen: true,
        menuBarVisible: false,
        applicationMenu: null,
        devTools: false,
      });
    });

    it('isolates the page: no require or process, only the hallShell bridge (which contextBridge grants only with contextIsolation)', async () => {
      const seen = await page.evaluate(() => ({
        require: typeof Reflect.get(window, 'require'),
        process: typeof Reflect.get(window, 'process'),
        module: typeof Reflect.get(window, 'module'),
        buffer: typeof Reflect.get(window, 'Buffer'),
        bridge: Object.keys(Reflect.get(window, 'hallShell') ?? {}).sort(),
      }));
      expect(seen).toEqual({
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
        buffer: 'undefined',
        bridge: ['appVersion', 'printReceiptA4', 'restartApp', 'updateStatus'],
      });
    });

    it('blocks navigation to another origin and opens no new window', async () => {
      const opened = await page.evaluate(() => {
        const popup = window.open('https://example.com/');
        window.location.assign('https://example.com/');
        return popup;
      });
      expect(opened).toBeNull();
      // Nothing may happen: give a navigation time to start, then check that none did.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(page.url()).toBe(`${origin}/kiosk`);
      expect(shell().windows()).toHaveLength(1);
    });
  },
);
