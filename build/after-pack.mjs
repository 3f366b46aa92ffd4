// electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, then reads
// them back. It runs after the app is copied and before signing (a signature must cover the
// flipped bytes). Fuses are switches compiled into the Electron binary that no argument,
// environment variable or script can turn back at run time.
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { join } from 'node:path';

/** @type {import('@electron/fuses').FuseV1Config & { strictlyRequireAllFuses: true }} */
export const FUSES = {
  version: FuseVersion.V1,
  // Packaging fails if this Electron has a fuse not set here: a new fuse gets a decision.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed kiosk binary into a plain Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keyring, as in Chrome.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger port into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Validates app.asar against the hash electron-builder embeds (Windows, macOS; Linux has no
  // embedded hash yet, so there the fuse changes nothing).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar: no loose app/ folder next to it can replace the code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No separate browser-process V8 snapshot is shipped.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served over HTTP by the host, never from file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default, kept: V8 traps out-of-bounds WebAssembly memory access.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/**
 * The packaged Electron executable, named as electron-builder names it (platformPackager's
 * addElectronFuses): Linux uses the packager's executableName, Windows the product file name.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 */
export function packagedBinary(context) {
  switch (context.electronPlatformName) {
    case 'linux':
      if (!context.packager.executableName) throw new Error('afterPack: the Linux packager has no executableName');
      return join(context.appOutDir, context.packager.executableName);
    case 'win32':
      return join(context.appOutDir, `${context.packager.appInfo.productFilename}.exe`);
    default:
      // macOS is not a target (build/electron-builder.mjs); its binary lives in the .app bundle
      // and would need resetAdHocDarwinSignature on arm64.
      throw new Error(`afterPack: no fuse handling for platform ${context.electronPlatformName}`);
  }
}

/** Which fuses differ from FUSES in a wire read back from a binary (empty when all are set). */
export function fuseMismatches(wire) {
  const mismatches = [];
  for (const [key, wanted] of Object.entries(FUSES)) {
    const index = Number(key);
    if (!Number.isInteger(index)) continue; // version, strictlyRequireAllFuses
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    if (wire[index] !== expected) mismatches.push(`${FuseV1Options[index]}: ${wire[index]} instead of ${expected}`);
  }
  return mismatches;
}

/** @param {Parameters<typeof packagedBinary>[0]} context */
export async function afterPack(context) {
  const binary = packagedBinary(context);
  await flipFuses(binary, FUSES);
  const mismatches = fuseMismatches(await getCurrentFuseWire(binary));
  if (mismatches.length > 0) throw new Error(`afterPack: fuses not as configured in ${binary}: ${mismatches.join('; ')}`);
  console.log(`  • fuses flipped and verified  binary=${binary}`);
}

export default afterPack;
