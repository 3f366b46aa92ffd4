import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatedToken, TerminalList } from '../../contracts/pairing';
import { signIn, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { ManualClock } from '../host/sync/support';
import { LAN_CLIENT, pairTerminal } from './support';

const DAY = 86_400_000;

/**
 * Issue 18, "terminal tokens never expire": a token copied from a counter PC (or left on a PC
 * taken out of the hall) opened the hall's API for good. Now a token dies 30 days after its last
 * use or 90 days after it was issued, with a typed error; terminals exchange it for a new one.
 */
describe('terminal tokens expire and rotate', () => {
  let host: TestHost;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(Date.now());
    host = await startTestHost({ clock, config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const services = (headers: Record<string, string>) =>
    host.app.inject({ url: '/api/v1/services', headers, remoteAddress: LAN_CLIENT });
  const errorCode = (res: { json<T>(): T }) => res.json<{ error?: { code: string } }>().error?.code;

  it('a token unused for 30 days is refused as terminal_expired', async () => {
    const token = await pairTerminal(host.app, 'counter');
    clock.advance(29 * DAY);
    expect((await services({ 'x-terminal-token': token })).statusCode).toBe(200);
    // Used on day 29: good until day 59.
    clock.advance(30 * DAY - 60_000);
    expect((await services({ 'x-terminal-token': token })).statusCode).toBe(200);
    clock.advance(30 * DAY);
    const late = await services({ 'x-terminal-token': token });
    expect([late.statusCode, errorCode(late)]).toEqual([401, 'terminal_expired']);
    // The pages say so too, not only the API.
    const page = await host.app.inject({ url: '/counter', headers: { 'x-terminal-token': token }, remoteAddress: LAN_CLIENT });
    expect(errorCode(page)).toBe('terminal_expired');
  });

  it('a token in daily use still dies 90 days after it was issued', async () => {
    const token = await pairTerminal(host.app, 'counter');
    for (let day = 0; day < 89; day += 7) {
      clock.advance(7 * DAY);
      const res = await services({ 'x-terminal-token': token });
      expect(res.statusCode, `day ${day + 7}`).toBe(day + 7 < 90 ? 200 : 401);
    }
    clock.advance(7 * DAY);
    expect(errorCode(await services({ 'x-terminal-token': token }))).toBe('terminal_expired');
  });

  it('a terminal exchanges its token for a new one, and the old one dies at once', async () => {
    const old = await pairTerminal(host.app, 'host');
    for (let week = 0; week < 4; week++) {
      clock.advance(20 * DAY);
      expect((await services({ 'x-terminal-token': old })).statusCode).toBe(200);
    }
    const rotated = await host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/rotate',
      headers: { 'x-terminal-token': old },
      remoteAddress: LAN_CLIENT,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = RotatedToken.parse(rotated.json());
    expect(Date.parse(fresh.expiresAt)).toBe(clock.now().getTime() + 30 * DAY);
    const refused = await host.app.inject({
      url: '/api/v1/terminal/tickets/1',
      headers: { 'x-terminal-token': old },
      remoteAddress: LAN_CLIENT,
    });
    expect([refused.statusCode, errorCode(refused)]).toEqual([401, 'terminal_unpaired']);
    // Past the old token's 90 days, the new one works: its age counts from the exchange.
    clock.advance(20 * DAY);
    expect((await services({ 'x-terminal-token': fresh.token })).statusCode).toBe(200);
  });

  it('a browser exchanges its cookie: the reply sets the new one', async () => {
    const token = await pairTerminal(host.app, 'display');
    const rotated = await host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/rotate',
      headers: { cookie: `hk_terminal=${encodeURIComponent(token)}` },
      remoteAddress: LAN_CLIENT,
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = RotatedToken.parse(rotated.json());
    expect(String(rotated.headers['set-cookie'])).toMatch(
      new RegExp(`^hk_terminal=${encodeURIComponent(fresh.token)}; Path=/; HttpOnly; SameSite=Strict`),
    );
    expect((await services({ cookie: `hk_terminal=${encodeURIComponent(token)}` })).statusCode).toBe(401);
    expect((await services({ cookie: `hk_terminal=${encodeURIComponent(fresh.token)}` })).statusCode).toBe(200);
  });

  it('the technician console sees when each terminal’s token expires', async () => {
    await pairTerminal(host.app, 'counter');
    const pairedAt = clock.now().getTime();
    clock.advance(10 * DAY);
    const tech = await signIn(host.app, '8001');
    const list = TerminalList.parse((await host.app.inject({ url: '/api/v1/pairing/terminals', headers: tech })).json());
    expect(list.terminals.map((t) => Date.parse(t.expiresAt))).toEqual([pairedAt + 30 * DAY]);
  });
});
