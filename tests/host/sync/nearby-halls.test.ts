import { describe, expect, it, vi } from 'vitest';
import type { NearbyHall, NearbyResponse } from '../../../contracts/central-api';
import type { CentralResult } from '../../../host/sync/central-client';
import { NearbyHalls } from '../../../host/sync/nearby-halls';
import { ManualClock } from './support';

const jingshan: NearbyHall = {
  hallId: 'hall-02',
  name: '景山社区政务服务中心',
  address: null,
  level: null,
  open: true,
  waiting: 3,
  estimatedWaitMinutes: 10,
  ageSeconds: 20,
  stale: false,
};
const answer = (halls: NearbyHall[]): CentralResult<NearbyResponse> => ({ ok: true, status: 200, body: { service: 'x', halls } });

describe('host/sync: NearbyHalls, the kiosk’s 就近办 line kept for half a minute', () => {
  it('asks the platform once per service and half-minute, however many kiosks look', async () => {
    const clock = new ManualClock();
    const ask = vi.fn(async () => answer([jingshan]));
    const nearby = new NearbyHalls({ clock, hallId: 'hall-01', ask });
    const [a, b] = await Promise.all([nearby.forService('social-security'), nearby.forService('social-security')]);
    expect(a).toEqual([jingshan]);
    expect(b).toEqual([jingshan]);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith('hall-01', 'social-security');

    clock.advance(29_000);
    // Kept 29 s: it is that much older, as a citizen would want it told.
    expect((await nearby.forService('social-security'))[0]?.ageSeconds).toBe(49);
    expect(ask).toHaveBeenCalledTimes(1);
    await nearby.forService('livelihood');
    expect(ask).toHaveBeenCalledTimes(2);
    clock.advance(1_000);
    await nearby.forService('social-security');
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('marks a kept answer stale once its age passes three minutes', async () => {
    const clock = new ManualClock();
    const nearby = new NearbyHalls({
      clock,
      hallId: 'hall-01',
      ask: async () => answer([{ ...jingshan, ageSeconds: 170 }]),
      ttlMs: 60_000,
    });
    await nearby.forService('social-security');
    clock.advance(11_000);
    expect(await nearby.forService('social-security')).toEqual([{ ...jingshan, ageSeconds: 181, stale: true }]);
  });

  it('answers "no halls" when the platform is out of reach or refuses, and does not ask again at every tap', async () => {
    const clock = new ManualClock();
    const failures: (() => Promise<CentralResult<NearbyResponse>>)[] = [
      async () => ({ ok: false, kind: 'retryable', message: 'network error (ECONNREFUSED)' }),
      async () => ({ ok: false, kind: 'permanent', status: 400, code: 'invalid_request', message: 'HTTP 400 invalid_request' }),
      () => Promise.reject(new Error('unexpected')),
    ];
    for (const failure of failures) {
      const ask = vi.fn(failure);
      const nearby = new NearbyHalls({ clock, hallId: 'hall-01', ask });
      expect(await nearby.forService('social-security')).toEqual([]);
      expect(await nearby.forService('social-security')).toEqual([]);
      expect(ask).toHaveBeenCalledTimes(1);
    }
  });

  it('remembers at most 64 services, so invented codes cannot grow it', async () => {
    const clock = new ManualClock();
    const ask = vi.fn(async () => answer([]));
    const nearby = new NearbyHalls({ clock, hallId: 'hall-01', ask });
    for (let i = 0; i < 100; i++) await nearby.forService(`code-${i}`);
    // The latest 64 are kept (no new question); the first ones were let go (asked again).
    await nearby.forService('code-99');
    await nearby.forService('code-36');
    expect(ask).toHaveBeenCalledTimes(100);
    await nearby.forService('code-0');
    expect(ask).toHaveBeenCalledTimes(101);
  });
});
