/**
 * Headless host entry: `node dist/host/main.js [--env demo|test|production] [--config FILE] [--port N] [--data-dir DIR]`.
 * Serves the API and (when built) the renderer on the configured address. The environment
 * defaults to production (HALL_KIOSK_ENV overrides): `npm start` and an unpackaged Electron
 * shell pass `--env demo`.
 *
 * A restore (docs/backup.md) asks the host to be built again on its files: this entry closes it and
 * creates it anew in the same process, on the same ports, so it works alike under `npm run host`
 * (nothing would start a process that exited) and under the Electron shell (whose supervisor sees
 * one failed health probe at most, and restarts the process should it die meanwhile).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHost, type Host, type HostOptions } from './app';
import { HostEnvironment } from '../contracts/config';
import { defaultDataDir } from '../db/data-folder';
import { ConfigError, loadConfig } from './config/load-config';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      env: { type: 'string' },
    },
  });
  const envName = values.env ?? process.env.HALL_KIOSK_ENV ?? 'production';
  const environment = HostEnvironment.safeParse(envName);
  if (!environment.success) throw new ConfigError(`unknown --env ${envName}: use demo, test or production`);
  const config = loadConfig(values.config === undefined ? undefined : resolve(values.config));
  if (values.port !== undefined) config.listen.port = Number(values.port);
  const dataDir = values['data-dir'] ?? config.dataDir ?? defaultDataDir();
  // The Electron shell's per-boot token (electron/host-process.ts); absent under npm start.
  // Taken out of the environment so programs the host runs (espeak-ng) never see it.
  const shellToken = process.env.HALL_SHELL_TOKEN || undefined;
  delete process.env.HALL_SHELL_TOKEN;
  const options: HostOptions = {
    environment: environment.data,
    config,
    // Same relative path from host/main.ts and from its bundle dist/host/main.js.
    migrationsDir: join(here, '../db/migrations'),
    rendererDir: join(here, '../renderer'),
    dbFile: join(dataDir, 'hall.sqlite'),
    secretFile: join(dataDir, 'install-secret'),
    version: process.env.npm_package_version ?? '0.1.0',
    ...(shellToken === undefined ? {} : { shellToken }),
  };
  let host: Host = await createHost(options);
  const shutdown = async (signal: string) => {
    host.app.log.info(`${signal}: closing`);
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await host.app.listen({ host: config.listen.host, port: config.listen.port });
  // A restart takes the port the first start was given (port 0 in the config picks one once).
  const port = Number(new URL(address).port);
  console.log(`hall-kiosk host (${config.role}, ${environment.data}) listening on ${address}`);
  for (const page of ['kiosk', 'counter', 'display', 'technician']) console.log(`  ${page.padEnd(10)} ${address}/${page}`);
  console.log(`  ${'api'.padEnd(10)} ${address}/api/v1/openapi.json`);
  console.log(`  ${'data'.padEnd(10)} ${dataDir}`);
  if (host.lan) {
    // The LAN is served over HTTPS only, with the hall's own CA (created at the first boot).
    const lanAddress = await host.lan.listen();
    console.log(`  ${'lan'.padEnd(10)} ${lanAddress} (HTTPS; CA certificate at ${lanAddress}/api/v1/lan/ca-certificate)`);
  }
  for (;;) {
    const reason = await host.restartRequested;
    host.app.log.warn(`restarting the host: ${reason}`);
    await host.close();
    host = await createHost(options);
    await host.app.listen({ host: config.listen.host, port });
    if (host.lan) await host.lan.listen();
    host.app.log.warn('host restarted');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`port already in use: ${error.message}. Is another hall-kiosk host running?`);
  } else console.error(error);
  process.exit(1);
});
