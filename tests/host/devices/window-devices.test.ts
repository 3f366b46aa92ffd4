import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeypadDevice } from '../../../host/devices/keypad-device';
import { LedScreenDevice } from '../../../host/devices/ledscreen-device';
import { ScannerDevice } from '../../../host/devices/scanner-device';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** The caller keypad, LED screen and scanner of window 1, all simulated over real bytes. */
describe('window devices', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: {
        staff: await testStaffSeeds(),
        devices: [
          {
            id: 'keypad-1',
            kind: 'caller',
            transport: { type: 'simulated' },
            options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
          },
          { id: 'led-1', kind: 'ledscreen', transport: { type: 'simulated' }, options: { ledscreen: { windowNumber: 1 } } },
          { id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } },
        ],
      },
    });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const keypad = () => host.devices.simulatorsOf(KeypadDevice)[0]?.simulator;
  const led = () => host.devices.simulatorsOf(LedScreenDevice)[0]?.simulator;
  const window1 = () => host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
  const issue = () =>
    host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });

  it('the call key calls the next ticket for the staff member signed in at the window; keypad and LED show it', async () => {
    await signIn(host.app, '1001', window1());
    await issue();
    keypad()?.press(1, 'call');
    await waitFor(() => host.queue.window(window1()).current ?? undefined, 'ticket called');
    expect(host.queue.window(window1()).current?.number).toBe('A001');
    await waitFor(() => (keypad()?.displayed.get(1)?.includes('001') ? true : undefined), 'keypad display');
    await waitFor(() => (led()?.shown?.join(' ').includes('请A001号') ? true : undefined), 'LED text');
    const audit = host.db.prepare("SELECT staff_id AS staffId FROM audit_log WHERE action = 'ticket.call'").get() as {
      staffId: number;
    };
    expect(audit.staffId).not.toBeNull();
  });

  it('a keypad at a window where nobody signed in calls nobody and beeps', async () => {
    await issue();
    keypad()?.press(1, 'call');
    await waitFor(() => ((keypad()?.beeps.length ?? 0) > 0 ? true : undefined), 'beep');
    expect(host.queue.window(window1()).current).toBeNull();
  });

  it('a scanned code reaches the hall event stream', async () => {
    const codes: string[] = [];
    host.bus.subscribe((e) => {
      if (e.type === 'scanner.scanned') codes.push(e.code);
    });
    host.devices.simulatorsOf(ScannerDevice)[0]?.simulator?.scan('YY20261127-0001');
    await waitFor(() => (codes.length > 0 ? true : undefined), 'scan');
    expect(codes).toEqual(['YY20261127-0001']);
  });

  it('follows a keypad model with other key codes from the device config', async () => {
    // Saved as a technician does, through the console's API.
    const saved = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/devices/keypad-1',
      headers: await signIn(host.app, '8001'),
      payload: {
        id: 'keypad-1',
        kind: 'caller',
        transport: { type: 'simulated' },
        // This model sends 0x21 for "call".
        options: { caller: { bindings: [{ address: 1, windowNumber: 1 }], model: { name: 'other', keys: { '33': 'call' } } } },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await signIn(host.app, '1001', window1());
    await issue();
    keypad()?.press(1, 'call');
    await waitFor(() => host.queue.window(window1()).current ?? undefined, 'ticket called');
    expect(host.queue.window(window1()).current?.number).toBe('A001');
    // The key went over the wire as this model's code: …, 0x21, CS, 0x16.
    expect(keypad()?.sentFrames.at(-1)?.at(-3)).toBe(0x21);
  });
});
