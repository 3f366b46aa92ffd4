import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: number;
  /** Every JS chunk of the renderer (kiosk, counter, display and all flows), gzipped. */
  totalGzipBytes: number;
  /** The chunks index.html loads before anything paints (entry and its static imports). */
  initialGzipBytes: number;
}

/**
 * Gzipped JavaScript of the built renderer (fonts and CSS excluded). The total is what a kiosk
 * could ever load; the initial part is what stands between a cold start and the attract screen.
 */
export function rendererBundleSize(rendererDir: string): BundleSize {
  const assets = join(rendererDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((m) => m[1] ?? ''));
  return {
    files: js.length,
    totalGzipBytes: js.reduce((sum, f) => sum + gz(f), 0),
    initialGzipBytes: js.filter((f) => initial.has(f)).reduce((sum, f) => sum + gz(f), 0),
  };
}
