import { defineConfig } from 'vitest/config';

// Two projects: `unit` (unit + integration, plain Node: never imports electron)
// and `e2e` (Playwright driving Debian's Chromium against a real host).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/reliability/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // Needs the build (dist/): e2e in Chromium and reliability runs of the real host process.
          include: ['tests/e2e/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // A screen reacting to an event can take seconds on two busy cores; the 1 s default
          // made waits flaky, never the product.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
