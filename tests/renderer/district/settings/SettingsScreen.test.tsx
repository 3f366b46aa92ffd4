import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../../../contracts/complaint-deadlines';
import type { Person } from '../../../../contracts/complaints';
import type { CalendarView, DeadlineRulesView, DispatchRulesView } from '../../../../contracts/platform-complaint-settings';
import { DistrictClientError, type DistrictClient } from '../../../../renderer/district/district-client';
import SettingsScreen from '../../../../renderer/district/settings/SettingsScreen';
import { DIRECTORY, NOW, PEOPLE } from '../complaints/fixtures';
import { fakeDistrict, renderSection, staffOf } from '../support';

const supervisor: Person = {
  ...PEOPLE.sorter,
  id: '00000000-0000-4000-8000-000000000009',
  name: '督办员',
  bureauRoles: ['supervisor'],
};
const seed = { version: 1, createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'seed' };
const CALENDAR: CalendarView = {
  days: [
    { date: '2026-10-01', kind: 'holiday', holiday: '国庆节', source: '国务院办公厅通知' },
    { date: '2026-10-10', kind: 'workday', holiday: '国庆节', source: '国务院办公厅通知' },
    { date: '2027-01-01', kind: 'holiday', holiday: '元旦', source: '全国年节及纪念日放假办法' },
  ],
};
const DEADLINES: DeadlineRulesView = { current: seed, rules: DEFAULT_DEADLINE_RULES, history: [seed] };
const DISPATCH: DispatchRulesView = { current: seed, rules: [], history: [seed] };

/** The console signed in as a desk person (or as nobody's account). */
function settingsAs(personId: string | null, overrides: Partial<DistrictClient> = {}): DistrictClient {
  return fakeDistrict({
    me: vi.fn(async () => ({ staff: { ...staffOf('viewer'), personId }, via: 'session' as const })),
    complaintDirectory: vi.fn(async () => ({ ...DIRECTORY, people: [...DIRECTORY.people, supervisor] })),
    complaintCalendar: vi.fn(async () => CALENDAR),
    deadlineRules: vi.fn(async () => DEADLINES),
    dispatchRules: vi.fn(async () => DISPATCH),
    ...overrides,
  });
}

describe('日历与规则: the 营商局’s settings', () => {
  beforeEach(() => {
    // The calendar opens on the current year: 2026.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the supervisor marks a day off; the calendar shows it as the platform answers', async () => {
    const setCalendarDay = vi.fn(async (date: string, day: Omit<CalendarView['days'][number], 'date'>) => ({
      days: [...CALENDAR.days, { date, ...day }],
    }));
    renderSection(<SettingsScreen />, settingsAs(supervisor.id, { setCalendarDay }), 'viewer');
    const panel = await screen.findByTestId('dst-calendar');
    const form = await within(panel).findByRole('form', { name: '保存这一天' });
    expect(within(panel).getByTestId('dst-calendar-days').querySelector('[data-date="2027-01-01"]')).toBeNull();
    fireEvent.change(within(form).getByLabelText('日期'), { target: { value: '2026-11-30' } });
    fireEvent.change(within(form).getByLabelText('依据（通知名称或区政府决定）'), { target: { value: '区政府决定' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存这一天' }));

    await within(panel).findByText('已将 2026-11-30 设为放假。');
    expect(setCalendarDay).toHaveBeenCalledWith('2026-11-30', { kind: 'holiday', holiday: '元旦', source: '区政府决定' });
    const row = within(panel).getByTestId('dst-calendar-days').querySelector<HTMLElement>('[data-date="2026-11-30"]');
    expect(row?.textContent).toContain('区政府决定');
  });

  it('a sorter reads the calendar and deadlines, and keeps the dispatch rules', async () => {
    const saveDispatchRules = vi.fn(async (): Promise<DispatchRulesView> => DISPATCH);
    renderSection(<SettingsScreen />, settingsAs(PEOPLE.sorter.id, { saveDispatchRules }), 'viewer');
    const dispatch = await screen.findByTestId('dst-dispatch-rules');
    const form = await within(dispatch).findByRole('form', { name: '添加规则' });
    const calendar = screen.getByTestId('dst-calendar');
    expect(within(calendar).queryByRole('form')).toBeNull();
    expect(within(calendar).getByText('由营商局督办角色维护；您可查看。')).toBeTruthy();
    expect(within(screen.getByTestId('dst-deadline-rules')).queryByRole('button', { name: '保存为新版本' })).toBeNull();

    fireEvent.change(within(form).getByLabelText('规则编号'), { target: { value: 'fire' } });
    fireEvent.change(within(form).getByLabelText('关键词（用逗号或顿号分隔，可选）'), { target: { value: '消防、 验收,fire' } });
    fireEvent.change(within(form).getByLabelText('牵头单位'), { target: { value: 'market-regulation' } });
    fireEvent.click(within(form).getByLabelText('区税务局'));
    fireEvent.click(within(form).getByLabelText('区市场监管局'));
    fireEvent.click(within(form).getByRole('button', { name: '添加规则' }));
    await waitFor(() => expect(saveDispatchRules).toHaveBeenCalled());
    // The lead unit ticked as a co-unit too is left out of the co-units.
    expect(saveDispatchRules).toHaveBeenCalledWith({
      expectedVersion: 1,
      rules: [
        {
          id: 'fire',
          topic: null,
          area: null,
          keywords: ['消防', '验收', 'fire'],
          leadUnit: 'market-regulation',
          coUnits: ['tax'],
        },
      ],
    });
  });

  it('saves the deadline rules on the version read; someone else’s save meanwhile is said and read again', async () => {
    const saveDeadlineRules = vi.fn().mockRejectedValueOnce(new DistrictClientError('rules_changed', 'changed'));
    const client = settingsAs(supervisor.id, { saveDeadlineRules });
    renderSection(<SettingsScreen />, client, 'viewer');
    const panel = await screen.findByTestId('dst-deadline-rules');
    const save = await within(panel).findByRole('button', { name: '保存为新版本' });
    const approval = within(within(panel).getByRole('group', { name: '办结期限（登记后，按诉求类型）' })).getByLabelText(
      '审批服务',
    );
    fireEvent.change(approval, { target: { value: '10' } });
    fireEvent.click(save);
    expect(await within(panel).findByRole('alert')).toHaveProperty('textContent', 'error:rules_changed');
    expect(saveDeadlineRules).toHaveBeenCalledWith({
      expectedVersion: 1,
      rules: { ...DEFAULT_DEADLINE_RULES, closeWorkingDays: { ...DEFAULT_DEADLINE_RULES.closeWorkingDays, approval: 10 } },
    });
    await waitFor(() => expect(client.deadlineRules).toHaveBeenCalledTimes(2));
  });

  it('an account that is no complaint person reads everything and is offered no form', async () => {
    renderSection(<SettingsScreen />, settingsAs(null), 'viewer');
    const deadlines = await screen.findByTestId('dst-deadline-rules');
    await within(deadlines).findByTestId('dst-deadline-version');
    expect(screen.queryAllByRole('form')).toEqual([]);
    expect(screen.queryAllByRole('button', { name: /保存|添加|恢复/ })).toEqual([]);
    expect(within(deadlines).getByLabelText('分拣转办（登记后）').matches(':disabled')).toBe(true);
  });
});
