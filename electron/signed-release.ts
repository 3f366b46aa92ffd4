import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { UpdateRefused } from './update-refused';
import { isReleaseVersion } from './version-order';

/** base64 of a SHA-512 digest (88 characters), as electron-builder writes it in latest.yml. */
const Sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

/**
 * release.json: what the packaging step (scripts/sign-release.mjs) signed. The shell installs a
 * file only when its SHA-512 and size are listed here, under this version.
 */
export const SignedRelease = z.strictObject({
  product: z.literal('hall-kiosk'),
  version: z.string().refine(isReleaseVersion, 'a plain x.y.z version'),
  files: z
    .array(z.strictObject({ name: z.string().min(1).max(255), sha512: Sha512, size: z.number().int().positive() }))
    .min(1)
    .max(32),
});
export type SignedRelease = z.infer<typeof SignedRelease>;

/** An Ed25519 signature is 64 bytes: 88 characters of base64. */
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

/**
 * Checks `signatureText` (release.json.sig: base64, surrounding whitespace allowed) over the exact
 * bytes of release.json with the release key's public half, and only then reads the document.
 * Throws UpdateRefused: bad_signature for a wrong key or any change, bad_metadata for a signed
 * document the shell cannot use.
 */
export function verifySignedRelease(document: Uint8Array, signatureText: string, publicKeyPem: string): SignedRelease {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the update public key is not an Ed25519 key');
  const signature = signatureText.trim();
  if (!SIGNATURE.test(signature)) throw new UpdateRefused('bad_signature', 'release.json.sig is not an Ed25519 signature');
  if (!verify(null, document, key, Buffer.from(signature, 'base64')))
    throw new UpdateRefused('bad_signature', 'release.json is not signed by the Hall Kiosk release key');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(document));
  } catch {
    throw new UpdateRefused('bad_metadata', 'release.json is not JSON');
  }
  const release = SignedRelease.safeParse(parsed);
  if (!release.success) throw new UpdateRefused('bad_metadata', `release.json: ${release.error.issues[0]?.message ?? 'invalid'}`);
  return release.data;
}
