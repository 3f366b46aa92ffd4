import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../contracts/config';
import { ConfigError, loadConfig } from '../../host/config/load-config';
import { centralFetch } from '../../host/lan/ca-file';
import { CentralClient } from '../../host/sync/central-client';
import { startTestHost } from '../support/test-host';
import { closeServer, impostorCertificate, tlsServer } from './support/tls';

/**
 * Hole: "an `http:` central API URL sends whole cases" in clear. The central API must be https
 * unless it is this machine (the district platform of the demo); a province's own CA is a file.
 */
describe('TLS to the central API', () => {
  const dirs: string[] = [];
  const servers: Parameters<typeof closeServer>[0][] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await closeServer(server);
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-central-'));
    dirs.push(dir);
    return dir;
  };

  it('refuses a plain-http central API on another machine at config load, naming the setting, in every environment', () => {
    const refused = HostConfig.safeParse({ centralApi: { url: 'http://10.20.0.5:7310' } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['centralApi', 'url']);
    const file = join(scratch(), 'hall.json');
    writeFileSync(file, JSON.stringify({ centralApi: { url: 'http://central.example.gov.cn' } }));
    expect(() => loadConfig(file)).toThrow(ConfigError);
    expect(() => loadConfig(file)).toThrow(/centralApi\.url/);
    // https anywhere, and http to this machine (the demo's platform) stay allowed.
    expect(HostConfig.safeParse({ centralApi: { url: 'https://central.example.gov.cn' } }).success).toBe(true);
    expect(HostConfig.safeParse({ centralApi: { url: 'http://127.0.0.1:7310' } }).success).toBe(true);
    expect(HostConfig.safeParse({ centralApi: { url: 'http://localhost:7310' } }).success).toBe(true);
  });

  it('trusts a configured CA file for the central API’s calls, and only those', async () => {
    const provincial = await impostorCertificate();
    const central = await tlsServer(provincial, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changes: [], nextCursor: '0' }));
    });
    servers.push(central.server);
    const caFile = join(scratch(), 'province-ca.pem');
    writeFileSync(caFile, provincial.ca.certPem);

    const withoutCa = new CentralClient({ baseUrl: central.url, token: 't', timeoutMs: 2_000 });
    expect(await withoutCa.changes('0')).toMatchObject({ ok: false, kind: 'retryable' });
    const trusting = centralFetch(caFile);
    expect(trusting).toBeDefined();
    const withCa = new CentralClient({
      baseUrl: central.url,
      token: 't',
      timeoutMs: 2_000,
      ...(trusting ? { fetch: trusting } : {}),
    });
    expect(await withCa.changes('0')).toMatchObject({ ok: true, body: { changes: [] } });
  });

  it('stops the start on an unreadable CA file, naming the setting', async () => {
    const missing = join(scratch(), 'no-such-ca.pem');
    await expect(
      startTestHost({ config: { centralApi: { url: 'https://central.example.gov.cn', caFile: missing } } }),
    ).rejects.toThrow(/centralApi\.caFile/);
  });
});
