import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SignedRelease } from './signed-release';
import { UpdateRefused } from './update-refused';

export interface FileDigest {
  /** base64, as in latest.yml and release.json. */
  sha512: string;
  size: number;
}

/** SHA-512 and size of a file, streamed (an installer is 100 MB or more). */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha512');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { sha512: hash.digest('base64'), size };
}

/**
 * The downloaded installer must be one the release lists: same SHA-512, same size. It is what
 * electron-updater will run, so it is hashed here rather than trusting latest.yml, which the
 * feed serves unsigned.
 */
export async function checkInstaller(path: string, release: SignedRelease): Promise<FileDigest> {
  const digest = await digestFile(path);
  const listed = release.files.some((file) => file.sha512 === digest.sha512 && file.size === digest.size);
  if (!listed)
    throw new UpdateRefused('installer_mismatch', `the downloaded installer is not the one signed for ${release.version}`);
  return digest;
}

/** Just before it runs: the installer on disk is still the one checked after the download. */
export async function checkUnchanged(path: string, checked: FileDigest): Promise<void> {
  const now = await digestFile(path);
  if (now.sha512 !== checked.sha512 || now.size !== checked.size)
    throw new UpdateRefused('installer_mismatch', 'the downloaded installer changed on disk after it was checked');
}
