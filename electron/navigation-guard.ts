import { isHostUrl } from './host-origin';

/** An Electron event that can be cancelled (the part of it the guards use). */
export interface Preventable {
  preventDefault(): void;
}

/**
 * The few WebContents events the guards hook (a real WebContents fits; tests pass a stand-in).
 */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Whether a page may go to `url`: only pages of the host (items 13, 18: never file:, data:, javascript:). */
export function navigationAllowed(url: string, hostOrigin: string): boolean {
  return isHostUrl(url, hostOrigin);
}

/**
 * Guards every web contents the shell creates (items 11–15): navigation and redirects only
 * within the host's origin; no new windows at all (a kiosk opens nothing, not even in the
 * system browser: `shell.openExternal` is never used); no <webview> may attach.
 */
export function installNavigationGuards(
  contents: GuardableContents,
  hostOrigin: () => string,
  onBlocked: (what: string, url: string) => void = () => undefined,
): void {
  const check = (what: string, event: Preventable, url: string) => {
    if (navigationAllowed(url, hostOrigin())) return;
    event.preventDefault();
    onBlocked(what, url);
  };
  contents.on('will-navigate', (event, url) => check('navigation', event, url));
  contents.on('will-redirect', (event, url) => check('redirect', event, url));
  contents.on('will-frame-navigate', (details) => check('frame navigation', details, details.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('new window', url);
    return { action: 'deny' };
  });
}
