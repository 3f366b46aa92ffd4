import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHost } from '../support/test-host';
import { counterAt, startSecurityHall, trySignIn, type SignInAttempt } from './support';

/**
 * Issue 18: sign-in had a per-account lockout an attacker could trigger on purpose, no limit per
 * client or overall, and answered 429 only for staff numbers that exist. A client elsewhere on the
 * LAN is a paired counter PC (the only LAN terminal that may sign in), told apart by its address.
 */
describe('staff sign-in is throttled per client and overall, the same for every staff number', () => {
  let host: TestHost;
  const WRONG = '000000';

  /** Status, error code and message: everything a caller can tell apart. */
  const answer = async (attempt: SignInAttempt) => {
    const res = await trySignIn(host.app, attempt);
    const body = res.json<{ error?: { code: string; message: string } }>();
    return { status: res.statusCode, code: body.error?.code, message: body.error?.message };
  };

  beforeEach(async () => {
    host = await startSecurityHall();
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('an attacker elsewhere on the LAN cannot lock a clerk out of their own window', async () => {
    for (let i = 0; i < 8; i += 1) await answer({ staffNo: '1001', pin: WRONG, from: '10.0.0.66' });
    expect((await answer({ staffNo: '1001', windowId: 1, from: '10.0.0.21' })).status).toBe(200);
  });

  it('an unknown staff number is answered exactly as a real one, throttling included', async () => {
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i += 1) {
      real.push(await answer({ staffNo: '1001', pin: WRONG, from: '10.0.0.31' }));
      unknown.push(await answer({ staffNo: 'X404', pin: WRONG, from: '10.0.0.32' }));
    }
    expect(unknown).toEqual(real);
    expect(real.at(-1)).toMatchObject({ status: 429 });
  });

  it('one client guessing across many staff numbers is stopped', async () => {
    const statuses: number[] = [];
    for (const staffNo of ['1001', '1002', '9001', '9002']) {
      for (let i = 0; i < 4; i += 1) statuses.push((await answer({ staffNo, pin: WRONG, from: '10.0.0.77' })).status);
    }
    expect(statuses).toContain(429);
    // Its own right PIN does not get it past the limit either.
    expect((await answer({ staffNo: '1002', from: '10.0.0.77' })).status).toBe(429);
    // Another client is not affected.
    expect((await answer({ staffNo: '1002', from: '10.0.0.78' })).status).toBe(200);
  });

  it('many clients guessing together are stopped overall', async () => {
    const clients = Array.from({ length: 70 }, (_, i) => `10.0.${Math.floor(i / 200)}.${(i % 200) + 10}`);
    // Every one a paired counter PC first (one by one, before any guess fills the overall window).
    for (const client of clients) await counterAt(host.app, client);
    const statuses: number[] = [];
    for (const [i, from] of clients.entries()) {
      statuses.push((await answer({ staffNo: `G${i}`, pin: WRONG, from })).status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(70);
    expect(statuses.at(-1)).toBe(429);
    // 70 pairings and 70 PIN hashes: seconds alone, more on a shared machine.
  }, 60_000);
});
