import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES } from '../../../../contracts/complaint-assessment';
import type { AssessmentRulesView, StatisticsQuery } from '../../../../contracts/platform-complaint-statistics';
import { DistrictClientError } from '../../../../renderer/district/district-client';
import StatisticsScreen from '../../../../renderer/district/statistics/StatisticsScreen';
import { fakeDistrict, renderSection } from '../support';
import { novemberStatistics } from './fixtures';

// happy-dom has no canvas: the charts are stood in for by their labelled box (e2e draws the real ones).
vi.mock('../../../../renderer/district/statistics/StatisticsChart', () => ({
  StatisticsChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const rulesView = (editable: boolean): AssessmentRulesView => {
  const version = { version: 1, rules: DEFAULT_ASSESSMENT_RULES, createdAt: '2026-01-05T01:00:00.000Z', createdBy: 'seed' };
  return { current: version, versions: [version], editable };
};

describe('查询统计: the statistics screen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T02:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens on this month, lists each unit with its rank, and asks again for the period picked', async () => {
    const complaintStatistics = vi.fn(async (query: StatisticsQuery) => ({
      ...novemberStatistics(),
      period: { ...query, label: query.label ?? '' },
    }));
    const client = fakeDistrict({ complaintStatistics, assessmentRules: vi.fn(async () => rulesView(false)) });
    renderSection(<StatisticsScreen />, client, 'viewer');
    expect((await screen.findByTestId('dst-statistics-period')).textContent).toContain('2026年12月');
    const table = await screen.findByTestId('dst-statistics');
    const market = within(table).getByText('区市场监管局').closest('tr');
    expect(market?.textContent).toContain('1 / 2');
    expect(market?.textContent).toContain('100.00');
    expect(within(table).getByText('星河街道').closest('tr')?.textContent).toContain('不参与排名');
    expect(screen.getByTestId('dst-statistics-district').textContent).toContain('全区规定期限办结率：66.7%');
    expect(screen.getByRole('img', { name: '各单位考核得分' })).not.toBeNull();

    fireEvent.change(screen.getByLabelText('周期类型'), { target: { value: 'quarter' } });
    await waitFor(() =>
      expect(complaintStatistics).toHaveBeenLastCalledWith({ from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' }),
    );
    expect(await screen.findByText('只有营商局督办人员可以修改考核细则。')).not.toBeNull();
    expect(screen.queryByRole('button', { name: '保存为新版本' })).toBeNull();
  });

  it('lets a supervisor save a new version, refusing points that do not add up first', async () => {
    const putAssessmentRules = vi.fn(async () => {
      const view = rulesView(true);
      return { ...view, current: { ...view.current, version: 2, createdBy: '督办员' } };
    });
    const client = fakeDistrict({
      complaintStatistics: vi.fn(async () => novemberStatistics()),
      assessmentRules: vi.fn(async () => rulesView(true)),
      putAssessmentRules,
    });
    renderSection(<StatisticsScreen />, client, 'viewer');
    const satisfaction = await screen.findByRole('group', { name: '企业满意度（满意率）' });
    fireEvent.change(within(satisfaction).getByLabelText('分值'), { target: { value: '20' } });
    expect(screen.getByTestId('dst-stat-rules-sum').textContent).toContain('各项分值合计 90 / 满分 100');
    const save = screen.getByRole('button', { name: '保存为新版本' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const closing = screen.getByRole('group', { name: '规定期限办结（规定期限办结率）' });
    fireEvent.change(within(closing).getByLabelText('分值'), { target: { value: '40' } });
    fireEvent.click(save);
    expect((await screen.findByRole('status')).textContent).toContain('已保存为第 2 版');
    expect(putAssessmentRules).toHaveBeenCalledWith(expect.objectContaining({ baseVersion: 1 }));
  });

  it('says why when the platform refuses the reader', async () => {
    const client = fakeDistrict({
      complaintStatistics: vi.fn(() => Promise.reject(new DistrictClientError('not_a_person', 'no person'))),
      assessmentRules: vi.fn(() => Promise.reject(new DistrictClientError('not_a_person', 'no person'))),
    });
    renderSection(<StatisticsScreen />, client, 'viewer');
    expect((await screen.findAllByRole('alert'))[0]?.textContent).toContain('error:not_a_person');
  });
});
