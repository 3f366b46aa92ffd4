import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { HostError } from '../errors/host-error';
import { callerOf } from './caller';

export { isLoopback, TERMINAL_COOKIE, TERMINAL_HEADER, terminalToken } from './caller';

/** The renderer's pages an unpaired LAN client may load: the pairing page and its assets. */
function openPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return req.method === 'GET' && (path === '/pair' || path.startsWith('/assets/'));
}

/**
 * With the LAN API on, a client that is neither this machine nor a paired terminal reaches only
 * the pairing page (its assets) and the API operations declared for `anyone` (the claim of a
 * code): the route guards decide the API (host/api/route.ts), this guard the pages. It grants
 * nothing: a paired terminal gets from each operation only what the route table declares for
 * its kind.
 */
export function installLanGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const caller = callerOf(req);
    if (caller.terminal !== 'unpaired' || openPage(req) || req.url.startsWith(`${API_PREFIX}/`)) return;
    if (caller.expired) throw new HostError('terminal_expired', '此终端的配对已过期，请技术人员重新配对');
    throw new HostError('terminal_unpaired', '此终端尚未与大厅配对');
  });
}
