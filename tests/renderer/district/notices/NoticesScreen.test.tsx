import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConsoleNotice, CreateConsoleNoticeRequest } from '../../../../contracts/platform-console';
import NoticesScreen, { hallIdsOf, noticeState } from '../../../../renderer/district/notices/NoticesScreen';
import { fakeDistrict, renderSection } from '../support';

const notice = (id: string, extra: Partial<ConsoleNotice> = {}): ConsoleNotice => ({
  id,
  hallIds: null,
  title: `通知${id}`,
  body: 'x',
  publishedAt: '2026-11-27T02:00:00.000Z',
  startsAt: '2026-11-27T00:00:00.000Z',
  publishedBy: 'li.ming',
  ...extra,
});

describe('通知公告 to the halls', () => {
  it('reads hall ids separated by commas of either width, 、 or spaces, each once', () => {
    expect(hallIdsOf(' hall-a，hall-b, hall-c、hall-a  hall-d ')).toEqual(['hall-a', 'hall-b', 'hall-c', 'hall-d']);
    expect(hallIdsOf('  ')).toEqual([]);
  });

  it('tells where a notice stands: not started, showing, ended (its end exclusive), withdrawn', () => {
    const now = Date.parse('2026-11-27T02:00:00.000Z');
    expect(noticeState(notice('1', { startsAt: '2026-11-27T02:00:01.000Z' }), now)).toBe('scheduled');
    expect(noticeState(notice('1', { startsAt: '2026-11-27T02:00:00.000Z' }), now)).toBe('showing');
    expect(noticeState(notice('1', { endsAt: '2026-11-27T02:00:00.000Z' }), now)).toBe('ended');
    expect(noticeState(notice('1', { withdrawnAt: '2026-11-27T01:00:00.000Z' }), now)).toBe('withdrawn');
  });

  it('publishes to some halls on Beijing time and withdraws a notice', async () => {
    const createNotice = vi.fn(async (request: CreateConsoleNoticeRequest) => notice('9', { title: request.title }));
    const withdrawNotice = vi.fn(async () => notice('2', { withdrawnAt: '2026-11-27T03:00:00.000Z' }));
    const client = fakeDistrict({
      notices: vi.fn(async () => ({ notices: [notice('2', { hallIds: ['hall-a', 'hall-b'] }), notice('1')], next: null })),
      createNotice,
      withdrawNotice,
    });
    renderSection(<NoticesScreen />, client, 'district-operator');
    const table = await screen.findByTestId('dst-notices');
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('hall-a、hall-b');
    expect(within(table).getAllByRole('row')[2]?.textContent).toContain('所有大厅');

    const form = screen.getByTestId('dst-notice-form');
    fireEvent.change(within(form).getByLabelText('标题'), { target: { value: '周六加班' } });
    fireEvent.change(within(form).getByLabelText('内容'), { target: { value: '本周六正常办公' } });
    fireEvent.click(within(form).getByLabelText('指定大厅'));
    fireEvent.click(within(form).getByRole('button', { name: '发布' }));
    expect(await within(form).findByText('请填写至少一个大厅编号。')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/大厅编号/), { target: { value: 'hall-a, hall-c' } });
    fireEvent.change(within(form).getByLabelText(/开始显示/), { target: { value: '2026-11-28T08:30' } });
    fireEvent.click(within(form).getByRole('button', { name: '发布' }));
    expect(await screen.findByText('已发布。')).toBeTruthy();
    expect(createNotice).toHaveBeenCalledWith({
      title: '周六加班',
      body: '本周六正常办公',
      startsAt: '2026-11-28T00:30:00.000Z',
      hallIds: ['hall-a', 'hall-c'],
    });

    fireEvent.click(screen.getByRole('button', { name: '撤回“通知2”' }));
    expect(await screen.findByText('已撤回“通知2”。')).toBeTruthy();
    expect(withdrawNotice).toHaveBeenCalledWith('2');
  });

  it('shows a viewer the list without the form or the withdraw buttons', async () => {
    const client = fakeDistrict({ notices: vi.fn(async () => ({ notices: [notice('1')], next: null })) });
    renderSection(<NoticesScreen />, client, 'viewer');
    await screen.findByTestId('dst-notices');
    expect(screen.getByText('只有办件人员可以发布和撤回通知。')).toBeTruthy();
    expect(screen.queryByTestId('dst-notice-form')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('button', { name: /撤回/ })).toBeNull());
  });
});
