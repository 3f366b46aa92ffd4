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
   * display, the pairing and progress pages (every chunk reachable without entering a console),
   * the named large lazy assets included.
   */
  screensGzipBytes: number;
  /** What only the staff consoles load (technician, manager and their sections, ECharts). */
  consolesGzipBytes: number;
  /**
   * What the kiosk page loads before its first paint: the entry chunk and its static imports,
   * transitively, from Vite's manifest (what index.html names as script and module preloads).
   */
  firstPaintGzipBytes: number;
  /** Those chunks' files. */
  firstPaintFiles: string[];
  /**
   * The screens' JavaScript loaded later, when a screen opens (the kiosk's flows, which the idle
   * attract screen preloads; the other roles' pages), the named large lazy assets excluded. A JS
   * file of the build that no manifest names (a worker's bundle) counts here unless it is one of them.
   */
  lazyScreensGzipBytes: number;
  /** The named large lazy assets (LARGE_LAZY_ASSETS), each with its own bound; 0 bytes when not built. */
  largeLazyAssets: { name: string; gzipBytes: number; files: string[] }[];
  /**
   * The district console's page (district.html, a build of its own served by the platform): every
   * chunk it can load, its own copy of React and the libraries included. 0 when not built.
   */
  districtGzipBytes: number;
  /** The public complaint page (complaint.html, a build of its own served by the platform at /complaint). 0 when not built. */
  complaintGzipBytes: number;
}

/**
 * Large assets a single kiosk screen loads when it opens, never before the first paint, each
 * bounded on its own (tests/e2e/bundle-budget.test.ts) instead of inside the screens' budget: the
 * document camera's image library and the pinyin dictionary's index. Found by file name under
 * assets/ (a chunk, a worker's bundle or a data file), so whatever builds them keeps the name in it.
 */
export const LARGE_LAZY_ASSETS: readonly { name: string; file: RegExp }[] = [
  { name: 'opencv', file: /opencv/i },
  { name: 'pinyin index', file: /pinyin-index/i },
];

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
 * Gzipped JavaScript of the built renderer (fonts and CSS excluded). The first-paint part is what
 * stands between a cold start and the attract screen; the lazy screens' part loads as screens
 * open, the named large assets (the camera's image library, the pinyin index) apart with bounds
 * of their own; the consoles' part loads only when a technician or supervisor opens their console.
 */
export function rendererBundleSize(rendererDir: string): BundleSize {
  const assets = join(rendererDir, 'assets');
  const all = readdirSync(assets);
  const js = all.filter((f) => f.endsWith('.js'));
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gz(f), 0);
  const manifest = readManifest(rendererDir);
  const screens = screenChunks(manifest);
  const firstPaint = firstPaintChunks(manifest);
  const district = pageChunks(rendererDir, 'district-manifest.json');
  const complaint = pageChunks(rendererDir, 'complaint-manifest.json');
  const hallFiles = new Set(Object.values(manifest).map((chunk) => chunk.file.replace(/^assets\//, '')));
  const hall = js.filter((f) => hallFiles.has(f));
  // JS no manifest names: a worker's bundle, emitted beside the chunks of whichever page imports it.
  const unlisted = js.filter((f) => !hallFiles.has(f) && !district.has(f) && !complaint.has(f));
  const largeLazyAssets = LARGE_LAZY_ASSETS.map(({ name, file }) => {
    const files = all.filter((f) => file.test(f) && !f.endsWith('.map'));
    return { name, gzipBytes: sum(files), files };
  });
  const named = new Set(largeLazyAssets.flatMap((asset) => asset.files));
  const screenJs = [...hall.filter((f) => screens.has(f)), ...unlisted];
  return {
    files: js.length,
    totalGzipBytes: sum(js),
    screensGzipBytes: sum(screenJs),
    consolesGzipBytes: sum(hall.filter((f) => !screens.has(f))),
    firstPaintGzipBytes: sum(hall.filter((f) => firstPaint.has(f))),
    firstPaintFiles: hall.filter((f) => firstPaint.has(f)),
    lazyScreensGzipBytes: sum(screenJs.filter((f) => !firstPaint.has(f) && !named.has(f))),
    largeLazyAssets,
    districtGzipBytes: sum(district),
    complaintGzipBytes: sum(complaint),
  };
}

type Manifest = z.infer<typeof Manifest>;

function readManifest(rendererDir: string): Manifest {
  return Manifest.parse(JSON.parse(readFileSync(join(rendererDir, '.vite/manifest.json'), 'utf8')));
}

/** The entry chunk and what it imports statically, transitively: loaded before anything paints. */
function firstPaintChunks(manifest: Manifest): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return new Set([...seen].map((key) => (manifest[key]?.file ?? '').replace(/^assets\//, '')));
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
function screenChunks(manifest: Manifest): Set<string> {
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
