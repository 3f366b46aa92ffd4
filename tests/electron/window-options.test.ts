import { describe, expect, it } from 'vitest';
import { TerminalRole } from '../../contracts/terminal-settings';
import { isLockedRole, rolePath, webPreferences, windowOptions } from '../../electron/window-options';

describe('shell-logic: window options per role', () => {
  it('locks kiosk and display full-screen in kiosk mode, with no frame to close or move', () => {
    for (const role of ['kiosk', 'display'] as const) {
      const o = windowOptions(role, { preload: '/app/preload.cjs' });
      expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, movable: false, minimizable: false, show: false });
      expect(isLockedRole(role)).toBe(true);
    }
  });

  it('gives counter and technician a normal window (maximised when shown)', () => {
    for (const role of ['counter', 'technician'] as const) {
      const o = windowOptions(role, { preload: '/app/preload.cjs' });
      expect(o.kiosk).toBe(false);
      expect(o.fullscreen).toBe(false);
      expect(o.frame).toBeUndefined();
      expect(isLockedRole(role)).toBe(false);
    }
  });

  it('hardens the page the same way for every role (checklist items 2–4, 6, 8–10, 12)', () => {
    for (const role of TerminalRole.options) {
      const prefs = windowOptions(role, { preload: '/app/preload.cjs' }).webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/preload.cjs',
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
        devTools: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    }
  });

  it('lets only kiosk and display speak without a tap first', () => {
    expect(webPreferences('kiosk', undefined).autoplayPolicy).toBe('no-user-gesture-required');
    expect(webPreferences('display', undefined).autoplayPolicy).toBe('no-user-gesture-required');
    expect(webPreferences('counter', undefined).autoplayPolicy).toBe('document-user-activation-required');
    expect(webPreferences('counter', undefined)).not.toHaveProperty('preload');
  });

  it('opens each role on its own page of the host', () => {
    expect(TerminalRole.options.map(rolePath)).toEqual(['/kiosk', '/counter', '/display', '/technician']);
  });
});
