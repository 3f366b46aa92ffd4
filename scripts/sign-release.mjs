#!/usr/bin/env node
// The signing step of `npm run package`: writes release.json (version, and each installer's
// name, SHA-512 and size) and release.json.sig (a detached Ed25519 signature of its exact
// bytes, base64) beside the installers. The shell installs nothing that this signature does not
// cover (electron/shell-updates.ts).
//
// The private key is never in the repository: it comes from HALL_KIOSK_UPDATE_KEY_FILE (a PEM
// file) or HALL_KIOSK_UPDATE_KEY (the PEM text). It must be the partner of the public key the
// app carries (build/update-signing.pub.pem = electron/update-key.ts), or nothing is signed.
//
//   node scripts/sign-release.mjs --check-key   only check the key (before a long build)
//   node scripts/sign-release.mjs [--dir release] [--version x.y.z] [--public-key file]
//
// HALL_KIOSK_UNSIGNED_PACKAGE=1 lets a local test build through without a key: nothing is
// signed, so no kiosk will ever install that build from a feed.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Installers electron-updater installs: NSIS (Windows), AppImage and deb (Linux). */
const INSTALLER = /\.(exe|AppImage|deb)$/;

class SigningError extends Error {}

/** The release key from the environment, checked to be the partner of `publicKeyPem`. */
export function loadSigningKey(env, publicKeyPem) {
  let pem = env.HALL_KIOSK_UPDATE_KEY;
  const file = env.HALL_KIOSK_UPDATE_KEY_FILE;
  if (file) {
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      throw new SigningError(`cannot read HALL_KIOSK_UPDATE_KEY_FILE (${file}): ${error.code ?? error.message}`);
    }
  }
  if (!pem)
    throw new SigningError('no release key: set HALL_KIOSK_UPDATE_KEY_FILE (a PEM file) or HALL_KIOSK_UPDATE_KEY (PEM text)');
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SigningError('the release key is not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError(`the release key is ${key.asymmetricKeyType}, not Ed25519`);
  const own = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const expected = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  if (!own.equals(expected))
    throw new SigningError(
      'the release key is not the partner of build/update-signing.pub.pem: kiosks would refuse its signatures',
    );
  return key;
}

/** release.json's bytes: the format electron/signed-release.ts reads. */
export function releaseDocument(version, files) {
  return Buffer.from(`${JSON.stringify({ product: 'hall-kiosk', version, files }, null, 2)}\n`);
}

function describeFile(dir, name) {
  const bytes = readFileSync(join(dir, name));
  return { name, sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length };
}

/** Signs the installers of `version` in `dir`; returns the names signed. */
export function signRelease({ dir, version, key, publicKeyPem }) {
  const names = readdirSync(dir)
    .filter((name) => INSTALLER.test(name) && name.includes(version))
    .sort();
  if (names.length === 0) throw new SigningError(`no installer of version ${version} in ${dir}`);
  const document = releaseDocument(
    version,
    names.map((name) => describeFile(dir, name)),
  );
  const signature = sign(null, document, key);
  // The pair is checked as the shell will check it before anything is published.
  if (!verify(null, document, createPublicKey(publicKeyPem), signature))
    throw new SigningError('the fresh signature does not verify');
  writeFileSync(join(dir, 'release.json'), document);
  writeFileSync(join(dir, 'release.json.sig'), `${signature.toString('base64')}\n`);
  return names;
}

function main() {
  const { values } = parseArgs({
    options: {
      'check-key': { type: 'boolean', default: false },
      dir: { type: 'string', default: join(root, 'release') },
      version: { type: 'string' },
      'public-key': { type: 'string', default: join(root, 'build/update-signing.pub.pem') },
    },
  });
  const unsigned = process.env.HALL_KIOSK_UNSIGNED_PACKAGE === '1';
  const publicKeyPem = readFileSync(values['public-key'], 'utf8');
  try {
    const key = loadSigningKey(process.env, publicKeyPem);
    if (values['check-key']) return console.log('sign-release: the release key is in place');
    const version = values.version ?? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const names = signRelease({ dir: values.dir, version, key, publicKeyPem });
    console.log(`sign-release: signed ${version}: ${names.join(', ')} → release.json, release.json.sig`);
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    if (unsigned && !values['check-key']) {
      console.warn(`sign-release: UNSIGNED build (HALL_KIOSK_UNSIGNED_PACKAGE=1): ${error.message}; no kiosk will install it`);
      return;
    }
    if (unsigned) return console.warn('sign-release: HALL_KIOSK_UNSIGNED_PACKAGE=1: packaging without signing');
    console.error(`sign-release: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
