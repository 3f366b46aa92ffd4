import { describe, expect, it } from 'vitest';
import { DeviceConfig, HostConfig } from '../../../contracts/config';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import { assertEnvironment, DemoValuesError, demoValues } from '../../../host/config/environment';

const realReader = DeviceConfig.parse({ id: 'idcard-1', kind: 'idcard', transport: { type: 'serial', path: '/dev/ttyUSB0' } });
/** This hall's appointment-matching key as a central API would issue it (32 bytes, base64url). */
const matchingKey = Buffer.alloc(32, 7).toString('base64url');
const central = { token: 'hall-17-token', matchingKey };
const production = HostConfig.parse({ centralApi: { url: 'https://gov.example.cn/api', ...central } });

describe('environments: production refuses demo values', () => {
  it('the embedded default is the demo: a production start lists every demo value, one line each, naming the setting', () => {
    const demo = HostConfig.parse({});
    const problems = demoValues(demo, demo.devices);
    expect(problems.filter((p) => p.includes('is a simulator'))).toHaveLength(demo.devices.length);
    expect(problems.some((p) => p.startsWith('centralApi.token'))).toBe(true);
    expect(problems.some((p) => p.startsWith('centralApi.matchingKey is not set'))).toBe(true);
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
    expect(HostConfig.safeParse({ centralApi: { url: 'http://10.1.2.3:7310', ...central } }).success).toBe(false);
    const local = HostConfig.parse({ centralApi: { url: 'http://127.0.0.1:7310', ...central } });
    expect(demoValues(local, [realReader])).toEqual([]);
  });

  it('one simulated device among real ones is named', () => {
    const fake = DeviceConfig.parse({ id: 'printer-9', kind: 'printer', transport: { type: 'simulated' } });
    expect(demoValues(production, [realReader, fake])).toEqual([
      'device "printer-9" (printer) is a simulator: give it a serial or HID transport on the technician console or in the config file\'s devices',
    ]);
  });

  it('the demo appointment-matching key is refused: bookings would be tagged with a key anyone can derive', () => {
    const demoKey = AppointmentMatchingKey.demo(production.hallId).toBase64Url();
    const demoKeyed = HostConfig.parse({
      centralApi: { url: 'https://gov.example.cn/api', token: 'hall-17-token', matchingKey: demoKey },
    });
    expect(demoValues(demoKeyed, [realReader])).toEqual([
      'centralApi.matchingKey is the demo key: set the appointment matching key the central API issued to this hall',
    ]);
    expect(() => HostConfig.parse({ centralApi: { matchingKey: 'short' } })).toThrow();
  });
});
