/**
 * Kiosk first paint (issue 7): how long a cold kiosk page takes to paint and to show its
 * attract screen, against a baseline measured in the same run — a static page with one line of
 * Chinese text served from the same machine — plus the renderer's gzipped JavaScript budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig } from '../../contracts/config';
import { createHost } from '../../host/app';
import { launchChromium } from '../support/browser';
import { rendererBundleSize } from '../renderer/bundle-size';
import { median, report } from './harness';

const RUNS = 9;
const root = process.cwd();
const rendererDir = join(root, 'dist/renderer');

const size = rendererBundleSize(rendererDir);
report({
  name: 'renderer JS gzipped (all chunks)',
  value: size.totalGzipBytes / 1024,
  unit: 'kB',
  baseline: 300,
  baselineName: 'budget',
  target: 1,
});
console.log(`  before first paint: ${(size.initialGzipBytes / 1024).toFixed(1)} kB in the entry chunks`);

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-paint-'));
const host = await createHost({
  config: HostConfig.parse({ devices: [{ id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' } }] }),
  migrationsDir: join(root, 'db/migrations'),
  rendererDir,
  dbFile: join(dataDir, 'hall.sqlite'),
  logLevel: 'silent',
});
const kioskBase = await host.app.listen({ host: '127.0.0.1', port: 0 });
const baselineServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html lang="zh-CN"><body><h1 id="ready">欢迎办理政务服务</h1></body></html>');
});
await new Promise<void>((resolve) => baselineServer.listen(0, '127.0.0.1', resolve));
const address = baselineServer.address();
if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
const baselineUrl = `http://127.0.0.1:${address.port}/`;

const browser = await launchChromium();
async function measure(url: string, ready: string): Promise<{ fcp: number; ready: number }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).waitFor();
  const result = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: paint?.startTime ?? Number.NaN, ready: performance.now() };
  });
  await context.close();
  return result;
}

const kiosk: { fcp: number; ready: number }[] = [];
const baseline: { fcp: number; ready: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await measure(baselineUrl, '#ready'));
  kiosk.push(await measure(`${kioskBase}/kiosk`, '[data-testid="attract"]'));
}
const baseFcp = median(baseline.map((m) => m.fcp));
report({
  name: 'kiosk first contentful paint',
  value: median(kiosk.map((m) => m.fcp)),
  unit: 'ms',
  baseline: baseFcp,
  baselineName: 'static page FCP',
});
report({
  name: 'kiosk attract screen shown',
  value: median(kiosk.map((m) => m.ready)),
  unit: 'ms',
  baseline: baseFcp,
  baselineName: 'static page FCP',
});

await browser.close();
await host.close();
baselineServer.close();
rmSync(dataDir, { recursive: true, force: true });
