import type { DeviceConfig, HostConfig, HostEnvironment } from '../../contracts/config';
import { DEMO_CENTRAL_TOKEN } from '../../contracts/config';
import { AppointmentMatchingKey } from '../appointments/matching-key';
import { ConfigError } from './load-config';

/** A production host found demo values: one line per value, each naming the setting to change. */
export class DemoValuesError extends ConfigError {
  constructor(readonly problems: readonly string[]) {
    super(
      `production refuses demo values (start with --env demo to run the demo):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/**
 * The demo values in a configuration and the device table a production hall would otherwise run
 * on without a word: simulated devices, the dev token, the demo (or no) appointment matching key.
 * (Plain http to another machine is refused by the config schema itself, in every environment.) Empty
 * when there are none. `devices` are the effective ones (the table, seeded from the config file once).
 */
export function demoValues(config: HostConfig, devices: readonly DeviceConfig[]): string[] {
  const problems: string[] = [];
  for (const device of devices) {
    if (device.transport.type === 'simulated')
      problems.push(
        `device "${device.id}" (${device.kind}) is a simulator: give it a serial or HID transport on the technician console or in the config file's devices`,
      );
  }
  if (config.centralApi.token === DEMO_CENTRAL_TOKEN)
    problems.push('centralApi.token is the demo token: set the token the central API issued to this hall');
  const matchingKey = config.centralApi.matchingKey;
  if (matchingKey === undefined)
    problems.push('centralApi.matchingKey is not set: set the appointment matching key the central API issued to this hall');
  else if (matchingKey === AppointmentMatchingKey.demo(config.hallId).toBase64Url())
    problems.push('centralApi.matchingKey is the demo key: set the appointment matching key the central API issued to this hall');
  return problems;
}

/** Refuses a production start on demo values; demo and test take them as they are. */
export function assertEnvironment(environment: HostEnvironment, config: HostConfig, devices: readonly DeviceConfig[]): void {
  if (environment !== 'production') return;
  const problems = demoValues(config, devices);
  if (problems.length > 0) throw new DemoValuesError(problems);
}
