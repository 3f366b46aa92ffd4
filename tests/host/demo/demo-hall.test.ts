import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { upsertDevice } from '../../../db/repositories/devices';
import { notADemoConfig, readDemoHall } from '../../../host/demo/demo-hall';
import { openDemoHall, type DemoHall } from './support';

const NOW = new Date('2026-06-10T02:00:00.000Z');

describe('the demo history refuses a production hall', () => {
  let hall: DemoHall | undefined;
  afterEach(() => hall?.dispose());

  it('takes the demo config, and refuses one with a real central API token or a production environment', () => {
    expect(notADemoConfig({ environment: undefined, config: HostConfig.parse({}) })).toBeNull();
    expect(notADemoConfig({ environment: 'demo', config: HostConfig.parse({}) })).toBeNull();
    expect(notADemoConfig({ environment: 'production', config: HostConfig.parse({}) })).toMatch(/production/);
    expect(
      notADemoConfig({ environment: undefined, config: HostConfig.parse({ centralApi: { token: 'issued-to-hall-07' } }) }),
    ).toMatch(/real central API token/);
  });

  it('takes a hall whose devices are all simulated, and refuses one with a device on a real port', () => {
    hall = openDemoHall(NOW);
    const at = NOW.toISOString();
    upsertDevice(
      hall.db,
      {
        id: 'printer-1',
        kind: 'printer',
        configJson: JSON.stringify({ id: 'printer-1', kind: 'printer', transport: { type: 'simulated' } }),
      },
      at,
    );
    const demo = readDemoHall(hall.db);
    expect(demo.ok).toBe(true);
    upsertDevice(
      hall.db,
      {
        id: 'idcard-1',
        kind: 'idcard',
        configJson: JSON.stringify({ id: 'idcard-1', kind: 'idcard', transport: { type: 'serial', path: '/dev/ttyUSB0' } }),
      },
      at,
    );
    expect(readDemoHall(hall.db)).toEqual({ ok: false, refusal: expect.stringMatching(/idcard-1.*production hall/) });
  });
});
