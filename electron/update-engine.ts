/**
 * electron-updater's `autoUpdater` (an AppUpdater), reduced to what the shell drives. main.ts
 * passes the real one (auto-updates.ts); the tests pass a stand-in that serves a made-up feed, so
 * the update logic runs on plain Node.
 */

/** What `checkForUpdates()` resolves to: the feed's latest*.yml as electron-updater read it. */
export interface OfferedUpdate {
  readonly isUpdateAvailable: boolean;
  readonly updateInfo: { readonly version: string; readonly files: readonly { readonly url: string }[] };
  /** Set when `autoDownload` is on: the downloaded files, the installer first. */
  readonly downloadPromise?: Promise<string[]> | null;
}

export interface UpdateEngine {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  /** The generic provider: `url` is the folder holding latest.yml / latest-linux.yml. */
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  /** False in an unpackaged app (`npm start` under Electron): nothing to update. */
  isUpdaterActive(): boolean;
  /** Null when the updater is inactive (an unpackaged app). */
  checkForUpdates(): Promise<OfferedUpdate | null>;
  /** Downloads the offered version; resolves to the files, the installer first. */
  downloadUpdate(): Promise<string[]>;
  /** Quits, runs the downloaded installer and starts the new version. */
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}
