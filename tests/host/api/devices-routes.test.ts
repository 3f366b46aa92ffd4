import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceList, DeviceTestResult, DiscoveryResult, PrintPreviewList } from '../../../contracts/devices';
import { ApiError } from '../../../contracts/errors';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

describe('technician device console API', () => {
  let host: TestHost;
  let tech: { authorization: string };
  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
    tech = await signIn(host.app, '8001');
  });
  afterAll(async () => {
    await host.dispose();
  });

  it('is closed to the public and to counter staff', async () => {
    expect((await host.app.inject({ url: '/api/v1/devices' })).statusCode).toBe(401);
    const staff = await signIn(host.app, '1001');
    const res = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/devices/printer-9',
      headers: staff,
      payload: { id: 'printer-9', kind: 'printer', transport: { type: 'simulated' } },
    });
    expect(ApiError.parse(res.json()).error.code).toBe('forbidden');
  });

  it('adds a printer, prints a test ticket, shows the virtual printer’s preview, and audits it all', async () => {
    const put = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/devices/printer-9',
      headers: tech,
      payload: { id: 'printer-9', kind: 'printer', transport: { type: 'simulated' } },
    });
    expect(DeviceList.parse(put.json()).devices.map((d) => d.config.id)).toEqual(['printer-9']);
    await waitFor(() => (host.devices.health()[0]?.state === 'ok' ? true : undefined), 'printer ok');
    const test = await host.app.inject({
      method: 'POST',
      url: '/api/v1/devices/printer-9/test',
      headers: tech,
      payload: { action: 'print-test' },
    });
    // A code and its parameters, which the console words in its own language.
    const printed = DeviceTestResult.parse(test.json());
    expect(printed).toMatchObject({ ok: true, code: 'printed' });
    expect(printed.code === 'printed' && printed.params.bytes).toBeGreaterThan(0);
    const preview = PrintPreviewList.parse(
      (await host.app.inject({ url: '/api/v1/devices/printer-9/preview', headers: tech })).json(),
    );
    expect(
      preview.pages
        .at(-1)
        ?.lines.map((l) => l.text)
        .join('\n'),
    ).toContain('T000');
    const wrong = await host.app.inject({
      method: 'POST',
      url: '/api/v1/devices/printer-9/test',
      headers: tech,
      payload: { action: 'beep' },
    });
    expect(DeviceTestResult.parse(wrong.json())).toMatchObject({ ok: false, code: 'not_a_test', params: { action: 'beep' } });
    const actions = host.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'device.%' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'device.save' }, { action: 'device.test' }, { action: 'device.test' }]);
    const removed = await host.app.inject({ method: 'DELETE', url: '/api/v1/devices/printer-9', headers: tech });
    expect(DeviceList.parse(removed.json()).devices).toEqual([]);
  });

  it('reports each kind’s test as a code with parameters: keypad, LED screen, card reader', async () => {
    const devices = [
      { id: 'keypad-9', kind: 'caller', transport: { type: 'simulated' } },
      { id: 'led-9', kind: 'ledscreen', transport: { type: 'simulated' }, options: { ledscreen: { windowNumber: 1 } } },
      { id: 'idcard-9', kind: 'idcard', transport: { type: 'simulated' } },
    ];
    for (const payload of devices) {
      const put = await host.app.inject({ method: 'PUT', url: `/api/v1/devices/${payload.id}`, headers: tech, payload });
      expect(put.statusCode).toBe(200);
    }
    await waitFor(() => (host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok');
    const test = async (id: string, action: string) =>
      DeviceTestResult.parse(
        (await host.app.inject({ method: 'POST', url: `/api/v1/devices/${id}/test`, headers: tech, payload: { action } })).json(),
      );
    // A keypad bound to no window has nowhere to send.
    expect(await test('keypad-9', 'beep')).toMatchObject({ ok: false, code: 'keypad_unbound', params: {} });
    expect(await test('led-9', 'show-text')).toMatchObject({ ok: true, code: 'screen_shown', params: {} });
    const reader = await test('idcard-9', 'read-card');
    expect(reader).toMatchObject({ ok: true, code: 'no_card' });
    expect(reader.code === 'no_card' && reader.params.samId).toMatch(/^\d{2}\.\d{2}-/);
    for (const { id } of devices) await host.app.inject({ method: 'DELETE', url: `/api/v1/devices/${id}`, headers: tech });
  });

  it('rejects a device config with a bad transport', async () => {
    const res = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/devices/x-1',
      headers: tech,
      payload: { id: 'x-1', kind: 'printer', transport: { type: 'serial' } },
    });
    expect(res.statusCode).toBe(400);
  });

  it('discovers the buses it can read', async () => {
    const res = await host.app.inject({ url: '/api/v1/devices/discover', headers: tech });
    expect(() => DiscoveryResult.parse(res.json())).not.toThrow();
  });
});
