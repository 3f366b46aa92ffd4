/**
 * Electron shell (first cut): one locked-down window on the host's kiosk page.
 * The host is started by scripts/start.mjs and its URL handed over in
 * HALL_KIOSK_URL; the security checklist and in-process host come with the
 * Electron shell issue.
 */
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';

const target = new URL(process.env.HALL_KIOSK_URL ?? 'http://127.0.0.1:7300/kiosk');

function isOwnOrigin(url: string): boolean {
  try {
    return new URL(url).origin === target.origin;
  } catch {
    return false;
  }
}

async function createWindow(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    width: 1920,
    height: 1080,
    kiosk: process.env.HALL_KIOSK_WINDOWED !== '1',
    autoHideMenuBar: true,
    backgroundColor: '#f4f6fa',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  await window.loadURL(target.toString());
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => app.quit());
void app.whenReady().then(createWindow);
