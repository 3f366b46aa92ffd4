import { app, utilityProcess } from 'electron';
import { join } from 'node:path';
import { loadConfig } from '../host/config/load-config';
import { hostArgs, hostEnv } from './host-launch';
import type { HostChild } from './host-supervisor';

/** The host's config file: `--config` on the shell's command line, else HALL_KIOSK_CONFIG. */
export function configFile(): string | undefined {
  const fromSwitch = app.commandLine.getSwitchValue('config');
  return fromSwitch !== '' ? fromSwitch : process.env.HALL_KIOSK_CONFIG || undefined;
}

/** The port the host should take: HALL_KIOSK_PORT, else the config file's, else 7300. */
export function preferredPort(file: string | undefined, log: (message: string, error: unknown) => void): number {
  const fromEnv = Number(process.env.HALL_KIOSK_PORT);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  try {
    return loadConfig(file).listen.port;
  } catch (error) {
    // The host reports a bad config file itself, in its log; the shell only needs a port.
    log('config file unreadable here; using the default port', error);
    return 7300;
  }
}

/** The host in a utility process on the shell's data folder (HostSupervisor restarts it). */
export function forkHost(o: { port: number; token: string; dataDir: string; configFile: string | undefined }): HostChild {
  const child = utilityProcess.fork(
    join(__dirname, '../host/main.js'),
    hostArgs({ packaged: app.isPackaged, port: o.port, dataDir: o.dataDir, configFile: o.configFile }),
    {
      serviceName: 'hall-host',
      stdio: 'inherit',
      env: hostEnv(process.env, { token: o.token, version: app.getVersion() }),
    },
  );
  return {
    onExit: (listener) => child.once('exit', listener),
    kill: () => void child.kill(),
  };
}
