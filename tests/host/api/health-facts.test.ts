import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostHealth } from '../../../contracts/health';
import { CardKind } from '../../../contracts/identity';
import { parseIdCard } from '../../../hardware/idcard/card';
import { buildTextBlock, placeholderPhoto, simulatedCards } from '../../../hardware/idcard/simulated-cards';
import { startTestHost, type TestHost } from '../../support/test-host';

/**
 * The facts the renderer asks the host for instead of deciding them itself: which zone the hall
 * keeps, and which card kinds carry an address (the kiosk's 零填表 takes it from those only).
 */
describe('GET /health: the hall facts pages ask for', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ config: { timeZone: 'Asia/Urumqi' } });
  });
  afterAll(async () => {
    await host.dispose();
  });

  const health = async () => HostHealth.parse((await host.app.inject({ method: 'GET', url: '/api/v1/health' })).json());

  it('names the configured time zone, not a built-in one', async () => {
    expect((await health()).timeZone).toBe('Asia/Urumqi');
  });

  it('lists exactly the card kinds whose parsed card has an address', async () => {
    const listed = new Set((await health()).cardKindsWithAddress);
    const seen = new Map<CardKind, boolean>();
    for (const card of Object.values(simulatedCards)) {
      const parsed = parseIdCard(buildTextBlock(card), placeholderPhoto());
      if (!parsed.ok) throw new Error(`simulated card did not parse: ${parsed.error.kind}`);
      seen.set(parsed.card.kind, 'address' in parsed.card);
    }
    // Every kind is among the simulated cards, so the comparison covers them all.
    expect([...seen.keys()].sort()).toEqual([...CardKind.options].sort());
    for (const [kind, hasAddress] of seen) expect(listed.has(kind), kind).toBe(hasAddress);
  });
});
