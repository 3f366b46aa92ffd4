import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Hall, HallCredential, IssuedCredential, RotatedCredential } from '../../../../contracts/platform-halls';
import { DistrictClientError } from '../../../../renderer/district/district-client';
import HallsScreen from '../../../../renderer/district/halls/HallsScreen';
import { fakeDistrict, renderSection } from '../support';

const weekday = [{ from: '09:00', to: '17:00', duty: false }];
const hours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] };
const centre: Hall = {
  hallId: 'hall-01',
  name: '星河区政务服务中心',
  level: 'district-centre',
  address: '星河区市民中心大道88号',
  hours,
  windows: 48,
  active: true,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};
const community: Hall = {
  ...centre,
  hallId: 'hall-02',
  name: '星河区湖滨街道社区政务服务中心',
  level: 'community-centre',
  address: '星河区湖滨路126号',
  windows: 6,
  active: false,
};
const active: HallCredential = {
  credentialId: 'HC00000002',
  hallId: 'hall-02',
  hint: 'hk_live_Ab3',
  state: 'active',
  createdAt: '2026-11-01T02:00:00.000Z',
  lastUsedAt: '2026-11-27T01:00:00.000Z',
};
const revoked: HallCredential = {
  credentialId: 'HC00000001',
  hallId: 'hall-02',
  hint: 'hk_live_Zz9',
  state: 'revoked',
  createdAt: '2026-10-01T02:00:00.000Z',
  revokedAt: '2026-11-01T02:00:00.000Z',
};
const TOKEN = `hk_live_${'N'.repeat(43)}`;
const issued: IssuedCredential = {
  credentialId: 'HC00000003',
  hallId: 'hall-02',
  hint: 'hk_live_NNN',
  state: 'active',
  createdAt: '2026-11-27T02:00:00.000Z',
  token: TOKEN,
};

function district(overrides: Parameters<typeof fakeDistrict>[0] = {}) {
  return fakeDistrict({
    halls: vi.fn(async () => ({ halls: [centre, community] })),
    hallCredentials: vi.fn(async () => ({ credentials: [active, revoked], next: null })),
    ...overrides,
  });
}

/** Opens hall-02's credentials from its row; returns the panel. */
async function openCommunity(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: '查看凭证：星河区湖滨街道社区政务服务中心' }));
  const panel = await screen.findByTestId('dst-credentials');
  await within(panel).findByTestId('dst-credential-list');
  return panel;
}

const rowOf = (panel: HTMLElement, credentialId: string): HTMLElement => {
  const row = panel.querySelector<HTMLElement>(`[data-credential="${credentialId}"]`);
  if (!row) throw new Error(`no row of ${credentialId}`);
  return row;
};

