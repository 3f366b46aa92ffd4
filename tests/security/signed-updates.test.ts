/**
 * Issue 18, hole "updates are not signature-checked": whoever set the feed URL (a technician
 * account, anyone on the LAN path of an http: feed) could serve a latest.yml naming their own
 * installer with its own sha512, and every kiosk installed it. Now the shell installs only what
 * the Hall Kiosk release key signed. Each attack below is refused and the stand-in for
 * electron-updater (tests/support/fake-update-feed.ts) records no quitAndInstall: the kiosk keeps
 * running its version.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShellUpdates } from '../../electron/shell-updates';
import type { UpdateScheduler } from '../../electron/update-scheduler';
import { FakeUpdateEngine, FakeWeb, publishRelease, releaseDocument, sha512 } from '../support/fake-update-feed';

const RUNNING = '1.1.0';
const FEED = 'https://updates.hall.example/hall-kiosk/';
const releaseKey = generateKeyPairSync('ed25519');
/** The release key's public half as the app carries it (electron/update-key.ts in life). */
const BUILT_IN_KEY = releaseKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const attackerKey = generateKeyPairSync('ed25519');

const GENUINE = new TextEncoder().encode('MZ genuine Hall Kiosk 1.2.0 installer');
const EVIL = new TextEncoder().encode('MZ the attacker’s program');

const started: UpdateScheduler[] = [];
afterEach(() => {
  for (const updates of started.splice(0)) updates.stop();
});

/** A kiosk running 1.1.0 with `feed` set: it checks, downloads, and tries to install at once (always quiet). */
async function kioskFollows(web: FakeWeb, feed: string) {
  const engine = new FakeUpdateEngine(web, RUNNING);
  let hostStopped = 0;
  const updates = createShellUpdates({
    engine,
    isQuiet: () => true,
    beforeInstall: () => hostStopped++,
    appVersion: RUNNING,
    publicKey: BUILT_IN_KEY,
    fetch: web.fetch,
  });
  started.push(updates);
  updates.configure(feed);
  await vi.waitFor(() => expect(['idle', 'ready', 'error']).toContain(updates.current().state));
  updates.installIfQuiet();
  // The installer is hashed again before it runs (asynchronously).
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { engine, updates, hostStopped: () => hostStopped };
}

function keptItsVersion(kiosk: Awaited<ReturnType<typeof kioskFollows>>, reason: RegExp): void {
  expect(kiosk.engine.installed).toEqual([]);
  expect(kiosk.hostStopped()).toBe(0);
  expect(kiosk.updates.current()).toMatchObject({ state: 'error' });
  expect(kiosk.updates.current().error).toMatch(reason);
}

describe('signed updates: the shell installs only what the release key signed', () => {
  it('installs a genuine release signed with the built-in key (the control case)', async () => {
    const web = new FakeWeb();
    publishRelease(web, FEED, '1.2.0', GENUINE, releaseKey.privateKey);
    const kiosk = await kioskFollows(web, FEED);
    expect(kiosk.engine.installed).toHaveLength(1);
    expect(kiosk.hostStopped()).toBe(1);
  });

  it('refuses tampered metadata: release.json edited to name another installer', async () => {
    const web = new FakeWeb();
    publishRelease(web, FEED, '1.2.0', GENUINE, releaseKey.privateKey);
    // The attacker swaps the installer, rewrites latest.yml and release.json to its hash, and
    // keeps the genuine signature (they cannot make a new one).
    const name = 'Hall Kiosk-Setup-1.2.0.exe';
    web.put(`${FEED}Hall%20Kiosk-Setup-1.2.0.exe`, EVIL);
    web.put(
      `${FEED}latest.yml`,
      JSON.stringify({ version: '1.2.0', files: [{ url: encodeURIComponent(name), sha512: sha512(EVIL), size: EVIL.length }] }),
    );
    web.put(`${FEED}release.json`, releaseDocument('1.2.0', [{ name, bytes: EVIL }]));
    keptItsVersion(await kioskFollows(web, FEED), /signature/);
  });

  it('refuses a release signed with another key', async () => {
    const web = new FakeWeb();
    publishRelease(web, FEED, '1.2.0', EVIL, attackerKey.privateKey as KeyObject);
    keptItsVersion(await kioskFollows(web, FEED), /signature/);
  });

  it('refuses an http: feed, even one serving a genuinely signed release, and fetches nothing from it', async () => {
    const web = new FakeWeb();
    const plain = 'http://192.168.1.10:8080/hall-kiosk/';
    publishRelease(web, plain, '1.2.0', GENUINE, releaseKey.privateKey);
    const kiosk = await kioskFollows(web, plain);
    keptItsVersion(kiosk, /https/);
    expect(web.requested).toEqual([]);
  });

  it('refuses a swapped installer: latest.yml and the file replaced, the signed release.json kept', async () => {
    const web = new FakeWeb();
    publishRelease(web, FEED, '1.2.0', GENUINE, releaseKey.privateKey);
    // electron-updater's own check passes: latest.yml carries the evil file's sha512.
    web.put(`${FEED}Hall%20Kiosk-Setup-1.2.0.exe`, EVIL);
    const latest = {
      version: '1.2.0',
      files: [{ url: 'Hall%20Kiosk-Setup-1.2.0.exe', sha512: sha512(EVIL), size: EVIL.length }],
    };
    web.put(`${FEED}latest.yml`, JSON.stringify(latest));
    keptItsVersion(await kioskFollows(web, FEED), /installer/);
  });

  it('refuses an installer swapped on disk between the download and the quiet moment', async () => {
    const web = new FakeWeb();
    publishRelease(web, FEED, '1.2.0', GENUINE, releaseKey.privateKey);
    const engine = new FakeUpdateEngine(web, RUNNING);
    let quiet = false;
    const updates = createShellUpdates({
      engine,
      isQuiet: () => quiet,
      beforeInstall: () => undefined,
      appVersion: RUNNING,
      publicKey: BUILT_IN_KEY,
      fetch: web.fetch,
    });
    started.push(updates);
    updates.configure(FEED);
    await vi.waitFor(() => expect(updates.current().state).toBe('ready'));
    writeFileSync(engine.downloadedFile ?? '', EVIL);
    quiet = true;
    updates.installIfQuiet();
    await vi.waitFor(() => expect(updates.current().state).toBe('error'));
    expect(updates.current().error).toMatch(/installer/);
    expect(engine.installed).toEqual([]);
  });

  it('refuses an old genuinely signed release replayed under a higher version in latest.yml', async () => {
    const web = new FakeWeb();
    const old = new TextEncoder().encode('MZ genuine Hall Kiosk 1.0.0 installer (a known flaw)');
    publishRelease(web, FEED, '1.0.0', old, releaseKey.privateKey);
    const latest = { version: '9.0.0', files: [{ url: 'Hall%20Kiosk-Setup-1.0.0.exe', sha512: sha512(old), size: old.length }] };
    web.put(`${FEED}latest.yml`, JSON.stringify(latest));
    const kiosk = await kioskFollows(web, FEED);
    expect(kiosk.engine.installed).toEqual([]);
    expect(kiosk.updates.current().state).not.toBe('ready');
  });
});
