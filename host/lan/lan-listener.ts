import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { TlsIdentity } from './tls-identity';

/** How often the listener asks whether its server certificate is due for renewal. */
const RENEWAL_CHECK_MS = 12 * 3_600_000;

export interface LanListenerOptions {
  app: FastifyInstance;
  host: string;
  port: number;
  /** The identity to serve now (renewed when due): read at listen and at each renewal check. */
  identity: () => Promise<TlsIdentity>;
  onRenewalError?: (error: unknown) => void;
}

/**
 * The hall's LAN listener: HTTPS only, feeding the same Fastify app as the loopback listener
 * (its routes, guards and WebSocket upgrades), so there is one API and one set of hooks. A
 * client speaking plain http to it gets no answer: the TLS handshake fails before any request
 * is read. The server certificate is sent with its CA, and swapped without a restart when renewed.
 */
export class LanListener {
  private server: Server | null = null;
  private renewal: NodeJS.Timeout | undefined;
  /** Every open connection, WebSockets included (an upgraded socket is no longer the HTTP server's to close). */
  private readonly sockets = new Set<Socket>();

  constructor(private readonly o: LanListenerOptions) {}

  /** Starts listening; resolves to the listener's `https://` address. */
  async listen(): Promise<string> {
    await this.o.app.ready();
    const identity = await this.o.identity();
    const server = createServer({ ...secureContextOf(identity), minVersion: 'TLSv1.2' }, (req, res) => {
      this.o.app.routing(req, res);
    });
    // @fastify/websocket listens for upgrades on the app's own server: hand it the LAN's too (wss).
    server.on('upgrade', (req, socket, head) => this.o.app.server.emit('upgrade', req, socket, head));
    // A peer that is not speaking TLS (plain http) or gives up mid-handshake: close, nothing to log.
    server.on('tlsClientError', (_error, socket) => socket.destroy());
    server.on('secureConnection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.renewal = setInterval(() => void this.renew(), RENEWAL_CHECK_MS);
    this.renewal.unref();
    return this.address();
  }

  address(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the LAN listener is not listening');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `https://${host}:${address.port}`;
  }

  /** Serves a renewed certificate to new connections (open ones keep theirs). */
  async renew(): Promise<void> {
    try {
      const identity = await this.o.identity();
      this.server?.setSecureContext(secureContextOf(identity));
    } catch (error) {
      this.o.onRenewalError?.(error);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.renewal);
    const server = this.server;
    this.server = null;
    if (server === null) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Same as the loopback listener's close (host/compose/build-http.ts): requests under way get
    // a moment, then every connection (a browser's half-open one, a WebSocket) is cut.
    server.closeIdleConnections();
    const cutOff = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, 2_000);
    await closed;
    clearTimeout(cutOff);
  }
}

function secureContextOf(identity: TlsIdentity) {
  // The chain: server certificate, then the CA, so a client can see which CA it is offered.
  return { key: identity.server.keyPem, cert: `${identity.server.certPem.trim()}\n${identity.caCertPem.trim()}\n` };
}
