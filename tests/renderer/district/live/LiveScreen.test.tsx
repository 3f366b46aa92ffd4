import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveHall, LiveHallsResponse, LiveSnapshot } from '../../../../contracts/central-api';
import LiveScreen, { liveTotals } from '../../../../renderer/district/live/LiveScreen';
import { fakeDistrict, renderSection } from '../support';

const at = '2026-11-27T02:00:00.000Z';

function snapshot(hallId: string, today: Partial<LiveSnapshot['today']>, rest: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    hallId,
    takenAt: '2026-11-27T01:59:30.000Z',
    open: true,
    openWindows: 3,
    services: [],
    today: {
      businessDay: '2026-11-27',
      issued: 50,
      served: 40,
      noShow: 1,
      cancelled: 0,
      waiting: 8,
      inService: 2,
      avgWaitSeconds: 600,
      maxWaitSeconds: 1500,
      avgServiceSeconds: 300,
      serviceLevelPct: 87.5,
      ...today,
    },
    ...rest,
  };
}

const centre: LiveHall = {
  hallId: 'hall-01',
  name: '星河区政务服务中心',
  address: '星河区市民中心大道88号',
  level: 'district-centre',
  snapshot: snapshot('hall-01', { waiting: 12, served: 140 }, { openWindows: 9 }),
  receivedAt: '2026-11-27T01:59:40.000Z',
  ageSeconds: 20,
  stale: false,
};
/** Went quiet: its last figures are old. */
const quiet: LiveHall = {
  hallId: 'hall-02',
  name: '星河区湖滨街道社区政务服务中心',
  address: '星河区湖滨路126号',
  level: 'community-centre',
  snapshot: snapshot('hall-02', { waiting: 3, served: 41, serviceLevelPct: null }, { open: false, openWindows: 0 }),
  receivedAt: '2026-11-27T01:50:00.000Z',
  ageSeconds: 600,
  stale: true,
};
/** Registered, never reported. */
const silent: LiveHall = {
  hallId: 'hall-03',
  name: '星河区桂园街道社区政务服务中心',
  address: '星河区桂园北街15号',
  level: 'community-centre',
  snapshot: null,
  receivedAt: null,
  ageSeconds: null,
  stale: true,
};
const answer: LiveHallsResponse = { at, staleAfterSeconds: 180, halls: [centre, quiet, silent] };

const rowOf = (hallId: string): HTMLElement => {
  const row = screen.getByTestId('dst-live').querySelector<HTMLElement>(`[data-hall="${hallId}"]`);
  if (!row) throw new Error(`no row of ${hallId}`);
  return row;
};

describe('实时: every hall live', () => {
  afterEach(() => vi.useRealTimers());

  it('shows each hall’s figures as it last reported them, and marks the lost and the never-reported', async () => {
    renderSection(<LiveScreen />, fakeDistrict({ live: vi.fn(async () => answer) }), 'viewer');
    await screen.findByTestId('dst-live');
    expect(rowOf('hall-01').textContent).toBe('星河区政务服务中心区中心取号中12140987.5%2026/11/27 09:59');
    expect(rowOf('hall-02').textContent).toBe('星河区湖滨街道社区政务服务中心社区中心未开放3410—2026/11/27 09:50 已失联');
    expect(rowOf('hall-03').textContent).toBe('星河区桂园街道社区政务服务中心社区中心—————无数据');
    expect(within(rowOf('hall-01')).queryByText(/已失联|无数据/)).toBeNull();
    expect(screen.getByText('数据截至 2026/11/27 10:00')).toBeTruthy();
    expect(screen.getByText(/超过 3 分钟没有上报的大厅标为“已失联”/)).toBeTruthy();
  });

  it('adds up the halls that sent figures, and says how many they are', async () => {
    renderSection(<LiveScreen />, fakeDistrict({ live: vi.fn(async () => answer) }), 'viewer');
    expect((await screen.findByTestId('dst-live-total')).textContent).toBe(
      '2 个有数据的大厅合计：正在等候 15 人，今日已办 181 件，开放窗口 9 个。',
    );
    expect(liveTotals([silent])).toEqual({ count: 0, waiting: 0, served: 0, windows: 0 });
  });

  it('leaves the totals out while no hall has reported', async () => {
    renderSection(<LiveScreen />, fakeDistrict({ live: vi.fn(async () => ({ ...answer, halls: [silent] })) }), 'viewer');
    await screen.findByTestId('dst-live');
    expect(screen.queryByTestId('dst-live-total')).toBeNull();
  });

  it('reads the halls again every 30 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const live = vi.fn(async () => answer);
    renderSection(<LiveScreen />, fakeDistrict({ live }), 'viewer');
    await screen.findByTestId('dst-live');
    expect(live).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(live).toHaveBeenCalledTimes(2);
  });

  it('says so when the platform cannot be read', async () => {
    renderSection(<LiveScreen />, fakeDistrict(), 'viewer');
    expect((await screen.findByRole('alert')).textContent).toBe('error:not_found');
  });
});
