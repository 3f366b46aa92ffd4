/**
 * A made-up update server and a stand-in for electron-updater (no Electron binary exists here).
 * The stand-in behaves as electron-updater's generic provider does: it reads `latest.yml` from
 * the feed folder, offers a newer version, downloads the installer it names and checks it against
 * the sha512 written in that same file — the only check electron-updater makes. Whoever serves
 * the feed therefore decides what the stand-in would install; `installed` records what
 * `quitAndInstall` would have run.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { OfferedUpdate, UpdateEngine } from '../../electron/update-engine';

export const sha512 = (bytes: Uint8Array): string => createHash('sha512').update(bytes).digest('base64');

/** The feed folder's files by absolute URL; everything a test serves, an attacker could serve. */
export class FakeWeb {
  readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
  readonly requested: string[] = [];

  put(url: string, content: Uint8Array<ArrayBuffer> | string): void {
    this.files.set(url, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  get(url: string): Uint8Array<ArrayBuffer> | undefined {
    this.requested.push(url);
    return this.files.get(url);
  }

  /** The WHATWG fetch the shell is given: 200 with the file, 404 without. */
  readonly fetch = async (input: string | URL): Promise<Response> => {
    const body = this.get(String(input));
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  };
}

/** What latest.yml says (YAML in life; the stand-in reads it as JSON, the fields are the same). */
export interface LatestYml {
  version: string;
  files: { url: string; sha512: string; size: number }[];
}

const folder = (feed: string) => (feed.endsWith('/') ? feed : `${feed}/`);

function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

export class FakeUpdateEngine implements UpdateEngine {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  feed: string | null = null;
  /** Installers `quitAndInstall` ran (paths of downloaded files): empty = the kiosk kept its version. */
  readonly installed: string[] = [];
  downloadedFile: string | null = null;
  private offered: LatestYml | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'hall-kiosk-update-'));

  constructor(
    private readonly web: FakeWeb,
    private readonly appVersion: string,
  ) {}

  /** A packaged app (electron-updater is inactive only in an unpackaged one). */
  isUpdaterActive(): boolean {
    return true;
  }

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feed = options.url;
  }

  async checkForUpdates(): Promise<OfferedUpdate | null> {
    if (this.feed === null) throw new Error('no feed');
    const yml = this.web.get(new URL('latest.yml', folder(this.feed)).href);
    if (yml === undefined) throw new Error('Cannot find latest.yml in the latest release artifacts (HttpError: 404)');
    const info = JSON.parse(new TextDecoder().decode(yml)) as LatestYml;
    this.offered = info;
    const isUpdateAvailable = newer(info.version, this.appVersion);
    return {
      isUpdateAvailable,
      updateInfo: info,
      downloadPromise: isUpdateAvailable && this.autoDownload ? this.downloadUpdate() : null,
    };
  }

  async downloadUpdate(): Promise<string[]> {
    const file = this.offered?.files[0];
    if (this.feed === null || file === undefined) throw new Error('Please check update first');
    const url = new URL(file.url, folder(this.feed)).href;
    const bytes = this.web.get(url);
    if (bytes === undefined) throw new Error(`Cannot download "${url}" (HttpError: 404)`);
    if (sha512(bytes) !== file.sha512) throw new Error('sha512 checksum mismatch');
    const path = join(this.dir, basename(new URL(url).pathname));
    writeFileSync(path, bytes);
    this.downloadedFile = path;
    return [path];
  }

  quitAndInstall(): void {
    if (this.downloadedFile === null) throw new Error('No update filepath provided');
    this.installed.push(this.downloadedFile);
  }
}

/** The signed release document (scripts/sign-release.mjs writes it; electron/signed-release.ts reads it). */
export function releaseDocument(version: string, files: { name: string; bytes: Uint8Array }[]): string {
  return `${JSON.stringify(
    {
      product: 'hall-kiosk',
      version,
      files: files.map((f) => ({ name: f.name, sha512: sha512(f.bytes), size: f.bytes.length })),
    },
    null,
    2,
  )}\n`;
}

/**
 * Publishes `version` on `feed` as the packaging step does: the installer, latest.yml naming it,
 * release.json and its detached Ed25519 signature made with `key`.
 */
export function publishRelease(
  web: FakeWeb,
  feed: string,
  version: string,
  installer: Uint8Array<ArrayBuffer>,
  key: KeyObject,
): void {
  const name = `Hall Kiosk-Setup-${version}.exe`;
  const base = folder(feed);
  web.put(new URL(encodeURIComponent(name), base).href, installer);
  const latest: LatestYml = {
    version,
    files: [{ url: encodeURIComponent(name), sha512: sha512(installer), size: installer.length }],
  };
  web.put(new URL('latest.yml', base).href, JSON.stringify(latest));
  const document = releaseDocument(version, [{ name, bytes: installer }]);
  web.put(new URL('release.json', base).href, document);
  web.put(new URL('release.json.sig', base).href, sign(null, Buffer.from(document), key).toString('base64'));
}
