import type { HallShellBridge } from '../../contracts/shell';

declare global {
  interface Window {
    /**
     * The Electron shell's bridge (electron/preload.ts), present only when the page runs in the
     * desktop app; in a browser (npm start's Chromium fallback, a counter PC) it is undefined and
     * every caller must work without it.
     */
    hallShell?: HallShellBridge;
  }
}

/** The shell's bridge, or undefined in a plain browser. */
export function shellBridge(): HallShellBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.hallShell;
}
