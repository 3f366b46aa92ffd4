// The hole: simulator routes were registered whenever a device ran simulated — which the embedded
// default config does for every device — so a hall that went live on the default config served
// `POST /simulator/keypad/press`, and anyone could call and finish tickets without a login.
// Fixed by explicit environments (eb4a1d4): production refuses simulated devices at start and never
// registers a simulator route. This file fails on eb4a1d4^ (the default config started and served
// the route) and passes since.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { operationPath, operations } from '../../contracts/api';
import { HostConfig, type HostConfigInput } from '../../contracts/config';
import { createHost, type Host } from '../../host/app';
import { ALL_DAY_HOURS, migrationsDir } from '../support/test-host';

const started: Host[] = [];
const folders: string[] = [];

async function hostIn(environment: 'production' | 'test', config: HostConfigInput): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-kiosk-simroutes-'));
  folders.push(dataDir);
  const host = await createHost({
    environment,
    config: HostConfig.parse({ hours: ALL_DAY_HOURS, ...config }),
    migrationsDir,
    dbFile: join(dataDir, 'hall.sqlite'),
    secretFile: join(dataDir, 'install-secret'),
    logLevel: 'silent',
  });
  started.push(host);
  return host;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((host) => host.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const pressCall = {
  method: 'POST' as const,
  url: operationPath(operations.pressSimulatedKey),
  payload: { address: 1, key: 'call' },
};

/** A hall configured for real: its own central API over https, its own token, devices on serial ports. */
const realHall: HostConfigInput = {
  // Its own token and appointment-matching key (32 bytes, base64url), as the central API issued them.
  centralApi: { url: 'https://gov.example.cn/api', token: 'hall-17-token', matchingKey: 'k'.repeat(43) },
  devices: [{ id: 'keypad-1', kind: 'caller', transport: { type: 'serial', path: '/dev/hall-kiosk-no-such-port' } }],
};

describe('security: no simulator route outside demo and test', () => {
  it('a production host on the embedded default config (every device simulated) refuses to start', async () => {
    await expect(hostIn('production', {})).rejects.toThrow(/is a simulator/);
  });

  it('a production hall with real devices answers 404 to the keypad simulator: no call without a login', async () => {
    const host = await hostIn('production', realHall);
    const reply = await host.app.inject(pressCall);
    expect(reply.statusCode).toBe(404);
  });

  it('the test environment, with a simulated keypad, does serve it (the check above is not vacuous)', async () => {
    const host = await hostIn('test', {
      devices: [{ id: 'keypad-1', kind: 'caller', transport: { type: 'simulated' } }],
    });
    const reply = await host.app.inject(pressCall);
    expect(reply.statusCode).not.toBe(404);
  });
});
