import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal, StaffRole } from '../../../contracts/auth';
import { ApiClientError } from '../../../renderer/api/client';
import TechnicianApp from '../../../renderer/technician/TechnicianApp';
import { TECH_KEYS } from '../../../renderer/technician/session';
import { fakeApi } from '../support/fake-api';
import { hallEvent } from '../support/fake-events';
import { renderScreen } from '../support/render';

const principal = (role: StaffRole): StaffPrincipal => ({ id: 8, staffNo: '8001', name: '运维工程师', role, windowId: null });

/** The console against a fake host, signed in as `role`; `devices` answers the device list. */
function signInAs(role: StaffRole, devices: () => Promise<{ devices: [] }>) {
  const signOut = vi.fn(async () => undefined);
  const api = fakeApi({
    signInAway: async () => ({ token: 'token', staff: principal(role), expiresAt: '2026-12-06T20:00:00.000Z' }),
    signOut,
    devices,
  });
  const rendered = renderScreen(<TechnicianApp />, api);
  fireEvent.change(screen.getByLabelText('工号'), { target: { value: '8001' } });
  fireEvent.change(screen.getByLabelText(/PIN/), { target: { value: '123456' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  return { ...rendered, signOut };
}

describe('the technician console frame', () => {
  it('leaves it to the host who may use it: an account refused the device list is signed out again', async () => {
    const { signOut } = signInAs('staff', () => Promise.reject(new ApiClientError('forbidden', 'no')));
    expect((await screen.findByTestId('tech-sign-in-error')).textContent).toBe(
      '工号 8001 无权使用运维控制台：只有技术人员和值班主任可以登录。',
    );
    expect(signOut).toHaveBeenCalled();
    expect(screen.queryByRole('navigation', { name: '运维功能' })).toBeNull();
  });

  it('lets a technician in with the device list already read, and says who is signed in', async () => {
    const { queryClient } = signInAs('technician', async () => ({ devices: [] }));
    expect((await screen.findByTestId('tech-who')).textContent).toBe('运维工程师 · 8001 · 技术人员');
    expect(screen.getByRole('navigation', { name: '运维功能' })).toBeTruthy();
    expect(queryClient.getQueryData(TECH_KEYS.devices)).toEqual({ devices: [] });
  });

  it('goes back to sign-in, saying why, when the host no longer knows the session', async () => {
    const devices = vi
      .fn<() => Promise<{ devices: [] }>>()
      .mockResolvedValueOnce({ devices: [] })
      .mockRejectedValue(new ApiClientError('unauthorized', 'gone'));
    const { events, queryClient, signOut } = signInAs('technician', devices);
    await screen.findByTestId('tech-who');
    events.emit(hallEvent({ type: 'device.status', deviceId: 'printer-1', state: 'ok' }));
    await screen.findByText('登录已失效或长时间无操作，已自动退出，请重新登录。');
    expect(screen.queryByTestId('tech-who')).toBeNull();
    expect(signOut).toHaveBeenCalled();
    expect(queryClient.getQueryData(TECH_KEYS.devices)).toBeUndefined();
  });

  it('ends the session when the console is left for another page', async () => {
    const { unmount, signOut } = signInAs('technician', async () => ({ devices: [] }));
    await screen.findByTestId('tech-who');
    expect(signOut).not.toHaveBeenCalled();
    unmount();
    await waitFor(() => expect(signOut).toHaveBeenCalled());
  });
});
