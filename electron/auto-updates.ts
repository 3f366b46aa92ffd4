import { app, net } from 'electron';
import { autoUpdater } from 'electron-updater';
import { createShellUpdates } from './shell-updates';
import type { UpdateScheduler } from './update-scheduler';
import { UPDATE_PUBLIC_KEY } from './update-key';

/**
 * The real electron-updater under the shell's signed-update logic (shell-updates.ts). The
 * signed release.json is fetched with Chromium's network stack (`net.fetch`), the one
 * electron-updater downloads with, so both trust the same certificates and proxy.
 */
export function startAutoUpdates(o: { isQuiet: () => boolean; beforeInstall: () => void }): UpdateScheduler {
  // Failures also reject the call that caused them (the scheduler reports those); without a
  // listener an 'error' event would be an uncaught exception in main.
  autoUpdater.on('error', (error) => console.error('[shell] updater error', error.message));
  return createShellUpdates({
    engine: autoUpdater,
    appVersion: app.getVersion(),
    publicKey: UPDATE_PUBLIC_KEY,
    fetch: (input, init) => net.fetch(input, init),
    ...o,
  });
}
