import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

export interface BundleSize {
  files: number;
  /** Every JS chunk of the renderer, gzipped. */
  totalGzipBytes: number;
  /**
   * What the hall's screens can ever load: the kiosk with all its flows, the counter, the hall
   * display, the pairing and progress pages (every chunk reachable without entering a console).
   */
  screensGzipBytes: number;
  /** What only the staff consoles load (technician, manager and their sections, ECharts). */
  consolesGzipBytes: number;
  /** The chunks index.html loads before anything paints (entry and its static imports). */
  initialGzipBytes: number;
  /**
   * The district console's page (district.html, a build of its own served by the platform): every
   * chunk it can load, its own copy of React and the libraries included. 0 when not built.
   */
  districtGzipBytes: number;
  /** The public complaint page (complaint.html, a build of its own served by the platform at /complaint). 0 when not built. */
  complaintGzipBytes: number;
}

/** The consoles' modules as Vite's manifest names them (relative to `renderer/`). */
const CONSOLE_ENTRIES = ['technician/TechnicianApp.tsx', 'manager/ManagerApp.tsx'];

const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
  }),
);

/**
 * Gzipped JavaScript of the built renderer (fonts and CSS excluded). The screens' part is what a
 * kiosk could ever load; the initial part is what stands between a cold start and the attract
 * screen; the consoles' part loads only when a technician or supervisor opens their console.
 */
export function rendererBundleSize(rendererDir: string): BundleSize {
  const assets = join(rendererDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gz(f), 0);
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((m) => m[1] ?? ''));
  const screens = screenChunks(rendererDir);
  const district = pageChunks(rendererDir, 'district-manifest.json');
  const complaint = pageChunks(rendererDir, 'complaint-manifest.json');
  const hall = js.filter((f) => hallChunks(rendererDir).has(f));
  return {
    files: js.length,
    totalGzipBytes: sum(js),
    screensGzipBytes: sum(hall.filter((f) => screens.has(f))),
    consolesGzipBytes: sum(hall.filter((f) => !screens.has(f))),
    initialGzipBytes: sum(js.filter((f) => initial.has(f))),
    districtGzipBytes: sum(district),
    complaintGzipBytes: sum(complaint),
  };
}

/** Every chunk file of the hall's renderer (its manifest): the district page's build is not among them. */
function hallChunks(rendererDir: string): Set<string> {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(rendererDir, '.vite/manifest.json'), 'utf8')));
  return new Set(Object.values(manifest).map((chunk) => chunk.file.replace(/^assets\//, '')));
}

/**
 * A page's chunk files, from its own manifest (vite.district.config.ts, vite.complaint.config.ts);
 * none when it is not built.
 */
function pageChunks(rendererDir: string, manifestName: string): Set<string> {
  const file = join(rendererDir, '.vite', manifestName);
  if (!existsSync(file)) return new Set();
  const manifest = Manifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Set(
    Object.values(manifest)
      .map((chunk) => chunk.file.replace(/^assets\//, ''))
      .filter((f) => f.endsWith('.js')),
  );
}

/** The chunk files reachable from the entry without passing into a console (static or dynamic imports). */
function screenChunks(rendererDir: string): Set<string> {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(rendererDir, '.vite/manifest.json'), 'utf8')));
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || CONSOLE_ENTRIES.includes(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  for (const console of CONSOLE_ENTRIES)
    if (!(console in manifest)) throw new Error(`bundle size: the build has no chunk for ${console}`);
  return new Set([...seen].map((key) => (manifest[key]?.file ?? '').replace(/^assets\//, '')));
}
