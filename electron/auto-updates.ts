import { autoUpdater } from 'electron-updater';
import { UpdateScheduler } from './update-scheduler';

/**
 * electron-updater under the UpdateScheduler (electron/update-scheduler.ts): it downloads in the
 * background and installs only at a quiet moment; `beforeInstall` stops the host first.
 */
export function startAutoUpdates(o: { isQuiet: () => boolean; beforeInstall: () => void }): UpdateScheduler {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const scheduler = new UpdateScheduler({
    updater: {
      setFeed: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
      check: () => autoUpdater.checkForUpdates(),
      install: () => {
        o.beforeInstall();
        autoUpdater.quitAndInstall(true, true);
      },
    },
    isQuiet: o.isQuiet,
  });
  autoUpdater.on('update-available', (info) => scheduler.available(info.version));
  autoUpdater.on('update-not-available', () => scheduler.notAvailable());
  autoUpdater.on('update-downloaded', (info) => scheduler.downloaded(info.version));
  autoUpdater.on('error', (error) => scheduler.failed(error.message));
  return scheduler;
}
