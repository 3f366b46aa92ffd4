import type { FastifyInstance, FastifyRequest } from 'fastify';
import { operationPath, operations } from '../../contracts/api';
import { HostError } from '../errors/host-error';
import type { Pairing } from './pairing';

/** Cookie that carries a paired browser's token (WebSockets cannot send headers). */
export const TERMINAL_COOKIE = 'hk_terminal';
export const TERMINAL_HEADER = 'x-terminal-token';

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function terminalToken(req: FastifyRequest): string | undefined {
  const header = req.headers[TERMINAL_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  return cookie(req.headers.cookie, TERMINAL_COOKIE);
}

/** What an unpaired LAN client may reach without a token: the hall CA and its fingerprint are public. */
const OPEN_READS = new Set(['/pair', operationPath(operations.lanCaCertificate), operationPath(operations.lanTls)]);

/**
 * What an unpaired LAN client may reach: the pairing page (and its assets), the claim itself, and
 * the hall's CA certificate with its fingerprint (a browser installs the CA before it pairs).
 */
function openToUnpaired(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  if (req.method === operations.claimPairing.method && path === operationPath(operations.claimPairing)) return true;
  if (req.method !== 'GET') return false;
  return OPEN_READS.has(path) || path.startsWith('/assets/');
}

/**
 * With the LAN API on, every request that does not come from this machine must carry a paired
 * terminal's token (header or cookie); staff sign-in on top of it still decides what a person
 * may do. The machine itself (the kiosk's own screen) is trusted as before.
 */
export function installLanGuard(app: FastifyInstance, pairing: Pairing): void {
  app.addHook('onRequest', async (req) => {
    if (isLoopback(req.ip) || openToUnpaired(req)) return;
    const token = terminalToken(req);
    if (token === undefined || pairing.verify(token) === undefined) {
      throw new HostError('terminal_unpaired', '此终端尚未与大厅配对');
    }
  });
}
