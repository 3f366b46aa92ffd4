import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The public complaint page (renderer/complaint.html), built apart from the hall's renderer and
 * the district console into the same dist/renderer, with its own manifest: an enterprise on a
 * phone loads React, the form and the schemas it checks with, and nothing of the console
 * (vite.district.config.ts says why a page gets a build of its own). Run after the hall's build,
 * which empties the folder.
 */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { complaint: decodeURIComponent(new URL('./renderer/complaint.html', import.meta.url).pathname) },
      treeshake: { manualPureFunctions: ['z'] },
    },
    manifest: '.vite/complaint-manifest.json',
  },
  server: {
    // `vite --config vite.complaint.config.ts`: the page against a platform on its default port.
    proxy: { '/v1': { target: 'http://127.0.0.1:7310', changeOrigin: true } },
  },
});
