import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The district platform's console page (renderer/district.html), built apart from the hall's
 * renderer (vite.config.ts) into the same dist/renderer, with its own manifest. It is served by
 * the platform (platform/api/console-page.ts), never by a hall host, and shares no chunk with the
 * hall's screens: built as a second entry of one build, the chunks both entries share took the
 * district's parts of zod and the query library into the kiosk's first paint (+2.2 kB gzipped,
 * past the screens' 300 kB budget). Run after the hall's build, which empties the folder.
 */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: false,
    chunkSizeWarningLimit: 1024,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { district: decodeURIComponent(new URL('./renderer/district.html', import.meta.url).pathname) },
      treeshake: { manualPureFunctions: ['z'] },
    },
    // Its own chunk graph, beside the hall's .vite/manifest.json (tests/renderer/bundle-size.ts).
    manifest: '.vite/district-manifest.json',
  },
  server: {
    // `vite --config vite.district.config.ts`: the page against a platform on its default port.
    proxy: { '/v1': { target: 'http://127.0.0.1:7310', changeOrigin: true } },
  },
});
