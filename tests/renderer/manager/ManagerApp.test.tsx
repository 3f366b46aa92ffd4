import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal, StaffRole } from '../../../contracts/auth';
import ManagerApp from '../../../renderer/manager/ManagerApp';
import { sectionOf, type ManagerSection } from '../../../renderer/manager/sections';
import { fakeApi } from '../support/fake-api';
import { renderScreen } from '../support/render';

const principal = (role: StaffRole): StaffPrincipal => ({ id: 7, staffNo: '9001', name: '王主任', role, windowId: null });

/** The console signed in as `role` against a fake host; returns the sign-out spy. */
async function signInAs(role: StaffRole) {
  const signOut = vi.fn(async () => undefined);
  const api = fakeApi({
    signInAway: async () => ({ token: 'token', staff: principal(role), expiresAt: '2026-12-06T20:00:00.000Z' }),
    signOut,
  });
  renderScreen(
    <MemoryRouter initialEntries={['/manager']}>
      <ManagerApp />
    </MemoryRouter>,
    api,
  );
  fireEvent.change(screen.getByLabelText('工号'), { target: { value: '9001' } });
  fireEvent.change(screen.getByLabelText(/密码/), { target: { value: '123456' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  return signOut;
}

describe('the manager console frame', () => {
  it('refuses a window clerk and signs the session out again', async () => {
    const signOut = await signInAs('staff');
    expect((await screen.findByRole('alert')).textContent).toContain('工号 9001 不能使用大厅管理');
    expect(signOut).toHaveBeenCalled();
    expect(screen.queryByRole('navigation', { name: '管理功能' })).toBeNull();
  });

  it('lets a supervisor in, with who is signed in shown', async () => {
    await signInAs('supervisor');
    expect((await screen.findByTestId('mgr-who')).textContent).toBe('王主任 · 9001 · 值班主任');
    expect(screen.queryByRole('navigation', { name: '管理功能' })).not.toBeNull();
    expect(screen.queryByText('技术人员只能查看，修改请由值班主任操作。')).toBeNull();
  });

  it('tells a technician they look but do not change', async () => {
    await signInAs('technician');
    expect(await screen.findByText('技术人员只能查看，修改请由值班主任操作。')).toBeTruthy();
  });

  it('signs out on request and drops back to the sign-in form', async () => {
    const signOut = await signInAs('supervisor');
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '值班主任登录' })).not.toBeNull());
    expect(signOut).toHaveBeenCalled();
  });
});

describe('sectionOf', () => {
  const Screen = (() => null) as unknown as ManagerSection['Screen'];
  const sections: ManagerSection[] = [
    { id: 'floor', titleKey: 'a', Screen },
    { id: 'reports', titleKey: 'b', Screen },
  ];
  it('opens the section the address names, else the first', () => {
    expect(sectionOf('#reports', sections)?.id).toBe('reports');
    expect(sectionOf('', sections)?.id).toBe('floor');
    expect(sectionOf('#nothing', sections)?.id).toBe('floor');
    expect(sectionOf('#floor', [])).toBeUndefined();
  });
});
