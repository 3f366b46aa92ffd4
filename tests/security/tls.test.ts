import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HostConfig } from '../../contracts/config';
import { LanTlsInfo } from '../../contracts/pairing';
import { certificateFingerprint } from '../../host/lan/fingerprint';
import { startTestHost, type TestHost } from '../support/test-host';
import { testStaffSeeds } from '../support/staff';
import { httpsGet, impostorCertificate, listenLan } from './support/tls';

/** The hall with its LAN listener on 127.0.0.1 (a free port), as a counter PC would reach it. */
const LAN = { enabled: true, host: '127.0.0.1', port: 0 };

/**
 * Hole: "the host listens on plain http; staff PINs, tokens and the pairing reply cross the LAN
 * in clear". The hall's LAN listener speaks HTTPS only, with a CA of its own made at first boot.
 */
describe('TLS on the hall LAN: the LAN listener', () => {
  let hall: TestHost;
  let lanUrl: string;
  beforeEach(async () => {
    hall = await startTestHost({ config: { staff: await testStaffSeeds(), lan: LAN } });
    lanUrl = await listenLan(hall);
  });
  afterEach(async () => {
    await hall.dispose();
  });

  it('answers only over HTTPS: a plain-http request to the LAN listener gets no answer at all', async () => {
    expect(lanUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // The staff sign-in a passer-by on the Wi-Fi would read, sent in clear: nothing is served.
    const plain = fetch(`${lanUrl.replace('https:', 'http:')}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo: '1001', pin: '246810' }),
    });
    await expect(plain).rejects.toThrow();
    // And the listener is the same API over TLS.
    const ca = (await httpsGet(`${lanUrl}/api/v1/lan/ca-certificate`, null)).body;
    const health = await httpsGet(`${lanUrl}/api/v1/health`, ca);
    expect(health.status).toBe(200);
  });

  it('offers its CA certificate (never a key) and its fingerprint, and a client trusting it verifies the server', async () => {
    const download = await httpsGet(`${lanUrl}/api/v1/lan/ca-certificate`, null);
    expect(download.status).toBe(200);
    expect(download.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(download.body).not.toContain('PRIVATE KEY');
    const info = LanTlsInfo.parse(JSON.parse((await httpsGet(`${lanUrl}/api/v1/lan/tls`, download.body)).body));
    expect(info.caFingerprint).toBe(certificateFingerprint(download.body));
    // A client that trusts only some other CA is refused by its own TLS check.
    const other = await impostorCertificate();
    await expect(httpsGet(`${lanUrl}/api/v1/health`, other.ca.certPem)).rejects.toThrow();
  });

  it('streams the hall’s events over wss to a client trusting the hall CA', async () => {
    const ca = (await httpsGet(`${lanUrl}/api/v1/lan/ca-certificate`, null)).body;
    const socket = new WebSocket(`${lanUrl.replace('https:', 'wss:')}/api/v1/events`, { ca: [ca] });
    const hello = await new Promise<unknown>((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data))));
      socket.once('error', reject);
    });
    socket.close();
    expect(hello).toMatchObject({ type: 'hello' });
  });

  it('keeps its CA across restarts, with private keys readable by the host’s user only', async () => {
    const before = (await httpsGet(`${lanUrl}/api/v1/lan/ca-certificate`, null)).body;
    for (const key of ['ca-key.pem', 'server-key.pem']) {
      expect(statSync(join(hall.dataDir, 'lan-tls', key)).mode & 0o777).toBe(0o600);
    }
    await hall.close();
    const again = await startTestHost({ dataDir: hall.dataDir, config: { lan: LAN } });
    try {
      const after = (await httpsGet(`${await listenLan(again)}/api/v1/lan/ca-certificate`, before)).body;
      expect(after).toBe(before);
    } finally {
      await again.close();
    }
  });
});

describe('TLS on the hall LAN: the configuration', () => {
  it('keeps the plain-http listener on this machine: the LAN is served by the HTTPS listener', () => {
    const lanOnPlainHttp = HostConfig.safeParse({ listen: { host: '0.0.0.0' }, lan: { enabled: true } });
    expect(lanOnPlainHttp.success).toBe(false);
    expect(lanOnPlainHttp.error?.issues[0]?.path).toEqual(['listen', 'host']);
    expect(HostConfig.parse({ lan: { enabled: true } }).lan).toMatchObject({ host: '0.0.0.0', port: 7443 });
  });
});
