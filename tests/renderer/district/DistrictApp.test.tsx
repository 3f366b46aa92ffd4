import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DistrictRole } from '../../../contracts/platform-console';
import { DistrictApp } from '../../../renderer/district/DistrictApp';
import { DistrictClientError } from '../../../renderer/district/district-client';
import { fakeDistrict, renderConsole, staffOf } from './support';

function signIn(password = 'correct horse') {
  fireEvent.change(screen.getByLabelText('账号'), { target: { value: ' Li.Ming ' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

function consoleAs(role: DistrictRole, personId: string | null = null) {
  const client = fakeDistrict({
    signIn: vi.fn(async () => ({ token: 't', staff: staffOf(role), expiresAt: '2026-12-06T20:00:00.000Z' })),
    me: vi.fn(async () => ({ staff: { ...staffOf(role), personId }, via: 'session' as const })),
    searchCases: vi.fn(async () => ({ cases: [], next: null })),
  });
  renderConsole(<DistrictApp />, client);
  signIn();
  return client;
}

describe('the district console frame', () => {
  it('signs in with the name as typed, trimmed and in lower case, and shows who is signed in', async () => {
    const client = consoleAs('district-operator');
    expect((await screen.findByTestId('dst-who')).textContent).toBe('李明 · li.ming · 办件人员');
    expect(client.signIn).toHaveBeenCalledWith('li.ming', 'correct horse');
    expect(screen.getByRole('navigation', { name: '平台功能' }).textContent).toBe(
      '办件营商诉求查询统计营商环境评价单位与人员日历与规则通知公告事项目录大厅实时',
    );
    expect(await screen.findByRole('heading', { name: '全区办件查询' })).toBeTruthy();
    expect(screen.queryByText('查看账号只能查看，不能修改。')).toBeNull();
  });

  it('tells a viewer they look but do not change', async () => {
    consoleAs('viewer');
    expect(await screen.findByText('查看账号只能查看，不能修改。')).toBeTruthy();
  });

  it('does not tell a viewer who acts as a complaint person that they only look', async () => {
    const client = consoleAs('viewer', '00000000-0000-4000-8000-000000000001');
    expect(await screen.findByRole('heading', { name: '全区办件查询' })).toBeTruthy();
    await waitFor(() => expect(client.me).toHaveBeenCalled());
    expect(screen.queryByText('查看账号只能查看，不能修改。')).toBeNull();
  });

  it('says why a sign-in failed: wrong password, locked name, no platform, account refused', async () => {
    const answers = [
      new DistrictClientError('unauthorized', 'x'),
      new DistrictClientError('locked_out', 'x', { retryAfterSeconds: 900 }),
      new DistrictClientError('network', 'x'),
      new DistrictClientError('forbidden', 'x'),
    ];
    const client = fakeDistrict({ signIn: vi.fn(async () => Promise.reject(answers.shift())) });
    renderConsole(<DistrictApp />, client);
    signIn('wrong password');
    expect((await screen.findByTestId('dst-sign-in-error')).textContent).toBe('账号或密码不正确。');
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    signIn('wrong password');
    await waitFor(() => expect(screen.getByTestId('dst-sign-in-error').textContent).toContain('暂时锁定'));
    signIn('wrong password');
    await waitFor(() => expect(screen.getByTestId('dst-sign-in-error').textContent).toBe('连接不上区级平台，请检查网络。'));
    signIn('correct horse');
    await waitFor(() => expect(screen.getByTestId('dst-sign-in-error').textContent).toBe('此账号不能使用区级平台。'));
  });

  it('signs out on request, and again when the platform no longer knows the session', async () => {
    const client = consoleAs('district-admin');
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '区级平台登录' })).not.toBeNull());
    expect(client.signOut).toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();

    client.searchCases = vi.fn(async () => Promise.reject(new DistrictClientError('unauthorized', 'gone')));
    signIn();
    expect(await screen.findByText('登录已过期或已退出，请重新登录。')).toBeTruthy();
  });
});
