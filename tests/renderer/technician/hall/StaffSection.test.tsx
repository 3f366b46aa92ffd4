import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RoleGrant, StaffAccount, StaffPrincipal } from '../../../../contracts/auth';
import { StaffSection } from '../../../../renderer/technician/hall/StaffSection';
import { TechSessionContext, type TechSession } from '../../../../renderer/technician/session';
import { fakeApi } from '../../support/fake-api';
import { renderScreen } from '../../support/render';

const account = (id: number, staffNo: string, role: StaffAccount['role'], active = true): StaffAccount => ({
  id,
  staffNo,
  name: `员工${staffNo}`,
  role,
  active,
  lockedUntil: null,
  windowNumber: null,
});
const first = account(1, '9001', 'supervisor');
const second = account(2, '9002', 'supervisor');
const newcomer = account(10, '9100', 'supervisor', false);
const grant: RoleGrant = {
  id: 5,
  targetStaffId: newcomer.id,
  targetStaffNo: newcomer.staffNo,
  role: 'supervisor',
  activates: true,
  requestedBy: first.id,
  requestedAt: '2027-03-01T02:00:00.000Z',
};

function sessionOf(staff: StaffAccount): TechSession {
  const principal: StaffPrincipal = { id: staff.id, staffNo: staff.staffNo, name: staff.name, role: staff.role, windowId: null };
  return {
    staff: principal,
    canConfigure: false,
    timeZone: 'Asia/Shanghai',
    describeError: () => '出错了',
    failed: () => '出错了',
  };
}

/** The console's staff section for `who`, against a fake host holding one grant to confirm. */
function section(who: StaffAccount, overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    staffAccounts: async () => ({ staff: [first, second, newcomer], next: null }),
    roleGrants: async () => ({ grants: [grant] }),
    ...overrides,
  });
  return renderScreen(
    <TechSessionContext.Provider value={sessionOf(who)}>
      <StaffSection windows={[]} />
    </TechSessionContext.Provider>,
    api,
  );
}

describe('the console’s staff section: grants of supervisor or technician', () => {
  it('a second supervisor confirms a grant', async () => {
    const confirmRoleGrant = vi.fn(async (_id: number) => ({ staff: { ...newcomer, active: true } }));
    section(second, { confirmRoleGrant });
    const confirm = await screen.findByRole('button', { name: '确认授予 9100 值班主任' });
    fireEvent.click(confirm);
    // The mutation hands its own context as a second argument; the grant is the first.
    await waitFor(() => expect(confirmRoleGrant.mock.calls[0]?.[0]).toBe(5));
  });

  it('the requester sees their own grant waiting, with no way to confirm it', async () => {
    section(first);
    await screen.findByText('由您提出，须由另一位值班主任确认');
    expect(screen.queryByRole('button', { name: '确认授予 9100 值班主任' })).toBeNull();
    expect(screen.getByRole('button', { name: '撤回授予 9100 值班主任' })).toBeTruthy();
  });

  it('a technician sees a supervisor’s grant without confirming or withdrawing it', async () => {
    section(account(3, '8001', 'technician'));
    await screen.findByText('9100 → 值班主任');
    expect(screen.queryByRole('button', { name: '确认授予 9100 值班主任' })).toBeNull();
    expect(screen.queryByRole('button', { name: '撤回授予 9100 值班主任' })).toBeNull();
  });

  it('a new supervisor account says it waits for a second supervisor', async () => {
    const createStaff = vi.fn(async () => ({ staff: newcomer, oneTimePin: '123456', pendingGrant: grant }));
    section(first, { createStaff, roleGrants: async () => ({ grants: [] }) });
    fireEvent.change(await screen.findByLabelText('工号'), { target: { value: '9100' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '新主任' } });
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'supervisor' } });
    fireEvent.click(screen.getByRole('button', { name: '添加（自动生成 PIN）' }));
    expect((await screen.findByTestId('hall-grant-pending')).textContent).toContain('需要另一位值班主任确认');
  });
});
