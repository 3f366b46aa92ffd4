import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal } from '../../../../contracts/auth';
import { ApiClientError } from '../../../../renderer/api/client';
import { addAreaMessages } from '../../../../renderer/i18n';
import { managerMessages } from '../../../../renderer/manager/messages';
import { StaffSignIn } from '../../../../renderer/ui/console/StaffSignIn';
import { fakeApi } from '../../support/fake-api';
import { renderScreen } from '../../support/render';

// The manager's words load with its console; the technician's are in the app's own.
addAreaMessages(managerMessages);

const supervisor: StaffPrincipal = { id: 7, staffNo: '9001', name: '王主任', role: 'supervisor', windowId: null };
const signedIn = { token: 'token', staff: supervisor, expiresAt: '2026-12-06T20:00:00.000Z' };

/** The form of `console` against a fake host; the test fills it in and presses 登录. */
function form(options: {
  messages: 'manager' | 'tech';
  admit?: (staff: StaffPrincipal) => Promise<boolean>;
  signInAway?: () => Promise<typeof signedIn>;
}) {
  const signOut = vi.fn(async () => undefined);
  const onSignedIn = vi.fn();
  const api = fakeApi({ signInAway: options.signInAway ?? (async () => signedIn), signOut });
  renderScreen(
    <StaffSignIn
      messages={options.messages}
      idPrefix={options.messages === 'manager' ? 'mgr' : 'tech'}
      admit={options.admit ?? (async () => true)}
      onSignedIn={onSignedIn}
      notice={null}
    />,
    api,
  );
  fireEvent.change(screen.getByLabelText('工号'), { target: { value: ' 9001 ' } });
  fireEvent.change(screen.getByLabelText(/密码|PIN/), { target: { value: '123456' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  return { signOut, onSignedIn };
}

describe('the staff consoles’ sign-in form', () => {
  it('signs an admitted account in, with the staff number as typed but trimmed', async () => {
    const admit = vi.fn(async () => true);
    const { onSignedIn, signOut } = form({ messages: 'manager', admit });
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(supervisor));
    expect(admit).toHaveBeenCalledWith(supervisor);
    expect(signOut).not.toHaveBeenCalled();
  });

  it('signs an account the console’s role check refuses out again, naming it', async () => {
    const { onSignedIn, signOut } = form({ messages: 'manager', admit: async () => false });
    expect((await screen.findByTestId('mgr-sign-in-error')).textContent).toBe(
      '工号 9001 不能使用大厅管理（仅限值班主任和技术人员）。',
    );
    expect(signOut).toHaveBeenCalled();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect((screen.getByLabelText(/密码/) as HTMLInputElement).value).toBe('');
  });

  it('signs an account the host refuses (403 on the first read) out again, naming it', async () => {
    const { onSignedIn, signOut } = form({
      messages: 'tech',
      admit: () => Promise.reject(new ApiClientError('forbidden', 'no')),
    });
    expect((await screen.findByTestId('tech-sign-in-error')).textContent).toBe(
      '工号 9001 无权使用运维控制台：只有技术人员和值班主任可以登录。',
    );
    expect(signOut).toHaveBeenCalled();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says a wrong PIN and an unreachable host each in the console’s words', async () => {
    const signInAway = vi
      .fn<() => Promise<typeof signedIn>>()
      .mockRejectedValueOnce(new ApiClientError('unauthorized', 'no'))
      .mockRejectedValueOnce(new ApiClientError('network', 'no'));
    form({ messages: 'tech', signInAway });
    expect((await screen.findByRole('alert')).textContent).toBe('工号或 PIN 不正确。');
    expect((screen.getByLabelText(/PIN/) as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText(/PIN/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('连不上本机主机服务，请检查主机是否在运行。'));
  });

  it('shows the manager’s button as busy while the host answers', async () => {
    form({ messages: 'manager', signInAway: () => new Promise(() => undefined) });
    const button = await screen.findByRole('button', { name: '正在登录…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
