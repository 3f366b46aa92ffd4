import { defineConfig } from 'vitest/config';
// '.js': Vite's config loader asks for an extension; TypeScript maps it to the .ts file.
import { pinyinIndexPlugin } from './vite-pinyin-index.js';

// Four projects: `unit` (unit + integration, plain Node: never imports electron), `renderer` (the
// renderer's logic and components in happy-dom, against a fake API client and event stream), `e2e`
// (Playwright driving Debian's Chromium against a real host) and `reliability` (kill -9, central
// API chaos, device faults over ptys, storage failure, a simulated hall day, fuzzing).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/reliability/**', 'node_modules/**'],
          environment: 'node',
          // The platform's databases: PGlite's migrated dump, the PostgreSQL test server and its template.
          globalSetup: ['tests/platform/support/global-setup.ts'],
          // Both cores: Vitest's default (cores − 1) ran these one file at a time on the
          // 2-core machines, 181 s instead of 111 s.
          maxWorkers: 2,
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // The on-screen keyboard imports the pinyin index as the built renderer does.
        plugins: [pinyinIndexPlugin()],
        test: {
          name: 'renderer',
          // Component tests (.tsx); the renderer's pure logic (reducers, formats) is tested in `unit`.
          include: ['tests/renderer/**/*.test.tsx'],
          // A DOM without a browser: a component renders in milliseconds, a kiosk visit in well under a second.
          environment: 'happy-dom',
          setupFiles: ['tests/renderer/support/setup.ts'],
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          // Needs the build (dist/renderer): Chromium against a real host.
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/platform/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Two files at a time: a browser test mostly waits (for a host, a screen, a device), and
          // one at a time left the two cores a third used (e2e took 588 s, now 388 s).
          maxWorkers: 2,
          // A screen reacting to an event can take seconds on two busy cores; the 1 s default
          // made waits flaky, never the product.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'reliability',
          // Needs the build (dist/): some files kill -9 the built host process; one drives Chromium.
          // One file at a time: they spawn processes, ptys and browsers, and some sample memory.
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/platform/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
