import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CatalogItem } from '../../contracts/central-api';
import type { HostConfigInput } from '../../contracts/config';
import { HALL_CATALOG } from '../../contracts/hall-catalog';
import type { Clock } from '../../host/clock/clock';
import { listenCentral, token, type ListeningApi, type ListenOptions } from '../host/sync/support';
import { issueCredential } from '../platform/support/halls';
import { adminAuth } from '../platform/support/platform';
import { launchChromium } from './browser';
import { waitFor } from './wait';
import { testStaffSeeds } from './staff';
import { rendererDir, startTestHost, type TestHost } from './test-host';

/** The kiosk's devices in the embedded demo: reader, printer and scanner, all simulated. */
export const KIOSK_DEVICES: NonNullable<HostConfigInput['devices']> = [
  { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
  { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' }, options: { printer: { paperWidth: 80 } } },
  { id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } },
];

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export interface KioskHarness {
  host: TestHost;
  central: ListeningApi;
  browser: Browser;
  /** The host's address (the renderer is served from it). */
  base: string;
  /** A fresh browser context on /kiosk, attract screen painted. */
  openKiosk(options?: {
    viewport?: { width: number; height: number };
    /** Runs before the first navigation (e.g. `page.clock.install()` for idle timeouts). */
    beforeLoad?: (page: Page) => Promise<void>;
  }): Promise<{ page: Page; context: BrowserContext }>;
  dispose(): Promise<void>;
}

/**
 * The harness of one `describe`, started before its tests and disposed after them; its members
 * are read when a test runs (before the harness has started, reading one throws). With
 * `closePagesAfterEach`, every browser context a test opened is closed after it: a test that
 * failed half-way would leave its kiosk page open, holding the kiosk seat, and the next test's
 * page would only see the seat-taken notice.
 */
export function useKioskHarness(
  options: Parameters<typeof startKioskHarness>[0] = {},
  each: { closePagesAfterEach?: boolean } = {},
): KioskHarness {
  let started: KioskHarness | undefined;
  const current = (): KioskHarness => {
    if (started === undefined) throw new Error('the kiosk harness is read before its beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await startKioskHarness(options);
  });
  afterAll(async () => {
    await started?.dispose();
  });
  if (each.closePagesAfterEach === true) {
    afterEach(async () => {
      for (const context of started?.browser.contexts() ?? []) await context.close();
    });
  }
  return {
    get host() {
      return current().host;
    },
    get central() {
      return current().central;
    },
    get browser() {
      return current().browser;
    },
    get base() {
      return current().base;
    },
    openKiosk: (open) => current().openKiosk(open),
    dispose: () => current().dispose(),
  };
}

/**
 * A real host (built renderer, simulated devices, staff 1001/9001/8001) talking to the real
 * district platform on PGlite on loopback, and Debian's Chromium. One per test file.
 */
export async function startKioskHarness(
  options: {
    config?: HostConfigInput;
    /** The host's clock (opening hours, business day, ages); the wall clock when left out. */
    clock?: Clock;
    /**
     * The registered hall of the demo district the host runs as (e.g. `hall-02`, a community
     * centre), signed in with a credential of its own, as a real hall's host is: the platform
     * answers it for that hall and its level. Left out: the demo hall `hall-01` on the dev token.
     */
    hallId?: string;
    /**
     * The central API's catalog, in place before the host first fetches it. Left out: with a
     * `hallId`, the district's whole catalog as the platform seeds it (served per level); without
     * one, the hall's own few items (HALL_CATALOG), the list the kiosk flows' tests are written against.
     */
    catalog?: readonly CatalogItem[];
    /** More of the platform's options (its console page: `rendererDir`, `demoAdmin`). */
    platform?: ListenOptions['platform'];
    /** More Chromium switches (the fake document camera: tests/support/fake-camera.ts). */
    chromiumArgs?: readonly string[];
  } = {},
): Promise<KioskHarness> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer missing: run `npm run build` first');
  const central = await listenCentral(options.platform ? { platform: options.platform } : {});
  const catalog = options.catalog ?? (options.hallId === undefined ? HALL_CATALOG : undefined);
  if (catalog !== undefined) await replaceCatalog(central, catalog);
  const hall =
    options.hallId === undefined
      ? { token }
      : { hallId: options.hallId, token: (await issueCredential(central.api, options.hallId)).token };
  const host = await startTestHost({
    withRenderer: true,
    ...(options.clock ? { clock: options.clock } : {}),
    config: {
      staff: await testStaffSeeds(),
      devices: KIOSK_DEVICES,
      ...(hall.hallId === undefined ? {} : { hallId: hall.hallId }),
      centralApi: { url: central.baseUrl, token: hall.token },
      // Status changes made at the central API reach the kiosk within a second, not 30.
      sync: { pullIntervalMs: 1_000 },
      ...options.config,
    },
  });
  const base = await host.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium(options.chromiumArgs);
  return {
    host,
    central,
    browser,
    base,
    async openKiosk({ viewport = LANDSCAPE, beforeLoad } = {}) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      if (beforeLoad) await beforeLoad(page);
      await page.goto(`${base}/kiosk`);
      await page.getByTestId('attract').waitFor();
      return { page, context };
    },
    async dispose() {
      await browser.close();
      await host.dispose();
      await central.close();
    },
  };
}

/** Replaces the central API's whole catalog, as its operator does (PUT /v1/admin/catalog). */
async function replaceCatalog(central: ListeningApi, items: readonly CatalogItem[]): Promise<void> {
  const res = await central.api.app.inject({ method: 'PUT', url: '/v1/admin/catalog', headers: adminAuth, payload: { items } });
  if (res.statusCode !== 200) throw new Error(`the central API refused the catalog: ${res.statusCode} ${res.body}`);
}

/** Lays a simulated card on the reader and waits for the kiosk to greet its holder. */
export async function startVisitWithCard(page: Page, host: TestHost, cardId = 'zhangSan'): Promise<void> {
  // A card left on the reader by an earlier visit is not read again: take it off first, and
  // wait until the reader has reported it gone.
  host.devices.placeSimulatedCard(null);
  await waitFor(() => (host.identity.cardOnReader() ? undefined : true), 'the reader to see the card taken');
  if (!host.devices.placeSimulatedCard(cardId)) throw new Error('no simulated reader');
  await page.getByTestId('citizen-name').waitFor();
}

/**
 * A visit that ended with the card still on the reader: the kiosk asks for the card back
 * (请取回您的身份证) and shows the attract screen only once the card is taken.
 */
export async function takeCardBack(page: Page, host: TestHost): Promise<void> {
  await page.getByTestId('take-card').waitFor();
  host.devices.placeSimulatedCard(null);
  await page.getByTestId('attract').waitFor();
}

/** Touches the attract screen to start without a card. */
export async function startVisitWithoutCard(page: Page): Promise<void> {
  await page.getByTestId('attract').getByRole('button').first().click();
  await page.getByTestId('citizen-name').waitFor();
}

/** Opens a flow from the home tiles. */
export async function openFlow(page: Page, flow: string): Promise<void> {
  await page.locator(`button.tile[data-flow="${flow}"]`).click();
  await page.locator(`section.flow[data-flow="${flow}"]`).waitFor();
}

/** Switches 长辈版 on (or off) with the header button. */
export async function setElderMode(page: Page, on: boolean): Promise<void> {
  const isOn = (await page.locator('.kiosk.elder').count()) > 0;
  if (isOn !== on) await page.locator('.kiosk-tools button[aria-pressed]').first().click();
}

/** axe-core on the current screen: the serious and critical violations (expected to be none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
