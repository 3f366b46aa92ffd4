import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admitsTerminal, operationList, type CallerTerminal } from '../../contracts/api';
import { CurrentIdentity } from '../../contracts/identity';
import { testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { ELDER_ITEM, elderForm } from '../host/cases/support';
import { LAN_CLIENT, openKioskPage, pairTerminal, placeCard, sampleUrl } from './support';

/** What the hall TV pairs as. */
const TV_KIND = 'display';

/**
 * Issue 18, "a paired terminal is a kiosk": the citizen at the reader belongs to the kiosk page that
 * read the card. A hall TV (or any other paired terminal) and a second kiosk page must not file a
 * case in the citizen's name, read the citizen's cases or end the visit.
 */
describe('least privilege: the citizen at the reader', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const identityAtKiosk = async (headers: Record<string, string> = {}) =>
    CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity', headers })).json()).identity;

  it('a paired hall TV can neither file a case for the citizen, read the citizen’s cases nor end the visit', async () => {
    const tv = { 'x-terminal-token': await pairTerminal(host.app, TV_KIND) };
    await placeCard(host.app);
    const asTv = (method: 'GET' | 'POST', url: string, payload?: object) =>
      host.app.inject({ method, url, headers: tv, remoteAddress: LAN_CLIENT, ...(payload ? { payload } : {}) });

    const filed = await asTv('POST', '/api/v1/cases', { itemCode: ELDER_ITEM, form: elderForm });
    expect([filed.statusCode, filed.json<{ error?: { code: string } }>().error?.code]).toEqual([403, 'terminal_forbidden']);
    const mine = await asTv('GET', '/api/v1/cases/mine');
    expect(mine.statusCode).toBe(403);
    const seen = await asTv('GET', '/api/v1/identity');
    expect(seen.statusCode).toBe(403);
    const ended = await asTv('POST', '/api/v1/identity/end');
    expect(ended.statusCode).toBe(403);

    // Nothing was filed and the citizen's visit goes on at the kiosk.
    expect(host.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(await identityAtKiosk()).not.toBeNull();
  });

  it('a second kiosk page on this machine gets 403 for the card read at the kiosk page', async () => {
    const address = await host.app.listen({ host: '127.0.0.1', port: 0 });
    const kioskPage = crypto.randomUUID();
    const otherPage = crypto.randomUUID();
    const kiosk = await openKioskPage(address.replace('http', 'ws'), kioskPage);
    const other = await openKioskPage(address.replace('http', 'ws'), otherPage);
    expect([kiosk.seated(), other.seated()]).toEqual([true, false]);
    await placeCard(host.app, { 'x-kiosk-page': kioskPage });
    const fromOther = { 'x-kiosk-page': otherPage };

    const filed = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: fromOther,
      payload: { itemCode: ELDER_ITEM, form: elderForm },
    });
    expect([filed.statusCode, filed.json<{ error?: { code: string } }>().error?.code]).toEqual([403, 'kiosk_seat_taken']);
    expect((await host.app.inject({ url: '/api/v1/cases/mine', headers: fromOther })).statusCode).toBe(403);
    expect((await host.app.inject({ url: '/api/v1/identity', headers: fromOther })).statusCode).toBe(403);
    expect(host.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(await identityAtKiosk({ 'x-kiosk-page': kioskPage })).not.toBeNull();
    kiosk.close();
    other.close();
  });
});

/** The refusals of the access guard (host/api/route.ts), as opposed to a handler's answers. */
const GUARD_CODES = ['terminal_unpaired', 'terminal_expired', 'terminal_forbidden', 'kiosk_seat_taken', 'unauthorized'];

/**
 * What a hall TV may call: the public board, what anyone may (the claim of a pairing code, and the
 * hall's CA certificate and TLS facts a browser needs before it is paired) and the exchange of its
 * own token.
 */
const DISPLAY_OPERATIONS = [
  'announcementSpeech',
  'catalog',
  'claimPairing',
  'displaySettings',
  'events',
  'hallInfo',
  'health',
  // The hall CA (certificate and fingerprint) is for anyone: a screen installs it before it pairs.
  'lanCaCertificate',
  'lanTls',
  'notices',
  'recentCalls',
  'rotateTerminalToken',
  'services',
  'window',
  'windows',
];

