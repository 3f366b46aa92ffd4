import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** A fresh per-boot token for the shell ⇄ host header (host/lan/shell-guard.ts). */
export function newShellToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `port` can be bound on loopback right now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free now (the host binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The host's port: the configured one (7300 unless the config file says otherwise), so LAN
 * terminals and printed QR codes keep finding it, and the page keeps its origin (and its
 * storage) across restarts; a free loopback port only when that one is taken (another copy
 * of the host, `npm start`), which the log says.
 */
export async function choosePort(
  preferred: number,
  isFree = portFree,
  anyFree = freePort,
): Promise<{ port: number; preferred: boolean }> {
  if (await isFree(preferred)) return { port: preferred, preferred: true };
  return { port: await anyFree(), preferred: false };
}

/**
 * The host's command line (host/main.ts): its environment (a packaged app is production; the
 * development binary runs the demo, as `npm start` does), port, the shell's data folder, the
 * config file if any.
 */
export function hostArgs(o: { packaged: boolean; port: number; dataDir: string; configFile?: string | undefined }): string[] {
  return [
    '--env',
    o.packaged ? 'production' : 'demo',
    '--port',
    String(o.port),
    '--data-dir',
    o.dataDir,
    ...(o.configFile === undefined ? [] : ['--config', o.configFile]),
  ];
}

/** The host's environment: the shell's, plus the token and the app version it reports. */
export function hostEnv(base: NodeJS.ProcessEnv, o: { token: string; version: string }): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
  // The shell's own switches mean nothing to the host.
  delete env.ELECTRON_RUN_AS_NODE;
  env.HALL_SHELL_TOKEN = o.token;
  env.npm_package_version = o.version;
  return env;
}
