import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallLinkStatus } from '../../contracts/hall-link';
import { RotatedToken, TerminalList } from '../../contracts/pairing';
import { readLinkCredentials } from '../../host/hall-link/link-credentials';
import { signIn, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { ManualClock } from '../host/sync/support';
import { waitFor } from '../support/wait';
import { LAN_CLIENT, newPairingCode, pairTerminal } from './support';

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

describe('a secondary kiosk rotates its hall token on its own', () => {
  let hall: TestHost;
  let kiosk: TestHost;
  let hallClock: ManualClock;
  let kioskClock: ManualClock;
  beforeEach(async () => {
    hallClock = new ManualClock(Date.now());
    kioskClock = new ManualClock(Date.now());
    hall = await startTestHost({ clock: hallClock, config: { staff: await testStaffSeeds() } });
    const hallUrl = await hall.app.listen({ host: '127.0.0.1', port: 0 });
    kiosk = await startTestHost({
      clock: kioskClock,
      config: { staff: await testStaffSeeds(), hallUrl, terminalId: 'kiosk-02' },
    });
  });
  afterEach(async () => {
    await kiosk.dispose();
    await hall.dispose();
  });

  it('exchanges a week-old token at its next call to the hall, and keeps working with the new one', async () => {
    const paired = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(kiosk.app, '8001'),
      payload: { code: await newPairingCode(hall.app) },
    });
    expect(paired.statusCode, paired.body).toBe(200);
    const first = readLinkCredentials(kiosk.db)?.token;
    expect(first).toBeDefined();

    // Six days: not yet due.
    hallClock.advance(6 * DAY);
    kioskClock.advance(6 * DAY);
    expect((await kiosk.app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);
    expect(readLinkCredentials(kiosk.db)?.token).toBe(first);

    // A week: the next call exchanges it, in the background.
    hallClock.advance(DAY);
    kioskClock.advance(DAY);
    expect((await kiosk.app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);
    const second = await waitFor(() => {
      const token = readLinkCredentials(kiosk.db)?.token;
      return token !== first ? token : undefined;
    }, 'rotated token');
    expect(second).toBeDefined();
    // The hall no longer takes the old token; the kiosk goes on with the new one.
    const old = await hall.app.inject({ url: '/api/v1/services', headers: { 'x-terminal-token': first ?? '' } });
    expect(old.statusCode).toBe(401);
    expect((await kiosk.app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);
    expect(HallLinkStatus.parse((await kiosk.app.inject({ url: '/api/v1/hall-link' })).json()).hallName).not.toBeNull();
  });
});
