import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { TerminalRole } from '../contracts/terminal-settings';

/** Roles whose window is the whole screen and nobody's desktop: the citizen kiosk and the hall TV. */
export function isLockedRole(role: TerminalRole): boolean {
  return role === 'kiosk' || role === 'display';
}

/** The host page of each role (served by the host, same paths as in the browser). */
export function rolePath(role: TerminalRole): string {
  return `/${role}`;
}

/**
 * The renderer's web preferences, the same for every role (checklist items 2–4, 6, 8–10, 12):
 * no Node in the page, its own JavaScript world for the preload, the OS sandbox, the
 * same-origin policy on, no insecure content, no experimental or Blink features, no <webview>.
 * Kiosk and display speak without a tap first (voice guidance, call announcements).
 */
export function webPreferences(role: TerminalRole, preload: string | undefined, devTools = false): WebPreferences {
  return {
    ...(preload === undefined ? {} : { preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click opens links in new windows: nothing on a kiosk should.
    disableBlinkFeatures: 'Auxclick',
    devTools,
    autoplayPolicy: isLockedRole(role) ? 'no-user-gesture-required' : 'document-user-activation-required',
  };
}

/**
 * The window of a role: kiosk and display full-screen in kiosk mode with no frame (nothing to
 * drag, close or minimise); counter and technician a normal window, maximised once shown.
 */
export function windowOptions(
  role: TerminalRole,
  o: { preload: string; devTools?: boolean; icon?: string },
): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    show: false,
    backgroundColor: '#f4f6fa',
    autoHideMenuBar: true,
    title: '政务服务中心',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: webPreferences(role, o.preload, o.devTools ?? false),
  };
  if (isLockedRole(role)) {
    return {
      ...base,
      kiosk: true,
      fullscreen: true,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      skipTaskbar: true,
    };
  }
  return { ...base, width: 1600, height: 900, minWidth: 1024, minHeight: 700, kiosk: false, fullscreen: false };
}
