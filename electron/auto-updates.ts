import { autoUpdater } from 'electron-updater';
import { createShellUpdates } from './shell-updates';
import type { UpdateScheduler } from './update-scheduler';

/** The real electron-updater under the shell's update logic (shell-updates.ts). */
export function startAutoUpdates(o: { isQuiet: () => boolean; beforeInstall: () => void }): UpdateScheduler {
  // Failures also reject the call that caused them (the scheduler reports those); without a
  // listener an 'error' event would be an uncaught exception in main.
  autoUpdater.on('error', (error) => console.error('[shell] updater error', error.message));
  return createShellUpdates({ engine: autoUpdater, ...o });
}
