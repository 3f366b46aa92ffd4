import type { Fetch } from './bounded-fetch';
import { fetchBounded } from './bounded-fetch';
import { checkInstaller, checkUnchanged, type FileDigest } from './installer-check';
import { verifySignedRelease, type SignedRelease } from './signed-release';
import type { UpdateEngine } from './update-engine';
import { RELEASE_FILE, SIGNATURE_FILE, secureFeed, secureFileUrl } from './update-feed';
import { UpdateRefused } from './update-refused';
import { UpdateScheduler } from './update-scheduler';
import { isNewerVersion } from './version-order';

/** release.json lists a handful of installers; its signature is 88 characters. */
const MAX_RELEASE_BYTES = 64 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

export interface ShellUpdatesOptions {
  engine: UpdateEngine;
  isQuiet: () => boolean;
  /** Stops the host before the installer runs. */
  beforeInstall: () => void;
  /** The running app's version (`app.getVersion()`). */
  appVersion: string;
  /** The release key's public half (PEM): electron/update-key.ts in the app. */
  publicKey: string;
  fetch: Fetch;
}

/** A download checked against the signed release, waiting for its quiet moment. */
interface Verified {
  path: string;
  digest: FileDigest;
}

/**
 * Signed self-updates under the UpdateScheduler (quiet moments, every four hours). Each check:
 *
 * 1. the feed must be https (update-feed.ts), else nothing is fetched;
 * 2. release.json and release.json.sig are fetched by the shell itself and verified with the
 *    built-in public key (signed-release.ts); a version not newer than the running one ends here;
 * 3. electron-updater reads latest.yml: it must offer exactly the signed version, its files over https;
 * 4. electron-updater downloads (no auto-download: nothing is fetched before 1–3 passed), and
 *    the shell hashes the installer itself against the signed SHA-512 (installer-check.ts);
 * 5. at the quiet moment the file is hashed again, and only then `quitAndInstall` runs it.
 *
 * electron-updater's install-on-quit is off: it would run whatever it downloaded, unchecked.
 */
export function createShellUpdates(o: ShellUpdatesOptions): UpdateScheduler {
  const { engine } = o;
  engine.autoDownload = false;
  engine.autoInstallOnAppQuit = false;
  let feed: URL | UpdateRefused | null = null;
  let verified: Verified | null = null;

  async function signedRelease(folder: URL): Promise<SignedRelease> {
    const [document, signature] = await Promise.all([
      fetchBounded(o.fetch, new URL(RELEASE_FILE, folder), MAX_RELEASE_BYTES),
      fetchBounded(o.fetch, new URL(SIGNATURE_FILE, folder), MAX_SIGNATURE_BYTES),
    ]);
    return verifySignedRelease(document, new TextDecoder().decode(signature), o.publicKey);
  }

  async function check(): Promise<void> {
    if (feed instanceof UpdateRefused) throw feed;
    if (feed === null) return;
    // An unpackaged app has nothing to replace: no request leaves for the feed.
    if (!engine.isUpdaterActive()) return scheduler.notAvailable();
    const folder = feed;
    verified = null;
    const release = await signedRelease(folder);
    if (!isNewerVersion(release.version, o.appVersion)) return scheduler.notAvailable();
    const offered = await engine.checkForUpdates();
    if (offered === null || !offered.isUpdateAvailable) return scheduler.notAvailable();
    if (offered.updateInfo.version !== release.version)
      throw new UpdateRefused(
        'version_mismatch',
        `latest.yml offers ${offered.updateInfo.version}, ${release.version} is signed`,
      );
    for (const file of offered.updateInfo.files) secureFileUrl(folder, file.url);
    scheduler.available(release.version);
    const [installer] = await engine.downloadUpdate();
    if (installer === undefined) throw new UpdateRefused('installer_mismatch', 'nothing was downloaded');
    verified = { path: installer, digest: await checkInstaller(installer, release) };
    scheduler.downloaded(release.version);
  }

  async function install(): Promise<void> {
    if (verified === null) throw new UpdateRefused('installer_mismatch', 'no checked download to install');
    const { path, digest } = verified;
    try {
      await checkUnchanged(path, digest);
    } catch (error) {
      verified = null;
      throw error;
    }
    o.beforeInstall();
    engine.quitAndInstall(true, true);
  }

  const scheduler: UpdateScheduler = new UpdateScheduler({
    updater: {
      setFeed: (url) => {
        verified = null;
        try {
          feed = secureFeed(url);
        } catch (error) {
          // Refused here, reported by the next check: electron-updater never sees the URL.
          feed = error instanceof UpdateRefused ? error : new UpdateRefused('insecure_feed', 'unusable update feed');
          return;
        }
        engine.setFeedURL({ provider: 'generic', url: feed.href });
      },
      check,
      install,
    },
    isQuiet: o.isQuiet,
  });
  return scheduler;
}
