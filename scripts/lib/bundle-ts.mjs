import { build } from 'esbuild';

/**
 * Bundles one TypeScript entry (a bench, the screenshot tour) into a Node ESM file; packages
 * stay external, so native modules (better-sqlite3, serialport) load from node_modules.
 */
export async function bundleNodeScript(root, entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}
