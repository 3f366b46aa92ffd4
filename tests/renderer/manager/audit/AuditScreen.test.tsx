import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import AuditScreen from '../../../../renderer/manager/audit/AuditScreen';
import { fakeApi } from '../../support/fake-api';
import { renderSection } from '../tools-support';

const ENTRY = {
  id: 12,
  at: '2026-11-27T02:00:00.000Z',
  action: 'notice.publish',
  staffNo: '9001',
  staffName: '王主任',
  windowNumber: null,
  ticketNumber: null,
  details: { noticeId: 'n1', screens: 'all' },
};

describe('the audit log', () => {
  it('shows entries newest first with the action in words, and searches by actor and kind', async () => {
    const auditSearch = vi.fn(async () => ({ entries: [ENTRY], next: null }));
    renderSection(<AuditScreen />, fakeApi({ auditSearch }), 'technician');
    const row = (await screen.findByText('发布公告')).closest('tr');
    expect(row?.textContent).toContain('王主任（9001）');
    expect(row?.textContent).toContain('noticeId: n1');
    expect(auditSearch).toHaveBeenCalledWith({ limit: 200, offset: 0 });

    fireEvent.change(screen.getByLabelText('操作人工号'), { target: { value: '9001' } });
    fireEvent.change(screen.getByLabelText('操作类型'), { target: { value: 'notice' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(auditSearch).toHaveBeenLastCalledWith({ staffNo: '9001', action: 'notice', limit: 200, offset: 0 }),
    );
  });

  it('refuses filters the host would refuse, and sends nothing for them', async () => {
    const auditSearch = vi.fn(async () => ({ entries: [], next: null }));
    renderSection(<AuditScreen />, fakeApi({ auditSearch }));
    await screen.findByText('没有符合条件的记录。');
    fireEvent.change(screen.getByLabelText('从'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('到'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('操作类型'), { target: { value: 'Notice!' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('结束日期不能早于开始日期。');
    expect(alert.textContent).toContain('操作类型应为小写英文加点');
    expect(auditSearch).toHaveBeenCalledTimes(1);
  });
});
