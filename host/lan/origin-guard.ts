import { hostname } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HostError } from '../errors/host-error';

/**
 * Against DNS rebinding: a page of evil.example re-points its name to 127.0.0.1 (or to this
 * host's LAN address) and its scripts then talk to the host as their own origin. The browser
 * still sends the attacker's name in Host, and a cross-site request or WebSocket its Origin. So a
 * request is served only when its Host names this host on the port the request arrived at (a
 * loopback name, the address the connection arrived at, or this machine's name), and its
 * Origin, when it sends one, is that same origin.
 */

/** Names that always mean this machine. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** This machine's own names: a hall may be reached as http://HALL-PC:7300 on a LAN with names. */
function machineNames(): Set<string> {
  const name = hostname().toLowerCase();
  return new Set([name, `${name}.local`]);
}

/** `name:port` of a Host header or an origin, lower-case, IPv6 without brackets; null if unreadable. */
function parseAuthority(authority: string, scheme: 'http:' | 'https:'): { name: string; port: number } | null {
  let url: URL;
  try {
    url = new URL(`${scheme}//${authority}`);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/') return null;
  const port = url.port === '' ? (scheme === 'https:' ? 443 : 80) : Number(url.port);
  return { name: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port };
}

/** The address the connection arrived at, as a Host header would name it (no IPv4-mapped prefix). */
function arrivedAt(req: FastifyRequest): { address: string | undefined; port: number | undefined } {
  const address = req.socket.localAddress?.replace(/^::ffff:/, '').toLowerCase();
  return { address, port: req.socket.localPort };
}

export type OriginVerdict = 'ok' | 'host' | 'origin';

/** Whether a request names this host (Host) and comes from its own pages or no page (Origin). */
export function originVerdict(req: FastifyRequest, names: ReadonlySet<string> = machineNames()): OriginVerdict {
  const scheme = req.protocol === 'https' ? 'https:' : 'http:';
  const hostHeader = req.headers.host;
  const host = hostHeader === undefined ? null : parseAuthority(hostHeader, scheme);
  if (host === null) return 'host';
  const arrived = arrivedAt(req);
  const ownName = LOOPBACK_NAMES.has(host.name) || names.has(host.name) || host.name === arrived.address;
  // A request that came through no TCP socket (Fastify's inject, in tests) has no port to compare.
  if (!ownName || (arrived.port !== undefined && host.port !== arrived.port)) return 'host';

  const origin = req.headers.origin;
  if (origin === undefined) return 'ok';
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return 'origin'; // 'null' (a sandboxed frame, a file) and garbage alike
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return 'origin';
  const from = parseAuthority(page.host, page.protocol);
  return from !== null && from.name === host.name && from.port === host.port ? 'ok' : 'origin';
}

/**
 * Installs the check as the first onRequest hook: before the LAN and shell guards and any route.
 * `lanNames`: the names the hall is reached by on the LAN (config `lan.names`, the same ones its
 * TLS certificate lists), besides this machine's own.
 */
export function installOriginGuard(app: FastifyInstance, lanNames: readonly string[] = []): void {
  const names = new Set([...machineNames(), ...lanNames.map((name) => name.toLowerCase())]);
  app.addHook('onRequest', async (req) => {
    const verdict = originVerdict(req, names);
    if (verdict === 'host') throw new HostError('forbidden', '请求的主机名不属于本机', { refused: 'host' });
    if (verdict === 'origin') throw new HostError('forbidden', '请求来自其他网站，已拒绝', { refused: 'origin' });
  });
}
