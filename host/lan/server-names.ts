import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import type { ServerNames } from './certificate-authority';

/**
 * The names the hall answers to on its LAN: this machine's host name, `localhost`, loopback, every
 * address of its network interfaces, and the extra names of the config (`lan.names`: a DNS name
 * the hall's router gives it). The server certificate lists them all (SubjectAltName).
 */
export function currentServerNames(extra: readonly string[] = []): ServerNames {
  const dns = new Set<string>([hostname().toLowerCase(), 'localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // A link-local IPv6 address needs its zone to be used, and no certificate can name one.
      if (!address.address.includes('%') && !address.address.toLowerCase().startsWith('fe80')) ips.add(address.address);
    }
  }
  for (const name of extra) {
    if (isIP(name) === 0) dns.add(name.toLowerCase());
    else ips.add(name);
  }
  return { dns: [...dns], ips: [...ips] };
}
