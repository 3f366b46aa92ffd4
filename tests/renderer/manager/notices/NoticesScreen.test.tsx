import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { HallNoticeRecord, NoticeTerminal } from '../../../../contracts/notices';
import type { ApiClient } from '../../../../renderer/api/client';
import NoticesScreen from '../../../../renderer/manager/notices/NoticesScreen';
import { fakeApi } from '../../support/fake-api';
import { hallEvent } from '../../support/fake-events';
import { renderSection } from '../tools-support';

const TV: NoticeTerminal = { id: '11111111-1111-4111-8111-111111111111', name: '一楼叫号屏', kind: 'display', revoked: false };

const record = (overrides: Partial<HallNoticeRecord>): HallNoticeRecord => ({
  id: 'n1',
  source: 'local',
  title: '本周六延时服务',
  body: '9:00-12:00',
  publishedAt: '2026-11-27T01:00:00.000Z',
  startsAt: '2020-01-01T00:00:00.000Z',
  endsAt: null,
  withdrawnAt: null,
  createdBy: '9001',
  audience: { scope: 'all' },
  editedAt: null,
  editedBy: null,
  state: 'showing',
  ...overrides,
});

function deskApi(notices: HallNoticeRecord[], overrides: Partial<ApiClient> = {}) {
  return fakeApi({
    allNotices: vi.fn(async () => ({ notices, next: null })),
    noticeTerminals: async () => ({ terminals: [TV], next: null }),
    ...overrides,
  });
}

describe('the notices section', () => {
  it('lists notices with their screens and state; the province’s are read-only', async () => {
    renderSection(
      <NoticesScreen />,
      deskApi([
        record({
          id: 'n1',
          audience: { scope: 'chosen', hall: true, terminals: [TV, { ...TV, id: 'x', name: '旧屏', revoked: true }] },
        }),
        record({ id: 'c1', source: 'central', title: '全市通知', createdBy: null }),
      ]),
    );
    const row = (await screen.findByText('本周六延时服务')).closest('tr');
    expect(row?.textContent).toContain('本机、一楼叫号屏、旧屏（已撤销）');
    expect(row?.textContent).toContain('显示中');
    const central = screen.getByText('全市通知').closest('tr');
    expect(central?.textContent).toContain('上级发布，只读');
    expect(within(central as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('publishes a notice aimed at a chosen hall screen, on the hall’s clock', async () => {
    const publishNotice = vi.fn(async () => record({}));
    renderSection(<NoticesScreen />, deskApi([], { publishNotice }));
    fireEvent.click(await screen.findByRole('button', { name: '发布新公告' }));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '二楼暂停' } });
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '系统升级' } });
    fireEvent.change(screen.getByLabelText(/结束时间/), { target: { value: '2026-11-27T10:30' } });
    fireEvent.click(screen.getByLabelText('指定的自助机和叫号屏'));
    // Nothing chosen yet: the form says so and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请至少选择一块屏幕。');
    fireEvent.click(await screen.findByLabelText('一楼叫号屏（叫号屏）'));
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    await waitFor(() =>
      expect(publishNotice).toHaveBeenCalledWith({
        title: '二楼暂停',
        body: '系统升级',
        endsAt: '2026-11-27T02:30:00.000Z',
        audience: { scope: 'chosen', hall: false, terminalIds: [TV.id] },
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('公告已发布。');
  });

  it('explains the host’s refusal of an end already past', async () => {
    const { ApiClientError } = await import('../../../../renderer/api/client');
    const publishNotice = vi.fn(async () => {
      throw new ApiClientError('invalid_request', '结束时间须晚于现在', { field: 'endsAt' });
    });
    renderSection(<NoticesScreen />, deskApi([], { publishNotice }));
    fireEvent.click(await screen.findByRole('button', { name: '发布新公告' }));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: 't' } });
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: 'b' } });
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect((await screen.findByRole('alert')).textContent).toBe('结束时间须晚于现在和开始时间。');
  });

  it('edits a notice onto other screens and reloads the list when the notices change', async () => {
    const editNotice = vi.fn(async () => record({}));
    const api = deskApi([record({})], { editNotice });
    const { events } = renderSection(<NoticesScreen />, api);
    fireEvent.click(await screen.findByRole('button', { name: '修改 本周六延时服务' }));
    fireEvent.click(screen.getByLabelText('指定的自助机和叫号屏'));
    fireEvent.click(screen.getByLabelText('本机（大厅主机上的自助机和叫号屏）'));
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() =>
      expect(editNotice).toHaveBeenCalledWith('n1', {
        title: '本周六延时服务',
        body: '9:00-12:00',
        audience: { scope: 'chosen', hall: true, terminalIds: [] },
      }),
    );
    const calls = vi.mocked(api.allNotices).mock.calls.length;
    events.emit(hallEvent({ type: 'notices.changed' }));
    await waitFor(() => expect(vi.mocked(api.allNotices).mock.calls.length).toBeGreaterThan(calls));
  });

  it('withdraws after the supervisor confirms', async () => {
    const withdrawNotice = vi.fn(async () => record({ withdrawnAt: '2026-11-27T02:00:00.000Z' }));
    renderSection(<NoticesScreen />, deskApi([record({})], { withdrawNotice }));
    // happy-dom has no dialogs: the supervisor's answer is stubbed.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(await screen.findByRole('button', { name: '撤回 本周六延时服务' }));
    await waitFor(() => expect(withdrawNotice).toHaveBeenCalledWith('n1'));
    expect(confirm).toHaveBeenCalledWith('撤回公告“本周六延时服务”？撤回后所有屏幕立即不再显示。');
    vi.unstubAllGlobals();
  });

  it('tells a technician that notices are the supervisors’, asking the host nothing', () => {
    const api = deskApi([]);
    renderSection(<NoticesScreen />, api, 'technician');
    expect(screen.getByText('公告由值班主任发布和管理。')).toBeTruthy();
    expect(api.allNotices).not.toHaveBeenCalled();
  });
});
