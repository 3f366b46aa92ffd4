import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../../../contracts/auth';
import type { FloorSnapshot } from '../../../../contracts/floor';
import { addAreaMessages } from '../../../../renderer/i18n';
import FloorScreen from '../../../../renderer/manager/floor/FloorScreen';
import { managerMessages } from '../../../../renderer/manager/messages';
import { ManagerSessionContext, type ManagerSession } from '../../../../renderer/manager/session';
import { fakeApi } from '../../support/fake-api';
import { hallEvent } from '../../support/fake-events';
import { renderScreen } from '../../support/render';

beforeAll(() => addAreaMessages(managerMessages));

/** 10:30 in Beijing. */
const AT = '2026-06-01T02:30:00.000Z';

function floorOf(overrides: Partial<FloorSnapshot> = {}): FloorSnapshot {
  return {
    at: AT,
    businessDay: '2026-06-01',
    timeZone: 'Asia/Shanghai',
    hall: { waiting: 7, longestWaitSeconds: 25 * 60, called: 12, served: 10, serviceLevelPct: 83.3 },
    services: [
      {
        code: 'social-security',
        name: '社保医保',
        waiting: 5,
        longestWaitSeconds: 25 * 60,
        longestWaitTicket: 'C012',
        targetWaitMin: 20,
        called: 12,
        serviceLevelPct: 83.3,
      },
      {
        code: 'consulting',
        name: '咨询',
        waiting: 0,
        longestWaitSeconds: null,
        longestWaitTicket: null,
        targetWaitMin: 10,
        called: 0,
        serviceLevelPct: null,
      },
    ],
    windows: [
      {
        id: 1,
        number: 1,
        name: '综合受理 1',
        services: ['consulting'],
        status: 'open',
        pausedAt: null,
        pausedSeconds: null,
        staff: { staffNo: '1001', name: '王小明' },
        serving: { ticketNumber: 'C011', serviceCode: 'social-security', calledAt: AT, servingSeconds: 4 * 60 },
        held: 1,
        servedToday: 6,
      },
      {
        id: 3,
        number: 3,
        name: '社保医保',
        services: ['social-security'],
        status: 'paused',
        pausedAt: '2026-06-01T02:12:00.000Z',
        pausedSeconds: 18 * 60,
        staff: { staffNo: '1003', name: '李华' },
        serving: null,
        held: 0,
        servedToday: 4,
      },
      {
        id: 4,
        number: 4,
        name: '营商诉求',
        services: [],
        status: 'closed',
        pausedAt: null,
        pausedSeconds: null,
        staff: null,
        serving: null,
        held: 0,
        servedToday: 0,
      },
    ],
    alerts: [
      {
        kind: 'printer',
        key: 'printer:printer-1:paper-end',
        severity: 'critical',
        since: '2026-06-01T02:20:00.000Z',
        deviceId: 'printer-1',
        state: 'paper-end',
      },
      {
        kind: 'window_paused',
        key: 'window_paused:3',
        severity: 'warning',
        since: '2026-06-01T02:12:00.000Z',
        windowNumber: 3,
        windowName: '社保医保',
        pausedSeconds: 18 * 60,
        thresholdMinutes: 15,
      },
      {
        kind: 'bad_review',
        key: 'bad_review:ev-1',
        severity: 'warning',
        since: '2026-06-01T02:25:00.000Z',
        evaluationId: 'ev-1',
        level: 'very_dissatisfied',
        ticketNumber: 'A007',
        windowNumber: '1',
        staffNumber: '1001',
        caseNumber: null,
      },
    ],
    thresholds: { windowPausedMinutes: 15, syncStuckMinutes: 10 },
    ...overrides,
  };
}

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
      <FloorScreen />
    </ManagerSessionContext.Provider>,
    api,
  );
}

const alertTexts = () => screen.getAllByTestId('floor-alert').map((li) => li.textContent);

