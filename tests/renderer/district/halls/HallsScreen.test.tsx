import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConsoleHall } from '../../../../contracts/platform-console';
import HallsScreen from '../../../../renderer/district/halls/HallsScreen';
import { fakeDistrict, renderSection } from '../support';

const kiosk1 = { id: 'c1', label: '一号自助机', createdAt: '2026-11-01T02:00:00.000Z', lastUsedAt: '2026-11-27T01:59:00.000Z' };
const hall: ConsoleHall = {
  id: 'cc-01',
  name: '东湖社区政务服务中心',
  level: 'community-centre',
  address: '东湖路 1 号',
  credentials: [
    kiosk1,
    { id: 'c0', label: '旧主机', createdAt: '2026-10-01T02:00:00.000Z', revokedAt: '2026-11-01T02:00:00.000Z' },
  ],
};

describe('大厅: halls and their credentials', () => {
  it('says so on a platform that does not serve halls yet', async () => {
    renderSection(<HallsScreen />, fakeDistrict(), 'district-admin');
    expect((await screen.findByTestId('dst-halls-not-served')).textContent).toBe('此平台尚未提供大厅管理。');
  });

  it('issues a credential and shows its secret once; rotates and revokes', async () => {
    const issued = {
      credential: { id: 'c2', label: '二号自助机', createdAt: '2026-11-27T02:00:00.000Z' },
      secret: 'hk_secret_123',
    };
    const client = fakeDistrict({
      halls: vi.fn(async () => ({ halls: [hall] })),
      issueCredential: vi.fn(async () => issued),
      revokeCredential: vi.fn(async () => ({ ...kiosk1, revokedAt: '2026-11-27T02:00:00.000Z' })),
    });
    renderSection(<HallsScreen />, client, 'district-admin');
    const panel = (await screen.findByRole('heading', { name: /东湖社区政务服务中心/ })).closest('article');
    if (!panel) throw new Error('no hall panel');
    expect(within(panel).getByText('社区政务服务中心 · 东湖路 1 号')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: '吊销“旧主机”' })).toBeNull();

    fireEvent.change(within(panel).getByLabelText(/凭证名称/), { target: { value: '二号自助机' } });
    fireEvent.click(within(panel).getByRole('button', { name: '新建凭证' }));
    expect((await screen.findByTestId('dst-secret')).textContent).toContain('hk_secret_123');
    expect(client.issueCredential).toHaveBeenCalledWith('cc-01', '二号自助机');
    fireEvent.click(screen.getByRole('button', { name: '已记下，关闭' }));
    expect(screen.queryByTestId('dst-secret')).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: '吊销“一号自助机”' }));
    expect(await screen.findByText('已吊销“一号自助机”。')).toBeTruthy();
  });

  it('shows a viewer the halls without the credential buttons', async () => {
    renderSection(<HallsScreen />, fakeDistrict({ halls: vi.fn(async () => ({ halls: [hall] })) }), 'viewer');
    await screen.findByRole('heading', { name: /东湖社区政务服务中心/ });
    expect(screen.queryByRole('button', { name: /新建凭证|吊销|更换密钥/ })).toBeNull();
  });
});
