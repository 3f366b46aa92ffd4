import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallLinkStatus } from '../../contracts/hall-link';
import { LanTlsInfo, PairingCode } from '../../contracts/pairing';
import { IssueTicketResponse } from '../../contracts/queue';
import { signIn, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { closeServer, impostorCertificate, listenLan, tlsServer } from './support/tls';

const LAN = { enabled: true, host: '127.0.0.1', port: 0 };
const PRINTER = { id: 'printer-1', kind: 'printer' as const, transport: { type: 'simulated' as const } };

/**
 * Hole: "bearer and terminal tokens and the pairing reply carrying the hall's queue key cross the
 * LAN in clear". A secondary host pairs with the hall over https, pins the hall's CA from the
 * pairing, and speaks to nothing else afterwards: a man in the middle gets no request, no token.
 */
describe('TLS between a secondary kiosk and its hall', () => {
  let hall: TestHost;
  let lanUrl: string;
  let kiosk: TestHost | undefined;
  const servers: Parameters<typeof closeServer>[0][] = [];

  beforeEach(async () => {
    hall = await startTestHost({
      config: { staff: await testStaffSeeds(), devices: [], lan: LAN, hallName: '东城区政务服务中心' },
    });
    lanUrl = await listenLan(hall);
  });
  afterEach(async () => {
    await kiosk?.dispose();
    kiosk = undefined;
    for (const server of servers.splice(0)) await closeServer(server);
    await hall.dispose();
  });

  const startKiosk = async (hallUrl: string) => {
    kiosk = await startTestHost({
      config: { staff: await testStaffSeeds(), devices: [PRINTER], hallUrl, terminalId: 'kiosk-02' },
    });
    return kiosk;
  };
  const pairingCode = async () => {
    const res = await hall.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: await signIn(hall.app, '8001') });
    return PairingCode.parse(res.json()).code;
  };
  const pair = async (host: TestHost) =>
    host.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(host.app, '8001'),
      payload: { code: await pairingCode() },
    });
  const linkStatus = async (host: TestHost) => HallLinkStatus.parse((await host.app.inject({ url: '/api/v1/hall-link' })).json());
  const hallFingerprint = async () => LanTlsInfo.parse((await hall.app.inject({ url: '/api/v1/lan/tls' })).json()).caFingerprint;
  const takeTicket = (host: TestHost) =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'consulting', withIdentity: false } });

  it('pairs over TLS, pins the hall’s CA (the fingerprint the hall’s console shows), and issues through it', async () => {
    const secondary = await startKiosk(lanUrl);
    const paired = await pair(secondary);
    expect(paired.statusCode, paired.body).toBe(200);
    await waitFor(async () => ((await linkStatus(secondary)).state === 'online' ? true : undefined), 'online over wss');
    const fingerprint = await hallFingerprint();
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await linkStatus(secondary)).caFingerprint).toBe(fingerprint);
    const issued = await takeTicket(secondary);
    expect(issued.statusCode, issued.body).toBe(201);
    expect(hall.queue.ticket(IssueTicketResponse.parse(issued.json()).ticket.id).number).toBe('F001');
  });

  it('refuses a man in the middle once paired: another CA’s certificate for the same address gets no request', async () => {
    const secondary = await startKiosk(lanUrl);
    expect((await pair(secondary)).statusCode).toBe(200);
    await waitFor(async () => ((await linkStatus(secondary)).state === 'online' ? true : undefined), 'online');
    // The hall's address is taken over by an impostor with a certificate for 127.0.0.1 of its own CA.
    const port = Number(new URL(lanUrl).port);
    await hall.lan?.close();
    const impostor = await tlsServer(await impostorCertificate(), (_req, res) => res.writeHead(500).end(), port);
    servers.push(impostor.server);

    const refused = await takeTicket(secondary);
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: { code: 'hall_unreachable' } });
    // Give the event stream's reconnection a moment: it must not get through either.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(impostor.requests).toEqual([]);
  });

  it('refuses to pair through a man in the middle: the reply names the hall’s CA, the connection showed another', async () => {
    // A TLS proxy with its own certificate that relays the claim to the real hall and back.
    const impostor = await tlsServer(await impostorCertificate(), (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const upstream = request(
          `${lanUrl}${req.url ?? '/'}`,
          { method: req.method, headers: { 'content-type': 'application/json' }, rejectUnauthorized: false },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, { 'content-type': 'application/json' });
            reply.pipe(res);
          },
        );
        upstream.end(body);
      });
    });
    servers.push(impostor.server);
    const secondary = await startKiosk(impostor.url);
    const refused = await pair(secondary);
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ error: { code: 'hall_untrusted' } });
    expect(impostor.requests).toEqual(['POST /api/v1/pairing/claim']);
    expect((await linkStatus(secondary)).state).toBe('unpaired');
  });

  it('refuses a hall address over plain http to another machine (only loopback may be http)', async () => {
    const byHttp = await startTestHost({ config: { staff: await testStaffSeeds() } });
    try {
      const res = await byHttp.app.inject({
        method: 'PUT',
        url: '/api/v1/terminal/settings',
        headers: await signIn(byHttp.app, '8001'),
        payload: { role: 'kiosk', name: 'kiosk-02', hallUrl: 'http://192.168.1.10:7300' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('https');
    } finally {
      await byHttp.dispose();
    }
  });
});
