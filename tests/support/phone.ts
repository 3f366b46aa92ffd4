import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './browser';
import type { TestHost } from './test-host';

/** The name the hall's Wi-Fi gives the hall host in these tests (in `lan.names`, so its certificate lists it). */
export const HALL_WIFI_NAME = 'hall-wifi.test';
/** A citizen's phone on the hall Wi-Fi. */
export const PHONE_ADDRESS = '192.168.10.77';
/** A phone-sized screen (a common 6.1-inch phone). */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

export interface PhoneLan {
  /** `https://hall-wifi.test:<port>`: what the hall's `publicUrl` names. */
  origin: string;
  /** The server certificate's public key pin (base64 SHA-256 of its SPKI), for the phone's browser. */
  spki: string;
  close(): Promise<void>;
}

/**
 * The hall's LAN listener as a phone on the Wi-Fi meets it: TLS with the host's own LAN
 * certificate (`<data>/lan-tls/`, listing `lan.names`), the host's Fastify app behind it, as
 * `LanListener` does. Tests send nothing beyond loopback, so the listener runs on 127.0.0.1 and
 * each connection is given the phone's address (`PHONE_ADDRESS`) as its peer, as `app.inject`'s
 * `remoteAddress` does: the host sees an unpaired client of the LAN, never this machine.
 */
export async function listenAsPhoneOnLan(host: TestHost, peerAddress = PHONE_ADDRESS): Promise<PhoneLan> {
  const dir = join(host.dataDir, 'lan-tls');
  const cert = readFileSync(join(dir, 'server.pem'), 'utf8');
  const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
  await host.app.ready();
  const sockets = new Set<Socket>();
  const server: Server = createServer(
    { key: readFileSync(join(dir, 'server-key.pem'), 'utf8'), cert: `${cert.trim()}\n${ca.trim()}\n` },
    (req, res) => host.app.routing(req, res),
  );
  server.on('secureConnection', (socket) => {
    Object.defineProperty(socket, 'remoteAddress', { value: peerAddress });
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const spki = createHash('sha256')
    .update(createPublicKey(cert).export({ type: 'spki', format: 'der' }))
    .digest('base64');
  return {
    origin: `https://${HALL_WIFI_NAME}:${port}`,
    spki,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A phone's browser, never paired: Chromium resolving the hall's Wi-Fi name to loopback (no DNS
 * query leaves the machine) and trusting the hall's server certificate by its key, as a phone
 * whose owner accepted the hall's certificate would; a phone-sized, touch context.
 */
export async function openPhone(lan: PhoneLan): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--host-resolver-rules=MAP ${HALL_WIFI_NAME} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${lan.spki}`,
    ],
  });
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return { browser, context, page: await context.newPage() };
}
