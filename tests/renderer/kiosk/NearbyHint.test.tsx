import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NearbyHall } from '../../../contracts/central-api';
import type { HostHealth } from '../../../contracts/health';
import type { Service } from '../../../contracts/queue';
import { ServicePicker } from '../../../renderer/kiosk/ServicePicker';
import { fakeApi } from '../support/fake-api';
import { inKioskVisit } from '../support/kiosk-session';
import { renderScreen } from '../support/render';

const allDay = [{ from: '00:00', to: '24:00', duty: false }];
const HEALTH: HostHealth = {
  status: 'ok',
  version: '0.0.0',
  role: 'kiosk',
  hallName: '东城区政务服务中心',
  timeZone: 'Asia/Shanghai',
  cardKindsWithAddress: ['resident'],
  businessDay: '2027-03-01',
  devices: [],
  hallLink: {
    state: 'hall',
    hallUrl: null,
    hallName: null,
    since: '2027-03-01T00:00:00.000Z',
    lastError: null,
    caFingerprint: null,
  },
  storage: { state: 'ok', since: '2027-03-01T00:00:00.000Z' },
};

function service(code: string, name: string, waiting: number, estimatedWaitMinutes: number): Service {
  return {
    code,
    name,
    nameEn: code,
    prefix: 'B',
    open: true,
    closedReason: null,
    waiting,
    estimatedWaitMinutes,
    materials: '',
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    nextOpening: null,
  };
}

function hall(overrides: Partial<NearbyHall> = {}): NearbyHall {
  return {
    hallId: 'hall-02',
    name: '景山社区政务服务中心',
    address: null,
    level: 'community-centre',
    open: true,
    waiting: 3,
    estimatedWaitMinutes: 10,
    ageSeconds: 40,
    stale: false,
    ...overrides,
  };
}

/** The 取号 picker of a hall where 社保 has a long wait (45 min) and 不动产 a short one (5 min). */
function picker(nearbyHalls: (code: string) => Promise<{ halls: NearbyHall[] }>) {
  const ask = vi.fn(nearbyHalls);
  const api = fakeApi({
    services: async () => ({
      services: [service('social-security', '社保医保', 15, 45), service('real-estate', '不动产登记', 1, 5)],
    }),
    nearbyHalls: ask,
  });
  const { queryClient } = renderScreen(inKioskVisit(<ServicePicker onPick={() => undefined} />, { health: HEALTH }).ui, api);
  /** Resolves once the kiosk has its answer about 社保, whatever it was. */
  const answered = () =>
    waitFor(() => expect(queryClient.getQueryState(['nearby', 'social-security'])?.status).toMatch(/success|error/));
  return { ask, answered };
}

const tile = async (name: string) => (await screen.findByText(name)).closest('button');

describe('就近办 on the kiosk’s 取号 tiles', () => {
  it('names a nearby hall with a shorter wait under a long wait, and asks only for the long one', async () => {
    const { ask } = picker(async () => ({ halls: [hall()] }));
    const nearby = await screen.findByTestId('nearby-hall');
    expect(nearby.textContent).toBe('附近：景山社区政务服务中心 等候 3 人，约 10 分钟');
    expect((await tile('社保医保'))?.contains(nearby)).toBe(true);
    expect(ask.mock.calls).toEqual([['social-security']]);
  });

  it('names the first hall worth the trip: heard from lately, issuing numbers, ten minutes shorter at least', async () => {
    picker(async () => ({
      halls: [
        hall({ hallId: 'quiet', name: '安定门', stale: true, estimatedWaitMinutes: 0 }),
        hall({ hallId: 'closed', name: '东华门', open: false, estimatedWaitMinutes: 0 }),
        hall({ hallId: 'barely', name: '交道口', estimatedWaitMinutes: 36 }),
        hall({ hallId: 'worth', name: '北新桥', estimatedWaitMinutes: 35, waiting: 8 }),
      ],
    }));
    expect((await screen.findByTestId('nearby-hall')).textContent).toBe('附近：北新桥 等候 8 人，约 35 分钟');
  });

  it('shows nothing when no hall saves the trip', async () => {
    const { answered } = picker(async () => ({ halls: [hall({ estimatedWaitMinutes: 40 })] }));
    await answered();
    expect(screen.queryByTestId('nearby-hall')).toBeNull();
  });

  it('shows nothing, and no error, when the district platform is out of reach', async () => {
    const { answered } = picker(() => Promise.reject(new Error('network')));
    await answered();
    expect(screen.queryByTestId('nearby-hall')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await tile('社保医保')).not.toBeNull();
  });
});
