import type { UpdateEngine } from './update-engine';
import { UpdateScheduler } from './update-scheduler';

/**
 * The updater under the UpdateScheduler (electron/update-scheduler.ts): it downloads in the
 * background and installs only at a quiet moment; `beforeInstall` stops the host first.
 */
export function createShellUpdates(o: {
  engine: UpdateEngine;
  isQuiet: () => boolean;
  beforeInstall: () => void;
}): UpdateScheduler {
  const { engine } = o;
  engine.autoDownload = true;
  engine.autoInstallOnAppQuit = true;
  const scheduler: UpdateScheduler = new UpdateScheduler({
    updater: {
      setFeed: (url) => engine.setFeedURL({ provider: 'generic', url }),
      check: async () => {
        const offered = await engine.checkForUpdates();
        if (offered === null || !offered.isUpdateAvailable) return scheduler.notAvailable();
        const { version } = offered.updateInfo;
        scheduler.available(version);
        await offered.downloadPromise;
        scheduler.downloaded(version);
      },
      install: () => {
        o.beforeInstall();
        engine.quitAndInstall(true, true);
      },
    },
    isQuiet: o.isQuiet,
  });
  return scheduler;
}
