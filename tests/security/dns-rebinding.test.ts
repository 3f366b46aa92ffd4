import { request } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { operations, operationUrl } from '../../contracts/api';
import { originVerdict } from '../../host/lan/origin-guard';
import { startTestHost, type TestHost } from '../support/test-host';

/**
 * DNS rebinding: a web page on evil.example (opened in any browser of the kiosk machine, or of a
 * counter PC) re-points its own name to 127.0.0.1 or to the hall host's LAN address, and its
 * scripts then talk to the host as "same origin": read the queue, the card session, the scanner.
 * Such a request carries the attacker's name in its Host header, and a cross-site one its
 * Origin: the host refuses both before any route runs. Its own names (loopback, the address the
 * request arrived at) keep working: the Electron shell and the e2e tests on 127.0.0.1:port, a
 * display on the LAN address.
 */
let host: TestHost;
let port: number;

beforeAll(async () => {
  host = await startTestHost({ config: { lan: { enabled: true } } });
  await host.app.listen({ host: '127.0.0.1', port: 0 });
  const address = host.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  port = address.port;
});
afterAll(async () => host.dispose());

interface Answer {
  status: number;
  code: string | undefined;
}

/** A raw request, so the test can say any Host and Origin a browser would send. */
function get(headers: Record<string, string>, address = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path: operationUrl(operations.health), headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
        resolve({ status: res.statusCode ?? 0, code });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the event stream with the given headers: 'open', or the HTTP status that refused it. */
function openEvents(headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${operationUrl(operations.events)}`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', reject);
  });
}

const refused = { status: 403, code: 'forbidden' };

describe('the host refuses requests for names that are not its own', () => {
  it('answers its loopback names on its own port', async () => {
    expect(await get({ host: `127.0.0.1:${port}` })).toMatchObject({ status: 200 });
    expect(await get({ host: `localhost:${port}` })).toMatchObject({ status: 200 });
  });

  it('refuses a rebound name on the loopback, whatever the port', async () => {
    expect(await get({ host: `evil.example:${port}` })).toEqual(refused);
    expect(await get({ host: 'evil.example' })).toEqual(refused);
    expect(await get({ host: `127.0.0.1.evil.example:${port}` })).toEqual(refused);
  });

  it('refuses its own name on another port (a page of another local server)', async () => {
    expect(await get({ host: `127.0.0.1:${port + 1}` })).toEqual(refused);
  });

  it('refuses a request whose Origin is another site, and takes its own', async () => {
    expect(await get({ host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toEqual(refused);
    expect(await get({ host: `127.0.0.1:${port}`, origin: 'null' })).toEqual(refused);
    expect(await get({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).toMatchObject({ status: 200 });
  });

  it('refuses the event stream to a page of another origin, and opens it to its own', async () => {
    expect(await openEvents({ origin: 'http://evil.example' })).toBe(403);
    expect(await openEvents({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(403);
    expect(await openEvents({ origin: `http://127.0.0.1:${port}` })).toBe('open');
    // The shell's main process and a secondary host's link send no Origin at all.
    expect(await openEvents({})).toBe('open');
  });

  // Another machine's view, without sending anything past the loopback: the request as Fastify
  // would hand it to the guard, arrived at the hall's LAN address.
  const fromLan = (host: string, origin?: string) =>
    ({
      protocol: 'https',
      headers: { host, ...(origin === undefined ? {} : { origin }) },
      socket: { localAddress: '192.0.2.10', localPort: 7443 },
    }) as unknown as FastifyRequest;

  it('lets a display on the LAN reach it by the LAN address it arrived at, or a name the hall is configured with', () => {
    expect(originVerdict(fromLan('192.0.2.10:7443'))).toBe('ok');
    expect(originVerdict(fromLan('hall-7.example:7443'), new Set(['hall-7.example']))).toBe('ok');
    expect(originVerdict(fromLan('192.0.2.10:7443', 'https://192.0.2.10:7443'))).toBe('ok');
    expect(originVerdict(fromLan('evil.example:7443'))).toBe('host');
    expect(originVerdict(fromLan('192.0.2.10:7300'))).toBe('host');
    expect(originVerdict(fromLan('192.0.2.10:7443', 'https://evil.example'))).toBe('origin');
  });
});
