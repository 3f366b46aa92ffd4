/** A release version as the packaging step writes it (package.json): major.minor.patch. */
const RELEASE_VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function isReleaseVersion(version: string): boolean {
  return RELEASE_VERSION.test(version);
}

/**
 * Whether `candidate` comes after `running`. Releases are plain x.y.z (no pre-release tags), so
 * the order is the numbers' order; a running version that is not plain (a development build)
 * gets its x.y.z part compared.
 */
export function isNewerVersion(candidate: string, running: string): boolean {
  const a = RELEASE_VERSION.exec(candidate);
  const b = /^(\d+)\.(\d+)\.(\d+)/.exec(running);
  if (a === null || b === null) return false;
  for (let i = 1; i <= 3; i++) {
    const diff = Number(a[i]) - Number(b[i]);
    if (diff !== 0) return diff > 0;
  }
  return false;
}
