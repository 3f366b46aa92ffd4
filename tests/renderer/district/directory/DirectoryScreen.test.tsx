import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Person, Unit } from '../../../../contracts/complaints';
import type { ComplaintDirectoryView } from '../../../../contracts/platform-complaints';
import DirectoryScreen from '../../../../renderer/district/directory/DirectoryScreen';
import { DistrictClientError } from '../../../../renderer/district/district-client';
import { DIRECTORY, PEOPLE } from '../complaints/fixtures';
import { fakeDistrict, renderSection } from '../support';

/** The desk's directory, the sorter with an account already. */
const withAccount: ComplaintDirectoryView = { ...DIRECTORY, accountHolders: [PEOPLE.sorter.id] };

function district(overrides: Parameters<typeof fakeDistrict>[0] = {}) {
  return fakeDistrict({ complaintDirectory: vi.fn(async () => withAccount), ...overrides });
}

const field = (form: HTMLElement, label: string) => within(form).getByLabelText(label);
const type = (form: HTMLElement, label: string, value: string) => fireEvent.change(field(form, label), { target: { value } });

describe('单位与人员: the complaint directory', () => {
  it('a viewer reads the units and people and is offered no change', async () => {
    renderSection(<DirectoryScreen />, district(), 'viewer');
    const units = await screen.findByTestId('dst-units');
    expect(within(units).getByText('区营商局')).toBeTruthy();
    expect(within(screen.getByTestId('dst-people')).getByText('分拣员')).toBeTruthy();
    expect(screen.getByText('只有平台管理员可以维护单位、人员和账号。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '新增单位' })).toBeNull();
    expect(screen.queryByRole('button', { name: /开通账号|停用/ })).toBeNull();
  });

  it('the admin adds a street, and the list is read again', async () => {
    const street: Unit = { code: 'street-hubin', name: '湖滨街道', kind: 'street', active: true };
    const createComplaintUnit = vi.fn(async () => street);
    const client = district({ createComplaintUnit });
    renderSection(<DirectoryScreen />, client, 'district-admin');
    fireEvent.click(await screen.findByRole('button', { name: '新增单位' }));
    const form = screen.getByTestId('dst-unit-form');
    // The district has its 营商局: no second one is offered.
    expect(within(form).queryByLabelText('这是营商局（全区只有一个）')).toBeNull();
    type(form, '单位名称', '湖滨街道');
    type(form, '单位编码（小写字母、数字和连字符）', 'street-hubin');
    fireEvent.change(field(form, '类型'), { target: { value: 'street' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));

    await screen.findByText('已新增单位“湖滨街道”。');
    expect(createComplaintUnit).toHaveBeenCalledWith({ code: 'street-hubin', name: '湖滨街道', kind: 'street', bureau: false });
    await waitFor(() => expect(client.complaintDirectory).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId('dst-unit-form')).toBeNull();
  });

  it('offers the bureau roles for the 营商局’s people only', async () => {
    const createComplaintPerson = vi.fn(async (): Promise<Person> => ({
      ...PEOPLE.reviewer,
      id: '00000000-0000-4000-8000-000000000009',
    }));
    renderSection(<DirectoryScreen />, district({ createComplaintPerson }), 'district-admin');
    await screen.findByTestId('dst-units');
    fireEvent.click(screen.getByRole('button', { name: '新增人员' }));
    const form = screen.getByTestId('dst-person-form');
    type(form, '姓名', '督办员');
    expect(within(form).getByRole('group', { name: '营商局角色（仅营商局人员）' })).toBeTruthy();
    fireEvent.click(within(form).getByLabelText('督办'));
    fireEvent.change(field(form, '职责'), { target: { value: 'leader' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await screen.findByText('已新增人员“督办员”。');
    expect(createComplaintPerson).toHaveBeenCalledWith(
      expect.objectContaining({ name: '督办员', unitCode: 'business-bureau', duty: 'leader', bureauRoles: ['supervisor'] }),
    );

    fireEvent.click(screen.getByRole('button', { name: '新增人员' }));
    const again = screen.getByTestId('dst-person-form');
    fireEvent.change(field(again, '所属单位'), { target: { value: 'tax' } });
    expect(within(again).queryByRole('group', { name: '营商局角色（仅营商局人员）' })).toBeNull();
  });

  it('gives an account to a person without one, and shows the platform’s refusal', async () => {
    const createComplaintPersonAccount = vi
      .fn()
      .mockRejectedValueOnce(new DistrictClientError('username_taken', 'taken'))
      .mockResolvedValueOnce({ username: 'shiwen.lin', personId: PEOPLE.lead.id, role: 'viewer' });
    renderSection(<DirectoryScreen />, district({ createComplaintPersonAccount }), 'district-admin');
    const people = await screen.findByTestId('dst-people');
    // The sorter has an account: none is offered again.
    expect(within(people).queryByRole('button', { name: '为“分拣员”开通账号' })).toBeNull();
    fireEvent.click(within(people).getByRole('button', { name: '为“市场监管经办人”开通账号' }));
    const form = screen.getByTestId('dst-account-form');
    type(form, '用户名', 'shiwen.lin');
    type(form, '初始密码（至少 8 位）', 'correct horse battery');
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'error:username_taken');
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await screen.findByText('已为“市场监管经办人”开通账号 shiwen.lin。');
    expect(createComplaintPersonAccount).toHaveBeenLastCalledWith(PEOPLE.lead.id, {
      username: 'shiwen.lin',
      password: 'correct horse battery',
      role: 'viewer',
    });
  });

  it('deactivates a unit rather than deleting it', async () => {
    const updateComplaintUnit = vi.fn(async () => ({
      code: 'tax',
      name: '区税务局',
      kind: 'department' as const,
      active: false,
    }));
    renderSection(<DirectoryScreen />, district({ updateComplaintUnit }), 'district-admin');
    fireEvent.click(await screen.findByRole('button', { name: '停用“区税务局”' }));
    await screen.findByText('已更新“区税务局”。');
    expect(updateComplaintUnit).toHaveBeenCalledWith('tax', { active: false });
  });
});
