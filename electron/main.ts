/**
 * Electron shell, main process: the thin wiring of the modules beside it (each a small piece of
 * logic tested without Electron in tests/electron/). It boots the host in a utility process,
 * opens the terminal's role window on it, locks the window down, follows role changes, prints
 * A4 receipts, installs updates at quiet moments and recovers from crashes. electron/README.md
 * has the whole picture and the security checklist.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  session,
  utilityProcess,
  type RenderProcessGoneDetails,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import type { TerminalRole, TerminalSettingsView } from '../contracts/terminal-settings';
import { loadConfig } from '../host/config/load-config';
import { withRendererCsp } from './csp';
import { connectEvents } from './event-socket';
import { HostClient } from './host-client';
import { choosePort, hostArgs, hostEnv, newShellToken } from './host-launch';
import { hostPath, isHostUrl, loopbackOrigin } from './host-origin';
import { HostSupervisor, type HostChild } from './host-supervisor';
import { registerShellHandlers } from './ipc-guard';
import { installNavigationGuards } from './navigation-guard';
import { outOfServiceUrl, type OutOfServiceReason } from './out-of-service';
import { installPermissionHandlers } from './permissions';
import { isQuietMoment } from './quiet-moment';
import { printCaseReceipt, type PrintablePage } from './receipt-printing';
import { HEALTHY_MS, readRelaunchState, recordCrash, startDelay, writeRelaunchState } from './relaunch-state';
import { DATA_FOLDER_NAME } from '../db/data-folder';
import { RendererRecovery } from './renderer-recovery';
import { SettingsFollower } from './settings-follower';
import { withShellHeader } from './shell-header';
import { keyVerdict } from './shortcuts';
import { UpdateScheduler } from './update-scheduler';
import { isLockedRole, rolePath, webPreferences, windowOptions } from './window-options';

// One data folder for the shell and the host, the same as `npm start` uses (db/data-folder.ts),
// whatever product name the packager gives the app.
app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER_NAME));
const dataDir = app.getPath('userData');
const relaunchFile = join(dataDir, 'shell-relaunch.json');
const preload = join(__dirname, 'preload.cjs');
const devTools = process.env.HALL_SHELL_DEVTOOLS === '1';
const log = (message: string, ...rest: unknown[]) => console.log(`[shell] ${message}`, ...rest);

let quitting = false;
/** The first role page is shown by boot(); later host restarts bring a window back themselves. */
let booted = false;
let hostOrigin = loopbackOrigin(7300);
let role: TerminalRole = 'kiosk';
let window: BrowserWindow | null = null;
let windowRole: TerminalRole | null = null;
let onTechnicianPage = false;
let lastInputAt = Date.now();
let displaySleepBlocker: number | null = null;
let supervisor: HostSupervisor | null = null;
let follower: SettingsFollower | null = null;
let updates: UpdateScheduler | null = null;
const recovery = new RendererRecovery();

