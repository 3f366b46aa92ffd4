import { describe, expect, it } from 'vitest';
import { DeviceConfig, HostConfig } from '../../../contracts/config';
import { assertEnvironment, DemoValuesError, demoValues } from '../../../host/config/environment';

const realReader = DeviceConfig.parse({ id: 'idcard-1', kind: 'idcard', transport: { type: 'serial', path: '/dev/ttyUSB0' } });
const production = HostConfig.parse({ centralApi: { url: 'https://gov.example.cn/api', token: 'hall-17-token' } });

describe('environments: production refuses demo values', () => {
  it('the embedded default is the demo: a production start lists every demo value, one line each, naming the setting', () => {
    const demo = HostConfig.parse({});
    const problems = demoValues(demo, demo.devices);
    expect(problems.filter((p) => p.includes('is a simulator'))).toHaveLength(demo.devices.length);
    expect(problems.some((p) => p.startsWith('centralApi.token'))).toBe(true);
    expect(() => assertEnvironment('production', demo, demo.devices)).toThrow(DemoValuesError);
    // The demo and the tests run on them as they are.
    expect(() => assertEnvironment('demo', demo, demo.devices)).not.toThrow();
    expect(() => assertEnvironment('test', demo, demo.devices)).not.toThrow();
  });

  it('a real hall (serial reader, its own token, https) starts', () => {
    expect(demoValues(production, [realReader])).toEqual([]);
    expect(() => assertEnvironment('production', production, [realReader])).not.toThrow();
  });

  it('plain http to another machine is refused by the config itself, in every environment; to this machine it is not', () => {
    // tests/security/tls-central.test.ts holds the refusal; production adds nothing to it.
    expect(HostConfig.safeParse({ centralApi: { url: 'http://10.1.2.3:7310', token: 'hall-17-token' } }).success).toBe(false);
    const local = HostConfig.parse({ centralApi: { url: 'http://127.0.0.1:7310', token: 'hall-17-token' } });
    expect(demoValues(local, [realReader])).toEqual([]);
  });

  it('one simulated device among real ones is named', () => {
    const fake = DeviceConfig.parse({ id: 'printer-9', kind: 'printer', transport: { type: 'simulated' } });
    expect(demoValues(production, [realReader, fake])).toEqual([
      'device "printer-9" (printer) is a simulator: give it a serial or HID transport on the technician console or in the config file\'s devices',
    ]);
  });
});
