import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StewardRequest, StewardRequestDetail } from '../../../../contracts/steward';
import StewardScreen from '../../../../renderer/manager/steward/StewardScreen';
import { fakeApi } from '../../support/fake-api';
import { renderSection } from '../tools-support';

const request = (overrides: Partial<StewardRequest> = {}): StewardRequest => ({
  id: 'ticket-7',
  requestedAt: '2026-11-27T02:00:00.000Z',
  businessDay: '2026-11-27',
  ticket: { number: 'G001', status: 'waiting', windowNumber: null, calledBy: null },
  case: {
    itemName: '营商环境诉求',
    caseNumber: null,
    status: 'submitted',
    applicantMasked: '张*',
    enterprise: '杭州云栖科技有限公司',
  },
  status: 'open',
  assignee: null,
  contactedAt: null,
  doneAt: null,
  lastNote: null,
  ...overrides,
});

const STEWARDS = [{ staffNo: '1002', name: '李管家' }];

function deskApi(detail: StewardRequestDetail = { request: request(), notes: [] }) {
  return fakeApi({
    stewardRequests: vi.fn(async () => ({ requests: [request()], next: null, stewards: STEWARDS })),
    stewardRequest: vi.fn(async () => detail),
    stewardAction: vi.fn(async () => ({
      request: request({ status: 'done', doneAt: '2026-11-27T03:00:00.000Z', lastNote: '已办结' }),
      notes: [
        {
          at: '2026-11-27T03:00:00.000Z',
          action: 'done' as const,
          by: { staffNo: '9001', name: '王主任' },
          assignee: null,
          note: '已办结',
        },
      ],
    })),
  });
}

describe('the steward’s work list', () => {
  it('lists a kiosk request with its ticket, enterprise and masked applicant', async () => {
    renderSection(<StewardScreen />, deskApi());
    const row = (await screen.findByText('G001（等候中）')).closest('tr');
    expect(row?.textContent).toContain('杭州云栖科技有限公司');
    expect(row?.textContent).toContain('张*');
    expect(row?.textContent).toContain('待处理');
    expect(row?.textContent).toContain('未指派');
  });

  it('closes a request only with a note saying what was done', async () => {
    const api = deskApi();
    renderSection(<StewardScreen />, api);
    fireEvent.click(await screen.findByRole('button', { name: '处理 G001（等候中）' }));
    fireEvent.click(await screen.findByRole('button', { name: '办结' }));
    expect((await screen.findByRole('alert')).textContent).toBe('办结时请写明办理情况。');
    expect(api.stewardAction).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/备注/), { target: { value: ' 已协调审批科，许可证已办结 ' } });
    fireEvent.click(screen.getByRole('button', { name: '办结' }));
    await waitFor(() =>
      expect(api.stewardAction).toHaveBeenCalledWith('ticket-7', { action: 'done', note: '已协调审批科，许可证已办结' }),
    );
    expect((await screen.findByTestId('steward-status')).textContent).toBe('已办结');
    // Closed: only a note may be added now.
    expect(screen.queryByRole('button', { name: '已联系' })).toBeNull();
    expect(screen.getByText('已办结的请求只能补充备注。')).toBeTruthy();
  });

  it('assigns to a staff number and filters by status', async () => {
    const api = deskApi();
    renderSection(<StewardScreen />, api);
    fireEvent.click(await screen.findByRole('button', { name: '处理 G001（等候中）' }));
    fireEvent.change(await screen.findByLabelText('指派给（工号）'), { target: { value: '1002' } });
    fireEvent.click(screen.getByRole('button', { name: '指派' }));
    await waitFor(() => expect(api.stewardAction).toHaveBeenCalledWith('ticket-7', { action: 'assign', staffNo: '1002' }));

    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'done' } });
    fireEvent.change(screen.getByLabelText('从（不填为今天）'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(api.stewardRequests).toHaveBeenLastCalledWith({ from: '2026-11-20', status: 'done', limit: 200, offset: 0 }),
    );
  });

  it('tells a technician the list is the supervisors’', () => {
    const api = deskApi();
    renderSection(<StewardScreen />, api, 'technician');
    expect(screen.getByText('帮办工作台由值班主任使用。')).toBeTruthy();
    expect(api.stewardRequests).not.toHaveBeenCalled();
  });
});
