import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, CaseSearchQueryInput, CaseSummary } from '../../../../contracts/platform-console';
import CasesScreen from '../../../../renderer/district/cases/CasesScreen';
import { fakeDistrict, renderSection } from '../support';

const summary = (n: number, status: CaseSummary['status'] = 'submitted'): CaseSummary => ({
  caseNumber: `HK20261127${String(n).padStart(6, '0')}`,
  hallId: n % 2 === 0 ? 'hall-b' : 'hall-a',
  itemCode: 'QYTB-001',
  itemName: '居民身份证换领',
  status,
  receivedAt: '2026-11-27T01:00:00.000Z',
});

const detail = (status: CaseDetail['status'], nextStatuses: CaseDetail['nextStatuses'], complaint = false): CaseDetail => ({
  ...summary(1, status),
  terminalId: 'kiosk-03',
  applicantMasked: '张*',
  statusHistory: [
    { status: 'submitted', at: '2026-11-27T01:00:00.000Z' },
    ...(status === 'submitted' ? [] : [{ status, at: '2026-11-27T03:00:00.000Z', note: '区级受理' }]),
  ],
  nextStatuses,
  complaint,
});

describe('办件: cases across halls', () => {
  it('lists the newest cases, searches with the filters typed, and pages on', async () => {
    const searchCases = vi.fn(async (query: CaseSearchQueryInput) =>
      query.after === undefined
        ? { cases: [summary(3), summary(2)], next: summary(2).caseNumber }
        : { cases: [summary(1)], next: null },
    );
    renderSection(<CasesScreen />, fakeDistrict({ searchCases }), 'viewer');
    const table = await screen.findByTestId('dst-cases');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // Times are Beijing's: 01:00 UTC is 09:00.
    expect(table.textContent).toContain('2026/11/27 09:00');

    fireEvent.click(screen.getByRole('button', { name: '显示更多' }));
    await waitFor(() => expect(within(screen.getByTestId('dst-cases')).getAllByRole('row')).toHaveLength(4));
    expect(searchCases).toHaveBeenLastCalledWith({ limit: 20, after: summary(2).caseNumber });

    fireEvent.change(screen.getByLabelText('大厅编号'), { target: { value: ' hall-a ' } });
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'accepted' } });
    fireEvent.change(screen.getByLabelText('收件日期从'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(searchCases).toHaveBeenLastCalledWith({ hallId: 'hall-a', status: 'accepted', from: '2026-11-01', limit: 20 }),
    );
  });

  it('opens a case with its history, and lets an operator move it on', async () => {
    const setCaseStatus = vi.fn(async () => detail('accepted', ['in_progress', 'rejected']));
    const client = fakeDistrict({
      searchCases: vi.fn(async () => ({ cases: [summary(1)], next: null })),
      caseDetail: vi.fn(async () => detail('submitted', ['accepted', 'rejected', 'needs_materials'])),
      setCaseStatus,
    });
    renderSection(<CasesScreen />, client, 'district-operator');
    fireEvent.click(await screen.findByRole('button', { name: `查看 ${summary(1).caseNumber}` }));
    const panel = await screen.findByTestId('dst-case-detail');
    expect(await within(panel).findByText('张*')).toBeTruthy();
    expect(within(panel).getByTestId('dst-case-history').textContent).toBe('已提交 2026/11/27 09:00');

    fireEvent.change(within(panel).getByLabelText('改为'), { target: { value: 'accepted' } });
    fireEvent.change(within(panel).getByLabelText(/说明/), { target: { value: ' 区级受理 ' } });
    fireEvent.click(within(panel).getByRole('button', { name: '确认变更' }));
    expect(await within(panel).findByText('已改为“已受理”。')).toBeTruthy();
    expect(setCaseStatus).toHaveBeenCalledWith(summary(1).caseNumber, 'accepted', '区级受理');
    expect(within(panel).getByTestId('dst-case-history').textContent).toContain('区级受理');
  });

  it('offers no status change to a viewer, nor on a case that has ended', async () => {
    const client = fakeDistrict({
      searchCases: vi.fn(async () => ({ cases: [summary(1)], next: null })),
      caseDetail: vi.fn(async () => detail('completed', [])),
    });
    const { unmount } = renderSection(<CasesScreen />, client, 'viewer');
    fireEvent.click(await screen.findByRole('button', { name: `查看 ${summary(1).caseNumber}` }));
    expect(await screen.findByText('只有办件人员可以变更办件状态。')).toBeTruthy();
    unmount();
    renderSection(<CasesScreen />, client, 'district-operator');
    fireEvent.click(await screen.findByRole('button', { name: `查看 ${summary(1).caseNumber}` }));
    expect(await screen.findByText('此办件已结束，不能再变更。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认变更' })).toBeNull();
  });

  it('sends an operator to 营商诉求 for a complaint’s case, with no status change offered', async () => {
    const client = fakeDistrict({
      searchCases: vi.fn(async () => ({ cases: [summary(1)], next: null })),
      caseDetail: vi.fn(async () => detail('accepted', [], true)),
    });
    renderSection(<CasesScreen />, client, 'district-operator');
    fireEvent.click(await screen.findByRole('button', { name: `查看 ${summary(1).caseNumber}` }));
    expect(await screen.findByText('此办件是营商诉求，随诉求的办理步骤变更，请在“营商诉求”中办理。')).toBeTruthy();
    expect(screen.queryByLabelText('改为')).toBeNull();
  });
});
