import { createServer, request, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createCertificateAuthority,
  issueServerCertificate,
  type KeyedCertificate,
} from '../../../host/lan/certificate-authority';
import type { TestHost } from '../../support/test-host';

/** The host's LAN listener, started (the test hosts ask for 127.0.0.1 and a free port). */
export async function listenLan(host: TestHost): Promise<string> {
  if (host.lan === null) throw new Error('the host has no LAN listener (lan.enabled off?)');
  return host.lan.listen();
}

/** A GET over https trusting `ca` only (or nothing verified, for the first look at a CA). */
export function httpsGet(url: string, ca: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, ca === null ? { rejectUnauthorized: false } : { ca: [ca] }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Another CA's certificate for 127.0.0.1 and localhost: what a man in the middle would present. */
export async function impostorCertificate(): Promise<{ ca: KeyedCertificate; server: KeyedCertificate }> {
  const ca = await createCertificateAuthority('impostor', new Date());
  const server = await issueServerCertificate(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, new Date(), 30);
  return { ca, server };
}

/** A TLS server on 127.0.0.1 presenting `cert` (with its CA), answering with `handler`; it records every request. */
export async function tlsServer(
  cert: { ca: KeyedCertificate; server: KeyedCertificate },
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port = 0,
): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer({ key: cert.server.keyPem, cert: `${cert.server.certPem}\n${cert.ca.certPem}` }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket) => {
    requests.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
