import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../../../contracts/auth';
import type { ReviewFollowup, ReviewRates } from '../../../../contracts/reviews';
import { ApiClientError } from '../../../../renderer/api/client';
import { addAreaMessages } from '../../../../renderer/i18n';
import { managerMessages } from '../../../../renderer/manager/messages';
import ReviewsScreen from '../../../../renderer/manager/reviews/ReviewsScreen';
import { ManagerSessionContext, type ManagerSession } from '../../../../renderer/manager/session';
import { fakeApi } from '../../support/fake-api';
import { hallEvent } from '../../support/fake-events';
import { renderScreen } from '../../support/render';

beforeAll(() => addAreaMessages(managerMessages));

const ID = '00000000-0000-4000-8000-000000000001';

function followup(overrides: Partial<ReviewFollowup> = {}): ReviewFollowup {
  return {
    evaluationId: ID,
    level: 'very_dissatisfied',
    reason: '办理时间长',
    comment: '请联系我 138****8000',
    ratedAt: '2026-11-27T02:00:00.000Z',
    ratedDate: '2026-11-27',
    subject: { kind: 'ticket', ticketId: 1, ticketNumber: 'A001', windowNumber: '1', staffNumber: '1001' },
    openedAt: '2026-11-27T02:00:00.000Z',
    dueDate: '2026-12-04',
    status: 'open',
    overdue: false,
    workingDaysLeft: 3,
    workingDaysOverdue: null,
    handler: null,
    verification: null,
    rectification: null,
    callback: null,
    appeal: null,
    closed: null,
    next: ['assign'],
    ...overrides,
  };
}

const rates: ReviewRates = {
  from: '2026-12-01',
  to: '2026-12-01',
  today: '2026-12-01',
  badReviews: 2,
  overturned: 0,
  open: 2,
  overdue: 1,
  closed: 0,
  dueOrRectified: 1,
  rectifiedOnTime: 0,
  onTimePct: 0,
  calledBack: 0,
  callbackPct: 0,
  callbackRatings: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 },
  satisfactionPct: null,
};

function renderAs(role: StaffRole, api: ReturnType<typeof fakeApi>) {
  const session: ManagerSession = {
    staff: { id: 3, staffNo: role === 'supervisor' ? '9001' : '8001', name: '测试', role, windowId: null },
    canChange: role === 'supervisor',
    timeZone: 'Asia/Shanghai',
    describeError: () => '操作失败，请重试。',
    failed: () => '操作失败，请重试。',
  };
  return renderScreen(
    <ManagerSessionContext.Provider value={session}>
      <ReviewsScreen />
    </ManagerSessionContext.Provider>,
    api,
  );
}

describe('差评整改 in the manager console', () => {
  it('lists each 差评 with its deadline, marks the overdue one, and shows the month’s rates', async () => {
    const late = followup({
      evaluationId: '00000000-0000-4000-8000-000000000002',
      overdue: true,
      workingDaysLeft: null,
      workingDaysOverdue: 2,
      dueDate: '2026-11-27',
    });
    const reviews = vi.fn(async () => ({ reviews: [followup(), late], next: null, today: '2026-12-01' }));
    const api = fakeApi({
      reviews,
      reviewSummary: async () => ({ today: '2026-12-01', open: 2, overdue: 1, appealPending: 0 }),
      reviewRates: async () => rates,
    });
    renderAs('supervisor', api);
    const rows = await screen.findAllByTestId('review-row');
    expect(rows.map((r) => within(r).getByTestId('review-deadline').textContent)).toEqual([
      '2026-12-04 剩 3 个工作日',
      '2026-11-27 已超期 2 个工作日',
    ]);
    expect(rows[1]?.className).toBe('overdue');
    expect(within(rows[0] as HTMLElement).getByRole('button').textContent).toBe('A001 号 · 1 号窗口 · 工号 1001');
    expect((await screen.findByTestId('reviews-summary')).textContent).toBe('进行中 2 条 · 已超期 1 条 · 待复核申诉 0 条');
    expect((await screen.findByTestId('rate-onTime')).textContent).toContain('0%');

    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'overdue' } });
    fireEvent.change(screen.getByLabelText('窗口号'), { target: { value: ' 1 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(reviews).toHaveBeenLastCalledWith({ filter: 'overdue', limit: 20, offset: 0, window: '1' }));
  });

  it('opens a 差评 with its timeline and the form of its next step; a refusal reads as the loop’s', async () => {
    const assigned = followup({
      handler: { staffNumber: '1001', at: '2026-11-27T03:00:00.000Z', by: '9001' },
      next: ['assign', 'verify'],
    });
    const verifyReview = vi.fn(async () => {
      throw new ApiClientError('review_step_done', '已核实', { step: 'verify' });
    });
    const api = fakeApi({
      reviews: async () => ({ reviews: [assigned], next: null, today: '2026-12-01' }),
      reviewSummary: async () => ({ today: '2026-12-01', open: 1, overdue: 0, appealPending: 0 }),
      reviewRates: async () => rates,
      review: async () => assigned,
      verifyReview,
    });
    renderAs('supervisor', api);
    fireEvent.click(await screen.findByRole('button', { name: 'A001 号 · 1 号窗口 · 工号 1001' }));
    const detail = screen.getByTestId('review-detail');
    const timeline = await within(detail).findByTestId('review-timeline');
    expect([...timeline.querySelectorAll('li')].map((li) => li.querySelector('strong')?.textContent)).toEqual([
      '群众评价',
      '指派承办人',
      '核实',
      '整改反馈',
      '回访',
      '办结',
    ]);
    expect(within(detail).getByText('请联系我 138****8000')).toBeTruthy();
    fireEvent.change(within(detail).getByLabelText('核实结果'), { target: { value: '调取录像，属实' } });
    fireEvent.click(within(detail).getByRole('button', { name: '保存核实' }));
    expect((await within(detail).findByRole('alert')).textContent).toBe('这一步已经做过了，请刷新后查看。');
    expect(verifyReview).toHaveBeenCalledWith(ID, { verification: '调取录像，属实' });
  });

  it('reloads when a follow-up moves at another desk', async () => {
    const reviews = vi.fn(async () => ({ reviews: [followup()], next: null, today: '2026-12-01' }));
    const api = fakeApi({
      reviews,
      reviewSummary: async () => ({ today: '2026-12-01', open: 1, overdue: 0, appealPending: 0 }),
      reviewRates: async () => rates,
    });
    const { events } = renderAs('supervisor', api);
    await screen.findAllByTestId('review-row');
    const before = reviews.mock.calls.length;
    events.emit(hallEvent({ type: 'review.overdue', evaluationId: ID, dueDate: '2026-12-04', overdue: 1 }));
    await waitFor(() => expect(reviews.mock.calls.length).toBeGreaterThan(before));
  });

  it('shows a technician the counts only', async () => {
    const reviews = vi.fn();
    const api = fakeApi({ reviewSummary: async () => ({ today: '2026-12-01', open: 4, overdue: 1, appealPending: 1 }), reviews });
    renderAs('technician', api);
    expect((await screen.findByTestId('reviews-summary')).textContent).toBe('进行中 4 条 · 已超期 1 条 · 待复核申诉 1 条');
    expect(screen.getByText('差评涉及具体工作人员和群众留言，仅值班主任可查看和处理。')).toBeTruthy();
    expect(reviews).not.toHaveBeenCalled();
  });
});