/** A fatal error in main: record it (the next start waits longer each time), relaunch, exit. */
function fatal(error: unknown): void {
  console.error('[shell] fatal error, relaunching', error);
  try {
    recordCrash(relaunchFile, Date.now());
  } catch {
    // A full disk must not stop the relaunch.
  }
  quitting = true;
  supervisor?.stop();
  app.relaunch();
  app.exit(1);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', (reason) => console.error('[shell] unhandled rejection', reason));

function relaunchCleanly(): void {
  quitting = true;
  supervisor?.stop();
  app.relaunch();
  app.quit();
}

// ---- window -------------------------------------------------------------------------------

function showPage(target: BrowserWindow, url: string): void {
  // A failed load (host restarting) is handled by did-fail-load; the promise must not go unhandled.
  target.loadURL(url).catch(() => undefined);
}

function showRolePage(): void {
  if (window === null) return;
  onTechnicianPage = false;
  showPage(window, `${hostOrigin}${rolePath(role)}`);
}

function showOutOfService(reason: OutOfServiceReason): void {
  if (window !== null) showPage(window, outOfServiceUrl(reason));
}

function setDisplaySleep(locked: boolean): void {
  if (locked && displaySleepBlocker === null) displaySleepBlocker = powerSaveBlocker.start('prevent-display-sleep');
  if (!locked && displaySleepBlocker !== null) {
    powerSaveBlocker.stop(displaySleepBlocker);
    displaySleepBlocker = null;
  }
}

function createWindow(forRole: TerminalRole): BrowserWindow {
  const options = windowOptions(forRole, { preload, devTools });
  // The lockdown is spelled out where the window is made (as well as in windowOptions) so that
  // a static checker (Electronegativity) sees it, and so that no later spread can undo it.
  const created = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = created.webContents;
  const locked = isLockedRole(forRole);
  if (locked) void contents.setVisualZoomLevelLimits(1, 1);
  created.once('ready-to-show', () => {
    if (!locked) created.maximize();
    created.show();
  });
  // A kiosk or display window is closed only by quitting (Alt+F4 is also swallowed below).
  created.on('close', (event) => {
    if (isLockedRole(role) && !quitting && created === window) event.preventDefault();
  });
  contents.on('before-input-event', (event, input) => {
    lastInputAt = Date.now();
    const verdict = keyVerdict(input, role);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (verdict === 'technician') {
      if (onTechnicianPage) showRolePage();
      else {
        onTechnicianPage = true;
        showPage(created, `${hostOrigin}/technician`);
      }
    }
  });
  contents.on('input-event', () => {
    lastInputAt = Date.now();
  });
  contents.on('did-navigate', (_event, url) => {
    onTechnicianPage = hostPath(url, hostOrigin)?.startsWith('/technician') ?? false;
  });
  contents.on('did-fail-load', (_event, errorCode, _description, url, isMainFrame) => {
    // -3 is an aborted load (another navigation replaced it): nothing failed.
    if (!isMainFrame || errorCode === -3 || !isHostUrl(url, hostOrigin)) return;
    log(`page failed to load (${errorCode}); waiting for the host`);
    showOutOfService('host-down');
    // A restart of the host brings the page back (onUp); a host that stayed up is simply asked again.
    setTimeout(() => {
      if (created === window && supervisor?.current() === 'up' && !isHostUrl(contents.getURL(), hostOrigin)) showRolePage();
    }, 10_000);
  });
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit' || created !== window) return;
    const next = recovery.gone(Date.now());
    log(`renderer gone (${details.reason}): ${next.action}`);
    if (next.action === 'reload') setTimeout(showRolePage, next.delayMs);
    else {
      showOutOfService('renderer-crashed');
      setTimeout(showRolePage, next.retryInMs);
    }
  });
  let hung: ReturnType<typeof setTimeout> | undefined;
  created.on('unresponsive', () => {
    // Stuck for 15 s: crash the renderer on purpose; render-process-gone reloads it.
    clearTimeout(hung);
    hung = setTimeout(() => contents.forcefullyCrashRenderer(), 15_000);
  });
  created.on('responsive', () => clearTimeout(hung));
  return created;
}

/** Opens (or re-targets) the window for the role: a new window only when lockdown changes. */
function showRole(next: TerminalRole): void {
  role = next;
  setDisplaySleep(isLockedRole(next));
  if (window === null || windowRole === null || isLockedRole(windowRole) !== isLockedRole(next)) {
    const previous = window;
    window = createWindow(next);
    windowRole = next;
    showRolePage();
    // The old window goes after the new one exists, so window-all-closed never fires in between.
    previous?.destroy();
    return;
  }
  windowRole = next;
  showRolePage();
}

// ---- host ----------------------------------------------------------------------------------

function configFile(): string | undefined {
  const fromSwitch = app.commandLine.getSwitchValue('config');
  return fromSwitch !== '' ? fromSwitch : process.env.HALL_KIOSK_CONFIG || undefined;
}

function preferredPort(file: string | undefined): number {
  const fromEnv = Number(process.env.HALL_KIOSK_PORT);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  try {
    return loadConfig(file).listen.port;
  } catch (error) {
    // The host reports a bad config file itself, in its log; the shell only needs a port.
    log('config file unreadable here; using the default port', error);
    return 7300;
  }
}

function forkHost(port: number, token: string, file: string | undefined): HostChild {
  const child = utilityProcess.fork(
    join(__dirname, '../host/main.js'),
    hostArgs({ packaged: app.isPackaged, port, dataDir, configFile: file }),
    {
      serviceName: 'hall-host',
      stdio: 'inherit',
      env: hostEnv(process.env, { token, version: app.getVersion() }),
    },
  );
  return {
    onExit: (listener) => child.once('exit', listener),
    kill: () => void child.kill(),
  };
}

// ---- printing and updates --------------------------------------------------------------

