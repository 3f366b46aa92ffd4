/**
 * Origin checks by URL parser (Electron security checklist items 13, 14, 17): the shell trusts
 * exactly one origin, the host it started on loopback. A string prefix test would let
 * `http://127.0.0.1:7300@evil.com` or `http://127.0.0.1:73001` through; the WHATWG parser
 * (the one Chromium uses) resolves userinfo, ports, IDN and IPv4 spellings first.
 */

/** The origin of the host this shell started: always plain http on IPv4 loopback. */
export function loopbackOrigin(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`bad port ${port}`);
  return `http://127.0.0.1:${port}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether `url` is a page or resource of the host: same origin, and no credentials smuggled in. */
export function isHostUrl(url: string, hostOrigin: string): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  return parsed.protocol === 'http:' && parsed.origin === hostOrigin;
}

/** Like isHostUrl, but also the host's WebSocket (`ws://` on the same host and port). */
export function isHostRequestUrl(url: string, hostOrigin: string): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  const host = parse(hostOrigin);
  if (host === null) return false;
  if (parsed.protocol === 'ws:') return parsed.host === host.host;
  return parsed.protocol === 'http:' && parsed.origin === hostOrigin;
}

/** The path (with query) of a host URL, or null for anything else. */
export function hostPath(url: string, hostOrigin: string): string | null {
  if (!isHostUrl(url, hostOrigin)) return null;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
