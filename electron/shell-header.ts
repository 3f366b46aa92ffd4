import { SHELL_HEADER } from '../contracts/shell-channels';
import { isHostRequestUrl } from './host-origin';

/**
 * The per-boot token on every request of the shell's session to its host (pages, API calls,
 * the event WebSocket): the host then serves loopback requests from this window only
 * (host/lan/shell-guard.ts). Requests elsewhere never carry it, and a page cannot set it
 * itself to another value: the shell overwrites whatever came.
 */
export function withShellHeader(
  details: { url: string; requestHeaders: Record<string, string> },
  hostOrigin: string,
  token: string,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.requestHeaders)) {
    if (name.toLowerCase() !== SHELL_HEADER) headers[name] = value;
  }
  if (isHostRequestUrl(details.url, hostOrigin)) headers[SHELL_HEADER] = token;
  return headers;
}
