import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../../contracts/auth';
import type { HoursExtension, HoursToday } from '../../../contracts/hours';
import { ApiClientError } from '../../../renderer/api/client';
import { addAreaMessages } from '../../../renderer/i18n';
import HoursScreen from '../../../renderer/manager/hours/HoursScreen';
import { managerMessages } from '../../../renderer/manager/messages';
import { ManagerSessionContext, type ManagerSession } from '../../../renderer/manager/session';
import { fakeApi } from '../support/fake-api';
import { hallEvent } from '../support/fake-events';
import { windowOf } from '../support/queue-fixtures';
import { renderScreen } from '../support/render';

addAreaMessages(managerMessages);

const extension: HoursExtension = {
  id: 4,
  businessDay: '2026-10-12',
  serviceCode: 'business-startup',
  serviceName: '企业开办',
  windowId: null,
  windowNumber: null,
  until: '18:30',
  reason: '排队人数多',
  createdAt: '2026-10-12T09:40:00.000Z',
  createdByStaffNo: '9001',
  cancelledAt: null,
  cancelledByStaffNo: null,
};

/** Monday 12 October 2026, 17:45: 企业开办 extended to 18:30, 不动产 closed for the day. */
const monday: HoursToday = {
  businessDay: '2026-10-12',
  dayKind: 'regular',
  makeupHours: null,
  services: [
    {
      serviceCode: 'business-startup',
      serviceName: '企业开办',
      serviceNameEn: 'Business start-up',
      periods: [
        { from: '08:30', to: '12:00', duty: false, extended: false },
        { from: '12:00', to: '14:00', duty: true, extended: false },
        { from: '14:00', to: '17:30', duty: false, extended: false },
        { from: '17:30', to: '18:30', duty: false, extended: true },
      ],
      extension: { until: '18:30', by: 'service', windowNumbers: [] },
      open: true,
      closedReason: null,
      nextOpening: null,
    },
    {
      serviceCode: 'real-estate',
      serviceName: '不动产登记',
      serviceNameEn: 'Real estate',
      periods: [{ from: '08:30', to: '17:30', duty: false, extended: false }],
      extension: null,
      open: false,
      closedReason: 'hours',
      nextOpening: '2026-10-13T00:30:00.000Z',
    },
  ],
  extensions: [extension],
};

function hours(role: StaffRole, overrides: Parameters<typeof fakeApi>[0] = {}, today: HoursToday = monday) {
  const session: ManagerSession = {
    staff: { id: 7, staffNo: '9001', name: '王主任', role, windowId: null },
    canChange: role === 'supervisor',
    timeZone: 'Asia/Shanghai',
    describeError: () => '操作失败，请重试。',
    failed: () => '操作失败，请重试。',
  };
  const api = fakeApi({
    hoursToday: vi.fn(async () => today),
    windows: async () => ({ windows: [windowOf(null, { id: 1, number: 1, name: '综合受理 1' })] }),
    ...overrides,
  });
  return {
    api,
    ...renderScreen(
      <ManagerSessionContext.Provider value={session}>
        <HoursScreen />
      </ManagerSessionContext.Provider>,
      api,
    ),
  };
}

describe('今日开放 / 延时服务', () => {
  it('shows each service’s hours today, the extension and whether it issues numbers now', async () => {
    hours('supervisor');
    const rows = await screen.findAllByTestId('mgr-hours-service');
    expect(rows[0]?.textContent).toContain('17:30–18:30（延时）');
    expect(rows[0]?.textContent).toContain('延时至 18:30');
    expect(rows[0]?.textContent).toContain('取号中');
    expect(rows[1]?.textContent).toContain('不在取号时间 · 下次开放 2026/10/13 08:30');
    expect(screen.getByTestId('mgr-hours-day').textContent).toContain('今天按每周开放时间取号');
    expect(within(screen.getByTestId('mgr-hours-extensions')).getByText('排队人数多')).toBeTruthy();
  });

  it('says a holiday closes the hall, and a 调休 day which weekday’s hours it keeps', async () => {
    hours('supervisor', {}, { ...monday, dayKind: 'holiday' });
    expect((await screen.findByTestId('mgr-hours-day')).textContent).toContain('法定节假日：大厅全天休息，不取号。');
    expect(screen.getByText('今天是法定节假日，延时服务不能开放休息日。')).toBeTruthy();
  });

  it('a supervisor extends a window until a time, and the host’s refusal reads in their words', async () => {
    const extendHours = vi
      .fn()
      .mockRejectedValueOnce(new ApiClientError('invalid_state', 'x', { reason: 'not_later' }))
      .mockResolvedValueOnce({
        ...extension,
        id: 5,
        serviceCode: null,
        serviceName: null,
        windowId: 1,
        windowNumber: 1,
        until: '19:00',
      });
    hours('supervisor', { extendHours });
    const form = await screen.findByTestId('mgr-hours-form');
    await within(form).findByRole('option', { name: '1 号窗口 综合受理 1' });
    fireEvent.change(within(form).getByTestId('mgr-hours-target'), { target: { value: 'window:1' } });
    fireEvent.change(within(form).getByTestId('mgr-hours-until'), { target: { value: '19:00' } });
    fireEvent.click(within(form).getByRole('button', { name: '延时' }));
    expect((await screen.findByRole('alert')).textContent).toBe('今天本就办理到这个时间之后，无需延时。');
    fireEvent.click(within(form).getByRole('button', { name: '延时' }));
    await waitFor(() => expect(screen.getByTestId('mgr-hours-message').textContent).toBe('已将1 号窗口延时至 19:00。'));
    expect(extendHours).toHaveBeenLastCalledWith({ windowId: 1, until: '19:00', reason: '' });
  });

  it('cancels an extension in force', async () => {
    const cancelHoursExtension = vi.fn(async () => ({ ...extension, cancelledAt: '2026-10-12T09:50:00.000Z' }));
    hours('supervisor', { cancelHoursExtension });
    fireEvent.click(await screen.findByRole('button', { name: '取消延时：企业开办至 18:30' }));
    await waitFor(() => expect(cancelHoursExtension).toHaveBeenCalledWith(4));
  });

  it('lets a technician look only: no form, no cancel', async () => {
    hours('technician');
    await screen.findAllByTestId('mgr-hours-service');
    expect(screen.queryByTestId('mgr-hours-form')).toBeNull();
    expect(screen.queryByRole('button', { name: /取消/ })).toBeNull();
  });

  it('reads the day again when a supervisor elsewhere extends it', async () => {
    const { api, events } = hours('supervisor');
    await screen.findAllByTestId('mgr-hours-service');
    const calls = vi.mocked(api.hoursToday).mock.calls.length;
    events.emit(hallEvent({ type: 'hours.changed' }));
    await waitFor(() => expect(vi.mocked(api.hoursToday).mock.calls.length).toBeGreaterThan(calls));
  });
});
