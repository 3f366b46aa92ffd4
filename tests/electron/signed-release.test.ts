import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInstaller } from '../../electron/installer-check';
import { verifySignedRelease } from '../../electron/signed-release';
import { UPDATE_PUBLIC_KEY } from '../../electron/update-key';
import { UpdateRefused } from '../../electron/update-refused';
import { repoRoot } from '../support/test-host';

const exec = promisify(execFile);
const signer = join(repoRoot, 'scripts/sign-release.mjs');
const newKey = () =>
  generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A release folder as electron-builder leaves it, with the public key file beside it. */
function releaseFolder(publicKey: string) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-kiosk-release-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'Hall Kiosk-Setup-1.2.0.exe'), 'MZ windows installer');
  writeFileSync(join(dir, 'Hall Kiosk-1.2.0-x86_64.AppImage'), 'ELF linux image');
  writeFileSync(join(dir, 'Hall Kiosk-Setup-1.1.0.exe'), 'MZ the previous release');
  writeFileSync(join(dir, 'latest.yml'), 'version: 1.2.0');
  writeFileSync(join(dir, 'update-signing.pub.pem'), publicKey);
  return dir;
}

/** Runs the signer as `npm run package` does, with only the given environment. */
async function runSigner(dir: string, env: Record<string, string>, ...args: string[]) {
  const argv = [signer, '--dir', dir, '--version', '1.2.0', '--public-key', join(dir, 'update-signing.pub.pem'), ...args];
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof UpdateRefused) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('shell-logic: signed releases (scripts/sign-release.mjs → electron/signed-release.ts)', () => {
  it('round trip: the signer’s release.json verifies with the public key and lists each installer of the version', async () => {
    const key = newKey();
    const dir = releaseFolder(key.publicKey);
    const run = await runSigner(dir, { HALL_KIOSK_UPDATE_KEY_FILE: join(dir, '..', 'nowhere') });
    expect(run.code).toBe(1);
    writeFileSync(join(dir, 'key.pem'), key.privateKey);
    const signed = await runSigner(dir, { HALL_KIOSK_UPDATE_KEY_FILE: join(dir, 'key.pem') });
    expect(signed.code, signed.out).toBe(0);
    const release = verifySignedRelease(
      readFileSync(join(dir, 'release.json')),
      readFileSync(join(dir, 'release.json.sig'), 'utf8'),
      key.publicKey,
    );
    expect(release.version).toBe('1.2.0');
    expect(release.files.map((f) => f.name)).toEqual(['Hall Kiosk-1.2.0-x86_64.AppImage', 'Hall Kiosk-Setup-1.2.0.exe']);
    await expect(checkInstaller(join(dir, 'Hall Kiosk-Setup-1.2.0.exe'), release)).resolves.toMatchObject({ size: 20 });
    await expect(checkInstaller(join(dir, 'Hall Kiosk-Setup-1.1.0.exe'), release)).rejects.toThrow(/installer_mismatch/);
    // The key may also come as PEM text.
    rmSync(join(dir, 'release.json'));
    expect((await runSigner(dir, { HALL_KIOSK_UPDATE_KEY: key.privateKey })).code).toBe(0);
    expect(existsSync(join(dir, 'release.json'))).toBe(true);
  });

  it('the signer fails clearly without a key, with a key that is not the app’s, and with no installer', async () => {
    const key = newKey();
    const dir = releaseFolder(key.publicKey);
    const none = await runSigner(dir, {});
    expect(none).toMatchObject({ code: 1 });
    expect(none.out).toMatch(/HALL_KIOSK_UPDATE_KEY_FILE.*HALL_KIOSK_UPDATE_KEY/);
    expect((await runSigner(dir, {}, '--check-key')).code).toBe(1);
    const other = await runSigner(dir, { HALL_KIOSK_UPDATE_KEY: newKey().privateKey });
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/not the partner/);
    const wrongVersion = await runSigner(dir, { HALL_KIOSK_UPDATE_KEY: key.privateKey }, '--version', '2.0.0');
    expect(wrongVersion.out).toMatch(/no installer of version 2\.0\.0/);
    expect(existsSync(join(dir, 'release.json'))).toBe(false);
  });

  it('an explicitly unsigned local build passes the packaging step but signs nothing', async () => {
    const dir = releaseFolder(newKey().publicKey);
    expect((await runSigner(dir, { HALL_KIOSK_UNSIGNED_PACKAGE: '1' }, '--check-key')).code).toBe(0);
    const run = await runSigner(dir, { HALL_KIOSK_UNSIGNED_PACKAGE: '1' });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/UNSIGNED/);
    expect(existsSync(join(dir, 'release.json.sig'))).toBe(false);
  });

  it('refuses a changed byte, another key, a malformed signature, and a signed document it cannot use', () => {
    const key = newKey();
    const document = Buffer.from(
      JSON.stringify({
        product: 'hall-kiosk',
        version: '1.2.0',
        files: [{ name: 'a.exe', sha512: 'A'.repeat(86) + '==', size: 1 }],
      }),
    );
    const signature = sign(null, document, key.privateKey).toString('base64');
    expect(refusal(() => verifySignedRelease(document, `${signature}\n`, key.publicKey))).toBe('accepted');
    const changed = Buffer.from(document.toString().replace('1.2.0', '1.2.1'));
    expect(refusal(() => verifySignedRelease(changed, signature, key.publicKey))).toBe('bad_signature');
    expect(refusal(() => verifySignedRelease(document, signature, newKey().publicKey))).toBe('bad_signature');
    expect(refusal(() => verifySignedRelease(document, 'not a signature', key.publicKey))).toBe('bad_signature');
    expect(refusal(() => verifySignedRelease(document, '', key.publicKey))).toBe('bad_signature');
    for (const doc of [
      { product: 'other', version: '1.2.0', files: [] },
      { product: 'hall-kiosk', version: 'latest', files: [] },
    ]) {
      const bytes = Buffer.from(JSON.stringify(doc));
      expect(refusal(() => verifySignedRelease(bytes, sign(null, bytes, key.privateKey).toString('base64'), key.publicKey))).toBe(
        'bad_metadata',
      );
    }
  });

  it('the app carries the project’s Ed25519 public key, the same as build/update-signing.pub.pem (and no private key)', () => {
    expect(createPublicKey(UPDATE_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
    expect(UPDATE_PUBLIC_KEY).toBe(readFileSync(join(repoRoot, 'build/update-signing.pub.pem'), 'utf8'));
    expect(UPDATE_PUBLIC_KEY).not.toMatch(/PRIVATE/);
  });
});
