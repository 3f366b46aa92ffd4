import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LiveHall } from '../../../../contracts/platform-console';
import LiveScreen, { isSilent } from '../../../../renderer/district/live/LiveScreen';
import { fakeDistrict, renderSection } from '../support';

const at = '2026-11-27T02:00:00.000Z';
const centre: LiveHall = {
  hallId: 'dc',
  name: '区政务服务中心',
  level: 'district-centre',
  waiting: 12,
  servedToday: 140,
  reportedAt: '2026-11-27T01:59:30.000Z',
};
const community: LiveHall = {
  hallId: 'cc-01',
  name: '东湖社区中心',
  level: 'community-centre',
  waiting: 3,
  servedToday: 41,
  reportedAt: '2026-11-27T01:50:00.000Z',
};
const halls = [centre, community];

describe('实时: every hall live', () => {
  it('marks a hall silent after three minutes, by the platform’s clock', () => {
    expect(isSilent(centre, at)).toBe(false);
    expect(isSilent(community, at)).toBe(true);
    const { reportedAt: _never, ...neverReported } = centre;
    expect(isSilent(neverReported, at)).toBe(true);
  });

  it('shows each hall’s waiting and served counts, the district’s totals, and who went silent', async () => {
    renderSection(<LiveScreen />, fakeDistrict({ live: vi.fn(async () => ({ halls, at })) }), 'viewer');
    const table = await screen.findByTestId('dst-live');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toBe('区政务服务中心区中心121402026/11/27 09:59 ');
    expect(rows[2]?.textContent).toContain('未上报');
    expect(screen.getByTestId('dst-live-total').textContent).toBe('全区合计：等候 15 人，今日已办 181 件。');
  });

  it('says so on a platform that does not serve live figures yet', async () => {
    renderSection(<LiveScreen />, fakeDistrict(), 'viewer');
    expect((await screen.findByTestId('dst-live-not-served')).textContent).toBe('此平台尚未提供实时数据。');
  });
});
