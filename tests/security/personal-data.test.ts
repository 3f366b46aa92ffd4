import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurrentIdentity } from '../../contracts/identity';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { ManualClock } from '../host/sync/support';

/**
 * Issue 18, item 5: personal data that cannot be recovered. An attacker holding a copy of the
 * hall's database, or a reply of the central API's `/v1/appointments`, must not get a citizen's
 * ID number back; `/identity` shows no exact age.
 */

describe('/identity: an age band, not the age', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ clock: new ManualClock() });
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('tells the kiosk the decade of the holder’s age and never the exact age', async () => {
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'card read');
    const res = await host.app.inject({ method: 'GET', url: '/api/v1/identity' });
    expect(res.statusCode).toBe(200);
    const { identity } = CurrentIdentity.parse(res.json());
    // Born 1985-03-15, 41 on the hall's 2026-11-27.
    expect(res.body).not.toMatch(/"age"\s*:/);
    expect(identity).toMatchObject({ ageBand: '40-49' });
  });
});
