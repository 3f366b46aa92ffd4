/**
 * Whether a host name or address is this machine (loopback), as a config value or URL.hostname
 * spells it (`[::1]` included). Plain http is allowed only to such a host: nothing crosses a network.
 */
export function isLoopbackHost(host: string): boolean {
  return ['localhost', '::1', '[::1]'].includes(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
