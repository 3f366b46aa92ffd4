import { BrowserWindow, type RenderProcessGoneDetails } from 'electron';
import type { TerminalRole } from '../contracts/terminal-settings';
import type { RoleWindow, ShellWindow } from './role-window';
import { isLockedRole, windowOptions } from './window-options';

/**
 * The Electron side of the role window: a locked-down BrowserWindow whose events go to the
 * RoleWindow that decides what they mean (electron/role-window.ts, tested without Electron).
 */
export function openBrowserWindow(
  forRole: TerminalRole,
  decide: RoleWindow,
  o: { preload: string; devTools: boolean },
): ShellWindow {
  const options = windowOptions(forRole, o);
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
  const shell: ShellWindow = {
    // A failed load (host restarting) is reported by did-fail-load; the promise must not go unhandled.
    load: (url) => void contents.loadURL(url).catch(() => undefined),
    currentUrl: () => contents.getURL(),
    destroy: () => created.destroy(),
    bringToFront: () => {
      if (created.isMinimized()) created.restore();
      created.show();
      created.focus();
    },
    crashRenderer: () => contents.forcefullyCrashRenderer(),
  };
  const locked = isLockedRole(forRole);
  if (locked) void contents.setVisualZoomLevelLimits(1, 1);
  created.once('ready-to-show', () => {
    if (!locked) created.maximize();
    created.show();
  });
  // A kiosk or display window is closed only by quitting (Alt+F4 is also swallowed by key()).
  created.on('close', (event) => {
    if (!decide.mayClose(shell)) event.preventDefault();
  });
  contents.on('before-input-event', (event, input) => {
    if (decide.key(input)) event.preventDefault();
  });
  contents.on('input-event', () => decide.input());
  contents.on('did-navigate', (_event, url) => decide.navigated(url));
  contents.on('did-fail-load', (_event, errorCode, _description, url, isMainFrame) =>
    decide.loadFailed(shell, errorCode, url, isMainFrame),
  );
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => decide.rendererGone(shell, details.reason));
  created.on('unresponsive', () => decide.unresponsive(shell));
  created.on('responsive', () => decide.responsive());
  return shell;
}