/** What a window's rating pad may call besides the board: its own binding and the rating itself. */
const EVALUATOR_OPERATIONS = [...DISPLAY_OPERATIONS, 'evaluatorSelf', 'submitEvaluation'].sort();

describe('least privilege: every operation of the route table', () => {
  let host: TestHost;
  let wsBase: string;
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
    wsBase = (await host.app.listen({ host: '127.0.0.1', port: 0 })).replace('http', 'ws');
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('admits a hall TV to the public board only, a rating pad to the board and its rating', () => {
    expect(
      operationList
        .filter((op) => admitsTerminal(op, 'display'))
        .map((op) => op.name)
        .sort(),
    ).toEqual(DISPLAY_OPERATIONS);
    expect(
      operationList
        .filter((op) => admitsTerminal(op, 'evaluator'))
        .map((op) => op.name)
        .sort(),
    ).toEqual(EVALUATOR_OPERATIONS);
    // …and no citizen operation to any terminal but this machine's kiosk page.
    for (const op of operationList.filter((o) => o.access.citizen)) expect(op.access.from, op.name).toEqual(['kioskShell']);
  });

  it('refuses every operation to a TV, a counter PC without sign-in, a rating pad, a secondary kiosk and a second kiosk page, unless declared', async () => {
    const kioskPage = crypto.randomUUID();
    const kiosk = await openKioskPage(wsBase, kioskPage);
    const secondPage = crypto.randomUUID();
    const second = await openKioskPage(wsBase, secondPage);
    expect(second.seated()).toBe(false);
    await placeCard(host.app, { 'x-kiosk-page': kioskPage });

    const callers: { who: CallerTerminal; label: string; headers: Record<string, string>; remoteAddress: string }[] = [
      {
        who: 'display',
        label: 'hall TV',
        headers: { 'x-terminal-token': await pairTerminal(host.app, 'display') },
        remoteAddress: LAN_CLIENT,
      },
      {
        who: 'counter',
        label: 'counter PC',
        headers: { 'x-terminal-token': await pairTerminal(host.app, 'counter') },
        remoteAddress: LAN_CLIENT,
      },
      {
        who: 'evaluator',
        label: 'rating pad',
        headers: { 'x-terminal-token': await pairTerminal(host.app, 'evaluator', LAN_CLIENT, 1) },
        remoteAddress: LAN_CLIENT,
      },
      {
        who: 'secondaryKiosk',
        label: 'secondary kiosk',
        headers: { 'x-terminal-token': await pairTerminal(host.app, 'host') },
        remoteAddress: LAN_CLIENT,
      },
      { who: 'kioskShell', label: 'second kiosk page', headers: { 'x-kiosk-page': secondPage }, remoteAddress: '127.0.0.1' },
    ];
    // The token exchange last: it kills the token the other requests carry.
    const ops = [...operationList].sort(
      (a, b) => Number(a.name === 'rotateTerminalToken') - Number(b.name === 'rotateTerminalToken'),
    );
    for (const caller of callers) {
      for (const op of ops) {
        const res = await host.app.inject({
          method: op.method,
          url: sampleUrl(op),
          headers: caller.headers,
          remoteAddress: caller.remoteAddress,
          ...(op.body ? { payload: {} } : {}),
        });
        const code = res.statusCode >= 400 ? res.json<{ error?: { code: string } }>().error?.code : undefined;
        const declared =
          admitsTerminal(op, caller.who) &&
          !(op.access.citizen && caller.label === 'second kiosk page') &&
          (op.access.staff === undefined || op.access.staff === 'optional');
        const what = `${caller.label} → ${op.name}`;
        if (declared) expect(GUARD_CODES, what).not.toContain(code);
        else {
          expect([401, 403], what).toContain(res.statusCode);
          expect(GUARD_CODES, what).toContain(code);
        }
      }
    }
    kiosk.close();
    second.close();
  });
});
