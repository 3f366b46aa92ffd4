import type { AddressInfo } from 'node:net';
import type { HostConfig } from '../../contracts/config';
import type { DiagnosticsHostInfo } from '../../contracts/diagnostics';
import type { TerminalSettings } from '../../contracts/terminal-settings';

/** host.json of the bundle: versions, machine, process and which hall this host belongs to. */
export function hostInfo(o: {
  now: Date;
  version: string;
  config: HostConfig;
  terminal: TerminalSettings;
  businessDay: string;
  listen: string[];
}): DiagnosticsHostInfo {
  const memory = process.memoryUsage();
  return {
    generatedAt: o.now.toISOString(),
    appVersion: o.version,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    platform: process.platform,
    arch: process.arch,
    uptimeSeconds: Math.round(process.uptime()),
    memory: { rss: memory.rss, heapTotal: memory.heapTotal, heapUsed: memory.heapUsed, external: memory.external },
    role: o.terminal.role,
    hallName: o.config.hallName,
    hallId: o.config.hallId,
    terminalId: o.config.terminalId,
    terminalName: o.terminal.name,
    timeZone: o.config.timeZone,
    businessDay: o.businessDay,
    listen: o.listen.length > 0 ? o.listen : [`${o.config.listen.host}:${o.config.listen.port}`],
    lanEnabled: o.config.lan.enabled,
    hallUrl: o.terminal.hallUrl,
  };
}

/** Fastify's bound addresses as `host:port` (`[::1]:7300` for IPv6). */
export function listenAddresses(addresses: readonly (string | AddressInfo)[]): string[] {
  return addresses.map((a) =>
    typeof a === 'string' ? a : a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`,
  );
}
