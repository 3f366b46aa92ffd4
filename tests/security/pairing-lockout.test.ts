import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { ManualClock } from '../host/sync/support';
import { newPairingCode } from './support';

const GUESSER = '192.168.10.66';
const NEW_COUNTER = '192.168.10.23';

/**
 * Issue 18, "pairing lockout is global": ten wrong codes from one LAN client used to block every
 * pairing in the hall, so a passer-by on the Wi-Fi could keep the technician from pairing anything.
 */
describe('pairing lockout per client', () => {
  let host: TestHost;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(Date.now());
    host = await startTestHost({ clock, config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const claim = (code: string, remoteAddress: string) =>
    host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/claim',
      payload: { code, name: '一楼窗口', kind: 'counter' },
      remoteAddress,
    });

  it('ten wrong codes lock the guessing client out, and another client still pairs with the right code', async () => {
    const code = await newPairingCode(host.app);
    const wrong = code === '000000' ? '000001' : '000000';
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await claim(wrong, GUESSER)).statusCode);
    expect(answers.every((status) => status === 401)).toBe(true);
    // The guesser is locked out, even with the right code…
    const locked = await claim(code, GUESSER);
    expect([locked.statusCode, locked.json<{ error: { code: string } }>().error.code]).toEqual([429, 'locked_out']);
    // …while the counter PC the technician is pairing is not.
    expect((await claim(code, NEW_COUNTER)).statusCode).toBe(201);
    // The guesser's minute passes and it may try again.
    clock.advance(60_000);
    expect((await claim(wrong, GUESSER)).statusCode).toBe(401);
  });
});