describe('the live floor in the manager console', () => {
  it('says each alert in a sentence, how urgent and since when on the hall’s clock', async () => {
    renderAs('supervisor', fakeApi({ managerFloor: async () => floorOf() }));
    await screen.findAllByTestId('floor-alert');
    expect(alertTexts()).toEqual([
      '紧急取号机打印机 printer-1 缺纸，号票无法打印。自 10:20 起',
      '注意3 号窗口（社保医保）已暂停 18 分钟，超过 15 分钟。自 10:12 起',
      '注意收到差评（非常不满意）：1 号窗口，工号 1001，A007 号。自 10:25 起已知悉',
    ]);
    expect(screen.getByTestId('floor-alert-count').textContent).toBe('当前 3 条告警');
    expect(screen.getByTestId('floor-updated').textContent).toBe('10:30 更新');
  });

  it('shows the whole hall, the waiting per service and every window', async () => {
    renderAs('technician', fakeApi({ managerFloor: async () => floorOf() }));
    await screen.findAllByTestId('floor-window');
    expect(screen.getByTestId('floor-waiting').textContent).toBe('7');
    expect(screen.getByTestId('floor-longest').textContent).toBe('25 分钟');
    expect(screen.getByTestId('floor-level').textContent).toBe('83.3%已叫号 12 人');
    const social = screen.getAllByTestId('floor-service')[0] as HTMLElement;
    expect([...social.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual([
      '社保医保',
      '5',
      'C012 号 · 25 分钟',
      '20 分钟',
      '83.3%',
    ]);
    const windows = screen.getAllByTestId('floor-window');
    expect(windows.map((w) => within(w).getByTestId('floor-window-status').textContent)).toEqual(['开放', '暂停', '未登录']);
    expect(within(windows[0] as HTMLElement).getByTestId('floor-window-doing').textContent).toBe('正在办理 C011 号 · 4 分钟');
    expect(within(windows[0] as HTMLElement).getByTestId('floor-window-staff').textContent).toBe('工号 1001 王小明');
    expect(within(windows[1] as HTMLElement).getByTestId('floor-window-doing').textContent).toBe('已暂停 18 分钟');
    expect(within(windows[2] as HTMLElement).getByTestId('floor-window-staff').textContent).toBe('无人登录');
    // A technician looks: nothing to mark.
    expect(screen.queryByRole('button', { name: '已知悉' })).toBeNull();
  });

  it('reads the floor again after a call, once for the burst of events the call makes', async () => {
    const managerFloor = vi
      .fn<() => Promise<FloorSnapshot>>()
      .mockResolvedValueOnce(floorOf())
      .mockResolvedValue(floorOf({ hall: { ...floorOf().hall, waiting: 6 } }));
    const { events } = renderAs('supervisor', fakeApi({ managerFloor }));
    await screen.findAllByTestId('floor-window');
    events.emit(hallEvent({ type: 'identity.read', sessionId: 's' }));
    const call = {
      ticketId: 9,
      ticketNumber: 'C012',
      serviceCode: 'social-security',
      serviceName: '社保医保',
      windowNumber: 1,
      windowName: '综合受理 1',
      calledAt: AT,
      recall: 0,
    };
    events.emit(hallEvent({ type: 'ticket.called', call }));
    events.emit(hallEvent({ type: 'queue.counts', counts: [{ serviceCode: 'social-security', waiting: 4 }] }));
    await waitFor(() => expect(screen.getByTestId('floor-waiting').textContent).toBe('6'));
    expect(managerFloor).toHaveBeenCalledTimes(2);
  });

  it('lets a supervisor mark a 差评 seen; the floor answers without it', async () => {
    const markReviewSeen = vi.fn(async () => floorOf({ alerts: floorOf().alerts.slice(0, 2) }));
    renderAs('supervisor', fakeApi({ managerFloor: async () => floorOf(), markReviewSeen }));
    fireEvent.click(await screen.findByRole('button', { name: '已知悉' }));
    await waitFor(() => expect(screen.getAllByTestId('floor-alert')).toHaveLength(2));
    expect(markReviewSeen).toHaveBeenCalledWith('ev-1');
  });

  it('says when nothing is wrong', async () => {
    renderAs('supervisor', fakeApi({ managerFloor: async () => floorOf({ alerts: [] }) }));
    expect((await screen.findByTestId('floor-alert-count')).textContent).toBe('当前没有告警。');
  });
});
