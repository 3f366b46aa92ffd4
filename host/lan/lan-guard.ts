import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { HostError } from '../errors/host-error';
import { callerOf } from './caller';

export { isLoopback, TERMINAL_COOKIE, TERMINAL_HEADER, terminalToken } from './caller';

/**
 * What a printed QR code opens on a citizen's phone: a ticket's or a case's progress page (the
 * page shows nothing until the API has checked the link's tag, contracts/api/links.ts).
 */
const LINK_PAGE = /^\/(ticket\/\d{1,12}|case\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The renderer's pages an unpaired LAN client may load: the pairing page, the printed links' pages, their assets. */
function openPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return req.method === 'GET' && (path === '/pair' || LINK_PAGE.test(path) || path.startsWith('/assets/'));
}

/**
 * With the LAN API on, a client that is neither this machine nor a paired terminal reaches only
 * the pairing page, the pages of printed links (a citizen's phone opening a ticket's or a case's
 * QR), their assets, and the API operations declared for `anyone` (the claim of a code, the
 * printed links with their tag): the route guards decide the API (host/api/route.ts), this guard
 * the pages. It grants nothing: a paired terminal gets from each operation only what the route
 * table declares for its kind.
 */
export function installLanGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const caller = callerOf(req);
    if (caller.terminal !== 'unpaired' || openPage(req) || req.url.startsWith(`${API_PREFIX}/`)) return;
    if (caller.expired) throw new HostError('terminal_expired', '此终端的配对已过期，请技术人员重新配对');
    throw new HostError('terminal_unpaired', '此终端尚未与大厅配对');
  });
}
