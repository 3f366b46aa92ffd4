import type { ApiClient } from './client';

/** A paired browser exchanges its token at its page's start and then daily, long before it expires. */
const ROTATE_EVERY_MS = 24 * 60 * 60_000;

/** Whether the page was opened on the machine itself (its own kiosk or console: no terminal token). */
export function isThisMachine(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || hostname.startsWith('127.');
}

/** A page a printed QR code opens on a citizen's phone (a ticket's or a case's progress): never paired. */
export function isPrintedLinkPage(pathname: string): boolean {
  return /^\/(ticket|case)\//.test(pathname);
}

/**
 * Keeps a paired LAN browser's terminal token fresh (contracts/pairing.ts: a token dies 30 days
 * unused or 90 days old): one exchange now, then one a day. A page on the machine itself has no
 * token and does nothing; a refused exchange (not paired, expired) is left to the next request,
 * which says so. Returns the stop.
 */
export function keepTerminalTokenFresh(api: Pick<ApiClient, 'rotateTerminalToken'>, hostname: string): () => void {
  if (isThisMachine(hostname)) return () => undefined;
  const rotate = () => void api.rotateTerminalToken().catch(() => undefined);
  rotate();
  const timer = setInterval(rotate, ROTATE_EVERY_MS);
  return () => clearInterval(timer);
}