function hiddenPage(): PrintablePage {
  const page = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      ...webPreferences('counter', undefined),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = page.webContents;
  return {
    load: (url) => contents.loadURL(url),
    async rendered() {
      // The case page shows its status (or its own "not found"); fonts loaded before the print.
      const probe = `document.fonts.ready.then(() => Boolean(document.querySelector('[data-testid="page-status"], .case-page-problem')))`;
      for (let i = 0; i < 40; i++) {
        if ((await contents.executeJavaScript(probe)) === true) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    },
    printToPdf: () => contents.printToPDF({ pageSize: 'A4', printBackground: true }),
    print: (deviceName) =>
      new Promise((resolve) =>
        contents.print({ silent: true, deviceName, printBackground: true, pageSize: 'A4' }, (success, failureReason) =>
          resolve({ success, failureReason }),
        ),
      ),
    close: () => page.destroy(),
  };
}

function startUpdates(): UpdateScheduler {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const scheduler = new UpdateScheduler({
    updater: {
      setFeed: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
      check: () => autoUpdater.checkForUpdates(),
      install: () => {
        quitting = true;
        supervisor?.stop();
        autoUpdater.quitAndInstall(true, true);
      },
    },
    isQuiet: () => isQuietMoment({ role, idleMs: Date.now() - lastInputAt, localHour: new Date().getHours() }),
  });
  autoUpdater.on('update-available', (info) => scheduler.available(info.version));
  autoUpdater.on('update-not-available', () => scheduler.notAvailable());
  autoUpdater.on('update-downloaded', (info) => scheduler.downloaded(info.version));
  autoUpdater.on('error', (error) => scheduler.failed(error.message));
  return scheduler;
}

function applySettings(settings: TerminalSettingsView, previous: TerminalSettingsView | null): void {
  updates?.configure(settings.updates.url);
  if (previous !== null && previous.role !== settings.role) {
    log(`role changed: ${previous.role} → ${settings.role}`);
    showRole(settings.role);
  }
}

// ---- boot ----------------------------------------------------------------------------------

async function boot(): Promise<void> {
  Menu.setApplicationMenu(null);
  const file = configFile();
  const { port, preferred } = await choosePort(preferredPort(file));
  if (!preferred) log(`the configured port is taken; the host runs on ${port} (LAN terminals will not find it)`);
  hostOrigin = loopbackOrigin(port);
  const token = newShellToken();
  const client = new HostClient({ origin: () => hostOrigin, token });
  const ses = session.defaultSession;

  ses.webRequest.onBeforeSendHeaders((details, callback) =>
    callback({ requestHeaders: withShellHeader(details, hostOrigin, token) }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withRendererCsp(details, hostOrigin) }));
  installPermissionHandlers(
    ses,
    () => role,
    () => hostOrigin,
  );
  ses.on('will-download', (event) => {
    // Saving a file (config export, logs) is a technician's thing; a kiosk or TV saves nothing
    // unless a technician opened the console on it (Ctrl+Alt+Shift+T).
    if (isLockedRole(role) && !onTechnicianPage) event.preventDefault();
  });

  registerShellHandlers(
    ipcMain,
    {
      appVersion: async () => app.getVersion(),
      printReceiptA4: async (_event, caseId) =>
        printCaseReceipt({
          caseId,
          hostOrigin,
          printer: follower?.current()?.printing.a4Printer ?? null,
          pdfDir: join(dataDir, 'receipts'),
          openPage: hiddenPage,
        }),
      restartApp: async (_event, staffToken) => {
        const verdict = await client.staffVerdict(staffToken);
        if (verdict !== 'technician') return { restarting: false, reason: verdict };
        log('restart requested by a technician');
        setTimeout(relaunchCleanly, 300);
        return { restarting: true, reason: null };
      },
      updateStatus: async () => updates?.current() ?? { state: 'disabled', version: null, checkedAt: null, error: null },
    },
    () => hostOrigin,
  );

  supervisor = new HostSupervisor({
    spawn: () => forkHost(port, token, file),
    healthy: () => client.healthy(),
    onState: (state, detail) => log(`host ${state}`, detail),
  });
  supervisor.onUp(() => {
    // Back from a restart: a window showing the out-of-service page returns to its role.
    const current = window?.webContents.getURL() ?? '';
    if (booted && window !== null && !isHostUrl(current, hostOrigin)) showRolePage();
  });
  supervisor.start();
  await supervisor.ready();

  updates = startUpdates();
  follower = new SettingsFollower({
    connect: () => connectEvents(hostOrigin, token),
    read: () => client.settings(),
    onChange: applySettings,
  });
  const settings = await follower.refresh();
  showRole(settings?.role ?? 'kiosk');
  booted = true;
  follower.start();
}

if (!app.requestSingleInstanceLock()) {
  // Another shell runs this terminal already: it gets the focus (second-instance), this one leaves.
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    installNavigationGuards(
      contents,
      () => hostOrigin,
      (what, url) => log(`blocked ${what}: ${url.slice(0, 200)}`),
    ),
  );
  app.on('child-process-gone', (_event, details) => {
    if (details.serviceName === 'hall-host') log(`host process gone: ${details.reason} (${details.exitCode})`);
  });
  app.on('before-quit', () => {
    quitting = true;
    follower?.stop();
    updates?.stop();
    supervisor?.stop();
  });
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(async () => {
      // A shell that keeps dying waits longer before each start (relaunch-state.ts), showing why.
      // Until the host answers and names the role, a locked window says that the terminal is starting.
      window = createWindow('kiosk');
      windowRole = 'kiosk';
      showOutOfService('starting');
      const delay = startDelay(readRelaunchState(relaunchFile, Date.now()));
      if (delay > 0) {
        log(`recent fatal errors: waiting ${delay} ms before starting`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      setTimeout(() => writeRelaunchState(relaunchFile, { crashes: [] }), HEALTHY_MS).unref();
      await boot();
    })
    .catch(fatal);
}
