import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// '.js': Vite's config loader asks for an extension; TypeScript maps it to the .ts file.
import { pinyinIndexPlugin } from './vite-pinyin-index.js';

// The renderer is one app with a route per role (/kiosk, /counter, /display,
// /technician, /manager), served by the host; in development Vite proxies the API to it.
export default defineConfig({
  root: 'renderer',
  base: '/',
  // The pinyin index: a chunk of its own, imported when a Chinese field first needs it.
  plugins: [react(), pinyinIndexPlugin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    // Fonts and images stay files: the CSP allows no data: fonts.
    assetsInlineLimit: 0,
    // Building a zod schema has no side effect: a schema the renderer never reads (the host's
    // config file, say) is dropped instead of shipped. About 0.7 kB gzipped of the 300 kB budget.
    rollupOptions: { treeshake: { manualPureFunctions: ['z'] } },
    // The chunk graph (.vite/manifest.json, never served: the host serves /assets/* only), so the
    // bundle budget can tell what the hall's screens load from what only the staff consoles load.
    manifest: true,
  },
  server: {
    // The host answers only its own names and origin (host/lan/origin-guard.ts): the proxy
    // presents both as the host's.
    proxy: {
      '/api/v1/events': {
        target: 'ws://127.0.0.1:7300',
        ws: true,
        changeOrigin: true,
        headers: { origin: 'http://127.0.0.1:7300' },
      },
      '/api': { target: 'http://127.0.0.1:7300', changeOrigin: true, headers: { origin: 'http://127.0.0.1:7300' } },
    },
  },
});