describe('大厅: halls and their credentials', () => {
  it('lists the halls; a viewer reads a hall’s credentials and is offered no change', async () => {
    const client = district();
    renderSection(<HallsScreen />, client, 'viewer');
    const table = await screen.findByTestId('dst-halls');
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toBe('星河区政务服务中心hall-01区政务服务中心星河区市民中心大道88号48在用查看凭证');
    expect(second?.textContent).toContain('社区政务服务中心');
    expect(second?.textContent).toContain('已停用');
    expect(screen.getByText('只有平台管理员可以签发、轮换和吊销凭证。')).toBeTruthy();

    const panel = await openCommunity();
    expect(client.hallCredentials).toHaveBeenCalledWith('hall-02', { limit: 20, offset: 0 });
    expect(within(panel).getByRole('heading', { name: '“星河区湖滨街道社区政务服务中心”的接入凭证' })).toBeTruthy();
    expect(rowOf(panel, 'HC00000002').textContent).toBe('HC00000002hk_live_Ab3…有效2026/11/01 10:002026/11/27 09:00');
    expect(rowOf(panel, 'HC00000001').textContent).toContain('已吊销2026/11/01 10:00 吊销');
    expect(within(panel).queryByRole('button', { name: /签发|轮换|吊销/ })).toBeNull();
  });

  it('issues a credential and shows its token once, with a warning; closed, the token is gone', async () => {
    const client = district({ issueCredential: vi.fn(async () => issued) });
    renderSection(<HallsScreen />, client, 'district-admin');
    expect(screen.queryByText('只有平台管理员可以签发、轮换和吊销凭证。')).toBeNull();
    const panel = await openCommunity();
    fireEvent.click(within(panel).getByRole('button', { name: '签发凭证' }));

    const shown = await within(panel).findByTestId('dst-token');
    expect(client.issueCredential).toHaveBeenCalledWith('hall-02');
    expect(shown.textContent).toContain('新令牌（只显示这一次）');
    expect(shown.textContent).toContain('已为“星河区湖滨街道社区政务服务中心”签发凭证 HC00000003。');
    expect(shown.textContent).toContain('关闭后不会再显示');
    const field = within(shown).getByLabelText<HTMLInputElement>('令牌');
    expect(field.value).toBe(TOKEN);
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    // The list is read again: the new credential shows up among the others.
    await waitFor(() => expect(client.hallCredentials).toHaveBeenCalledTimes(2));

    fireEvent.click(within(shown).getByRole('button', { name: '已保存，关闭' }));
    expect(screen.queryByTestId('dst-token')).toBeNull();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('drops a token when the admin turns to another hall', async () => {
    renderSection(<HallsScreen />, district({ issueCredential: vi.fn(async () => issued) }), 'district-admin');
    const panel = await openCommunity();
    fireEvent.click(within(panel).getByRole('button', { name: '签发凭证' }));
    await screen.findByTestId('dst-token');
    fireEvent.click(screen.getByRole('button', { name: '查看凭证：星河区政务服务中心' }));
    await waitFor(() => expect(screen.getByTestId('dst-credentials').getAttribute('data-hall')).toBe('hall-01'));
    expect(screen.queryByTestId('dst-token')).toBeNull();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('rotates an active credential: the new token once, and the old one’s 24 more hours', async () => {
    const rotated: RotatedCredential = {
      issued,
      previous: { ...active, state: 'rotating', expiresAt: '2026-11-28T02:00:00.000Z', replacedBy: 'HC00000003' },
    };
    const client = district({ rotateCredential: vi.fn(async () => rotated) });
    renderSection(<HallsScreen />, client, 'district-admin');
    const panel = await openCommunity();
    // Only an active credential is rotated; a revoked one offers nothing.
    expect(within(rowOf(panel, 'HC00000001')).queryByRole('button')).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: '轮换凭证 HC00000002' }));

    const shown = await within(panel).findByTestId('dst-token');
    expect(client.rotateCredential).toHaveBeenCalledWith('hall-02', 'HC00000002');
    expect(within(shown).getByLabelText<HTMLInputElement>('令牌').value).toBe(TOKEN);
    expect(shown.textContent).toContain('新凭证 HC00000003');
    expect(shown.textContent).toContain('旧凭证 HC00000002 还可使用 24 小时（至 2026/11/28 10:00）');
  });

  it('asks before revoking: cancelled, nothing happens; confirmed, it is revoked', async () => {
    const revokeCredential = vi.fn(async () => ({ ...active, state: 'revoked' as const, revokedAt: '2026-11-27T02:00:00.000Z' }));
    renderSection(<HallsScreen />, district({ revokeCredential }), 'district-admin');
    const panel = await openCommunity();

    fireEvent.click(within(panel).getByRole('button', { name: '吊销凭证 HC00000002' }));
    const question = within(panel).getByRole('group', { name: /吊销凭证 HC00000002（令牌开头 hk_live_Ab3…）后/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: '取消' }));
    fireEvent.click(within(question).getByRole('button', { name: '取消' }));
    expect(within(panel).queryByRole('group')).toBeNull();
    expect(revokeCredential).not.toHaveBeenCalled();

    fireEvent.click(within(panel).getByRole('button', { name: '吊销凭证 HC00000002' }));
    fireEvent.click(within(panel).getByRole('button', { name: '确认吊销' }));
    expect((await within(panel).findByRole('status')).textContent).toBe('凭证 HC00000002 已吊销。');
    expect(revokeCredential).toHaveBeenCalledWith('hall-02', 'HC00000002');
  });

  it('says why a change was refused in the hall’s own words', async () => {
    const rotateCredential = vi.fn(async () => Promise.reject(new DistrictClientError('credential_inactive', 'x')));
    renderSection(<HallsScreen />, district({ rotateCredential }), 'district-admin');
    const panel = await openCommunity();
    fireEvent.click(within(panel).getByRole('button', { name: '轮换凭证 HC00000002' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('这个凭证已不在使用：只能轮换有效的凭证。');
    expect(screen.queryByTestId('dst-token')).toBeNull();
  });
});
