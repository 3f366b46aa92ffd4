/**
 * Electron shell, main process: the thin wiring of the modules beside it (each a small piece of
 * logic tested without Electron in tests/electron/). It boots the host in a utility process,
 * opens the terminal's role window on it, locks the window down, follows role changes, prints
 * A4 receipts, installs updates at quiet moments and recovers from crashes. electron/README.md
 * has the whole picture and the security checklist.
 */
import { app, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import type { TerminalSettingsView } from '../contracts/terminal-settings';
import { DATA_FOLDER_NAME } from '../db/data-folder';
import { startAutoUpdates } from './auto-updates';
import { openBrowserWindow } from './browser-window';
import { withRendererCsp } from './csp';
import { DisplaySleep } from './display-sleep';
import { connectEvents } from './event-socket';
import { certificateVerdict, hallPinOf, type HallPin } from './hall-certificate-pin';
import { openHiddenPage } from './hidden-page';
import { HostClient } from './host-client';
import { configFile, forkHost, preferredPort } from './host-fork';
import { choosePort, newShellToken } from './host-launch';
import { loopbackOrigin } from './host-origin';
import { HostSupervisor } from './host-supervisor';
import { registerShellHandlers } from './ipc-guard';
import { installNavigationGuards } from './navigation-guard';
import { installPermissionHandlers } from './permissions';
import { isQuietMoment } from './quiet-moment';
import { printCaseReceipt } from './receipt-printing';
import { HEALTHY_MS, readRelaunchState, recordCrash, startDelay, writeRelaunchState } from './relaunch-state';
import { RoleWindow } from './role-window';
import { SettingsFollower } from './settings-follower';
import { withShellHeader } from './shell-header';
import type { UpdateScheduler } from './update-scheduler';
import { isLockedRole } from './window-options';

// One data folder for the shell and the host, the same as `npm start` uses (db/data-folder.ts),
// whatever product name the packager gives the app.
app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER_NAME));
const dataDir = app.getPath('userData');
const relaunchFile = join(dataDir, 'shell-relaunch.json');
const preload = join(__dirname, 'preload.cjs');
const devTools = process.env.HALL_SHELL_DEVTOOLS === '1';
const log = (message: string, ...rest: unknown[]) => console.log(`[shell] ${message}`, ...rest);

const roleWindow: RoleWindow = new RoleWindow({
  open: (forRole) => openBrowserWindow(forRole, roleWindow, { preload, devTools }),
  origin: () => hostOrigin,
  keepDisplayOn: (on) => displaySleep.keepOn(on),
  hostUp: () => supervisor?.current() === 'up',
  later: (ms, run) => {
    const timer = setTimeout(run, ms);
    return { cancel: () => clearTimeout(timer) };
  },
  now: () => Date.now(),
  log,
});
const displaySleep = new DisplaySleep();
/** Set by boot(): the host's origin (its port is chosen then) and the pieces that need it. */
let hostOrigin = loopbackOrigin(7300);
let supervisor: HostSupervisor | null = null;
let follower: SettingsFollower | null = null;
let updates: UpdateScheduler | null = null;

/** Stops the host before the shell goes (quit, relaunch, update). */
function leaving(): void {
  roleWindow.quit();
  follower?.stop();
  updates?.stop();
  supervisor?.stop();
}

/** A fatal error in main: record it (the next start waits longer each time), relaunch, exit. */
function fatal(error: unknown): void {
  console.error('[shell] fatal error, relaunching', error);
  try {
    recordCrash(relaunchFile, Date.now());
  } catch {
    // A full disk must not stop the relaunch.
  }
  leaving();
  app.relaunch();
  app.exit(1);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', (reason) => console.error('[shell] unhandled rejection', reason));

function relaunchCleanly(): void {
  leaving();
  app.relaunch();
  app.quit();
}

function applySettings(settings: TerminalSettingsView, previous: TerminalSettingsView | null): void {
  updates?.configure(settings.updates.url);
  if (previous !== null && previous.role !== settings.role) {
    log(`role changed: ${previous.role} → ${settings.role}`);
    roleWindow.show(settings.role);
  }
}

// ---- boot ----------------------------------------------------------------------------------

async function boot(): Promise<void> {
  Menu.setApplicationMenu(null);
  const file = configFile();
  const { port, preferred } = await choosePort(preferredPort(file, log));
  if (!preferred) log(`the configured port is taken; the host runs on ${port} (LAN terminals will not find it)`);
  hostOrigin = loopbackOrigin(port);
  const token = newShellToken();
  const client = new HostClient({ origin: () => hostOrigin, token });
  const ses = session.defaultSession;

  ses.webRequest.onBeforeSendHeaders((details, callback) =>
    callback({ requestHeaders: withShellHeader(details, hostOrigin, token) }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    // No headers to change (not the renderer's): the response goes on as it came.
    const responseHeaders = withRendererCsp(details, hostOrigin);
    callback(responseHeaders ? { responseHeaders } : {});
  });
  // TLS to the hall this terminal paired with must chain to the CA pinned at pairing (read from
  // the host at each check, the last one known when the host does not answer); others: Chromium.
  let hallPin: HallPin | null = null;
  ses.setCertificateVerifyProc((request, callback) => {
    void client
      .hallLink()
      .then((link) => (hallPin = hallPinOf(link)))
      .catch(() => hallPin)
      .then((pin) => callback(certificateVerdict(request, pin, new Date())));
  });
  installPermissionHandlers(
    ses,
    () => roleWindow.role,
    () => hostOrigin,
  );
  ses.on('will-download', (event) => {
    // Saving a file (config export, logs) is a technician's thing; a kiosk or TV saves nothing
    // unless a technician opened the console on it (Ctrl+Alt+Shift+T).
    if (isLockedRole(roleWindow.role) && !roleWindow.technicianPage) event.preventDefault();
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
          openPage: openHiddenPage,
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
    spawn: () => forkHost({ port, token, dataDir, configFile: file }),
    healthy: () => client.healthy(),
    onState: (state, detail) => log(`host ${state}`, detail),
  });
  let booted = false;
  // Back from a restart: a window showing the out-of-service page returns to its role (the first
  // role page is boot's to show).
  supervisor.onUp(() => {
    if (booted) roleWindow.hostBack();
  });
  supervisor.start();
  await supervisor.ready();

  updates = startAutoUpdates({
    isQuiet: () => isQuietMoment({ role: roleWindow.role, idleMs: roleWindow.idleMs(), localHour: new Date().getHours() }),
    beforeInstall: leaving,
  });
  follower = new SettingsFollower({
    connect: () => connectEvents(hostOrigin, token),
    read: () => client.settings(),
    onChange: applySettings,
  });
  const settings = await follower.refresh();
  roleWindow.show(settings?.role ?? 'kiosk');
  booted = true;
  follower.start();
}

if (!app.requestSingleInstanceLock()) {
  // Another shell runs this terminal already: it gets the focus (second-instance), this one leaves.
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => roleWindow.bringToFront());
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
  app.on('before-quit', leaving);
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(async () => {
      // A shell that keeps dying waits longer before each start (relaunch-state.ts), showing why.
      // Until the host answers and names the role, a locked window says that the terminal is starting.
      roleWindow.starting();
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
