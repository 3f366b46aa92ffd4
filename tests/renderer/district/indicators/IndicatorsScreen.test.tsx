import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DistrictRole } from '../../../../contracts/platform-console';
import type { IndicatorTree } from '../../../../contracts/indicators';
import { DistrictClientError, type DistrictClient } from '../../../../renderer/district/district-client';
import IndicatorsScreen from '../../../../renderer/district/indicators/IndicatorsScreen';
import { fakeDistrict, renderSection } from '../support';
import { entry, PERIOD, scoresOf, sheetOf, TREE_VIEW, trendOf, VALUES } from './fixtures';

// happy-dom has no canvas: the chart is stood in for by its labelled box (e2e draws the real one).
vi.mock('../../../../renderer/manager/reports/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

function platform(overrides: Partial<DistrictClient> = {}): DistrictClient {
  return fakeDistrict({
    indicatorTree: vi.fn(async () => TREE_VIEW),
    indicatorPeriods: vi.fn(async () => ({ periods: [PERIOD] })),
    periodScores: vi.fn(async () => scoresOf(VALUES)),
    periodLeaves: vi.fn(async () => sheetOf(VALUES)),
    indicatorTrend: vi.fn(async (_kind, code) => trendOf(code)),
    leafEntries: vi.fn(async () => ({ entries: [entry()] })),
    ...overrides,
  });
}

function open(client: DistrictClient, role: DistrictRole) {
  return renderSection(<IndicatorsScreen />, client, role);
}

describe('营商环境评价: the dashboard', () => {
  it('shows the district’s score with its coverage, the seven categories, and the trend of the quarters', async () => {
    const client = platform();
    open(client, 'viewer');
    const expected = scoresOf(VALUES).scores;
    const district = await screen.findByTestId('dst-ind-district-score');
    expect(district.textContent).toBe(expected.score?.toFixed(2));
    expect(screen.getByTestId('dst-ind-district').textContent).toContain(`${expected.missing.length} 项指标缺失`);
    const cards = within(screen.getByRole('list', { name: '七大类得分' })).getAllByRole('button');
    expect(cards.map((card) => card.textContent?.slice(0, 4))).toEqual([
      '政务环境',
      '市场环境',
      '开放环境',
      '要素环境',
      '设施环境',
      '社会环境',
      '法治环境',
    ]);
    // 设施环境 has no value at all: missing, not 0.
    const inf = expected.nodes.find((n) => n.code === 'INF');
    expect(inf?.score).toBeNull();
    expect(cards[4]?.textContent).toContain('—');
    // One trend line for the district and one per category, of the selected period's kind.
    await waitFor(() => expect(client.indicatorTrend).toHaveBeenCalledTimes(8));
    expect(client.indicatorTrend).toHaveBeenCalledWith('quarter', undefined);
    expect(client.indicatorTrend).toHaveBeenCalledWith('quarter', 'LAW');
    const trend = screen.getByTestId('dst-ind-trend');
    await within(trend).findByRole('img', { name: /全区和七大类得分/ });
    const districtRow = trend.querySelector('tr[data-line="district"]');
    expect(districtRow?.textContent).toContain('61.50');
    expect(within(trend).getByText('2026年第2季度')).toBeTruthy();
  });

  it('opens a category down to its groups and a group down to its indicators, a missing one shown as missing', async () => {
    open(platform(), 'viewer');
    fireEvent.click(await screen.findByRole('button', { name: /^政务环境\s*\d/ }));
    const drill = screen.getByTestId('dst-ind-drill');
    const groups = within(drill).getByTestId('dst-ind-groups');
    expect(groups.querySelectorAll('tbody tr')).toHaveLength(5);
    // GOV.03 and GOV.04 have no value: missing in full, their weight gone to the others.
    expect(groups.querySelector('tr[data-group="GOV.03"]')?.textContent).toContain('缺失');
    expect(groups.querySelector('tr[data-group="GOV.01"]')?.textContent).toContain('0.3 → ');
    fireEvent.click(within(drill).getByRole('button', { name: '查看 政务服务 的三级指标' }));
    const leaves = within(drill).getByTestId('dst-ind-leaves');
    const missing = leaves.querySelector('tr[data-leaf="GOV.01.01"]');
    expect(missing?.getAttribute('data-missing')).toBe('true');
    expect(missing?.textContent).toContain('缺失');
    expect(missing?.textContent).toContain('待审核');
    const wait = leaves.querySelector('tr[data-leaf="GOV.01.04"]');
    // 19 minutes against 10 (100) and 40 (0): 70 points; computed from the platform's rows.
    expect(wait?.textContent).toContain('19 分钟');
    expect(wait?.textContent).toContain('70.00');
    expect(wait?.textContent).toContain('平台计算：窗口平均等候时长');
    expect(wait?.textContent).toContain('越低越好');
  });
});

describe('营商环境评价: entry and review', () => {
  it('a district operator enters a value for an entered indicator, with its note', async () => {
    const enterIndicatorValue = vi.fn(async () => entry({ code: 'GOV.02.02', revision: 1, value: 2 }));
    open(platform({ enterIndicatorValue }), 'district-operator');
    fireEvent.click(screen.getByRole('button', { name: '数据填报与审核' }));
    fireEvent.click(await screen.findByRole('button', { name: '填报 企业开办环节数' }));
    const panel = screen.getByTestId('dst-ind-leaf');
    const form = within(panel).getByRole('form', { name: '填报本周期数值' });
    fireEvent.change(within(form).getByLabelText('数值（个）'), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText(/数据来源和说明/), { target: { value: '一网通办平台统计' } });
    fireEvent.submit(form);
    await within(panel).findByText('已提交第 1 版，等待审核。');
    expect(enterIndicatorValue).toHaveBeenCalledWith('2026-Q3', 'GOV.02.02', { value: 2, note: '一网通办平台统计' });
    // A computed indicator takes no entry: it is viewed only.
    expect(screen.getByRole('button', { name: '查看 窗口平均等候时长' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '填报 窗口平均等候时长' })).toBeNull();
  });

  it('another operator approves the submitted value; returning it needs a reason', async () => {
    const reviewIndicatorValue = vi.fn(async () => entry({ state: 'approved', reviewedBy: 'li.ming' }));
    open(platform({ reviewIndicatorValue }), 'district-operator');
    fireEvent.click(screen.getByRole('button', { name: '数据填报与审核' }));
    fireEvent.click(await screen.findByRole('button', { name: '审核 全程网办事项占比' }));
    const review = within(screen.getByTestId('dst-ind-leaf')).getByRole('form', { name: '审核填报数值' });
    expect(review.textContent).toContain('第 1 版 88 %，填报人 operator-1');
    fireEvent.click(within(review).getByRole('button', { name: '退回修改' }));
    expect(within(review).getByRole('alert').textContent).toBe('退回须写明原因。');
    expect(reviewIndicatorValue).not.toHaveBeenCalled();
    fireEvent.click(within(review).getByRole('button', { name: '审核通过' }));
    await screen.findByText('第 1 版已审核通过，计入得分。');
    expect(reviewIndicatorValue).toHaveBeenCalledWith('2026-Q3', 'GOV.01.01', { decision: 'approve', revision: 1 });
  });

  it('whoever entered a value is not offered its review', async () => {
    open(platform({ periodLeaves: vi.fn(async () => sheetOf(VALUES, 'li.ming')) }), 'district-operator');
    fireEvent.click(screen.getByRole('button', { name: '数据填报与审核' }));
    fireEvent.click(await screen.findByRole('button', { name: '填报 全程网办事项占比' }));
    const panel = screen.getByTestId('dst-ind-leaf');
    expect(within(panel).getByText('这一版由您提交，须由另一位工作人员审核。')).toBeTruthy();
    expect(within(panel).queryByRole('form', { name: '审核填报数值' })).toBeNull();
  });

  it('a viewer reads the sheet and its history but is offered no entry, review, computation or close', async () => {
    const client = platform();
    open(client, 'viewer');
    fireEvent.click(screen.getByRole('button', { name: '数据填报与审核' }));
    await screen.findByTestId('dst-ind-sheet');
    expect(screen.getByText('填报和审核由区级办件人员进行，您的账号只能查看。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^填报 / })).toBeNull();
    expect(screen.queryByRole('button', { name: '计算平台数据' })).toBeNull();
    expect(screen.queryByRole('button', { name: '关闭周期' })).toBeNull();
    expect(screen.queryByRole('button', { name: '开启' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看 全程网办事项占比' }));
    const history = await screen.findByTestId('dst-ind-history');
    expect(history.textContent).toContain('第 1 版：88 %，operator-1');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('an operator computes the platform’s figures and closes the period after confirming', async () => {
    const computeIndicatorPeriod = vi.fn(async () => ({
      period: '2026-Q3',
      values: [
        {
          metric: 'business-startup-working-days' as const,
          value: 1.2,
          rows: 40,
          computedBy: 'li.ming',
          computedAt: PERIOD.openedAt,
        },
        {
          metric: 'complaint-satisfaction-rate' as const,
          value: null,
          rows: 0,
          computedBy: 'li.ming',
          computedAt: PERIOD.openedAt,
        },
      ],
    }));
    const closeIndicatorPeriod = vi.fn(async () => ({ ...scoresOf(VALUES), period: { ...PERIOD, state: 'closed' as const } }));
    open(platform({ computeIndicatorPeriod, closeIndicatorPeriod }), 'district-operator');
    fireEvent.click(await screen.findByRole('button', { name: '计算平台数据' }));
    await screen.findByText('已计算平台指标 2 项，其中 1 项有数据。');
    fireEvent.click(screen.getByRole('button', { name: '关闭周期' }));
    expect(closeIndicatorPeriod).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确认关闭2026年第3季度' }));
    await screen.findByText('2026年第3季度已关闭，得分已存档。');
    expect(closeIndicatorPeriod).toHaveBeenCalledWith('2026-Q3');
  });

  it('a refusal of the platform is said in words: a period opened twice', async () => {
    const openIndicatorPeriod = vi.fn(async () => {
      throw new DistrictClientError('period_exists', 'x');
    });
    open(platform({ openIndicatorPeriod }), 'district-operator');
    fireEvent.click(await screen.findByRole('button', { name: '开启' }));
    expect((await screen.findByRole('alert')).textContent).toBe('这个评价周期已经开启过。');
  });
});

describe('营商环境评价: the tree', () => {
  const openTree = async (client: DistrictClient, role: DistrictRole) => {
    open(client, role);
    fireEvent.click(screen.getByRole('button', { name: '指标体系维护' }));
    return screen.findByTestId('dst-ind-tree');
  };

  it('shows the counts against the seed’s 7 / 26 / 77; a viewer reads it without edit buttons', async () => {
    const tree = await openTree(platform(), 'viewer');
    const shape = within(tree).getByTestId('dst-ind-shape');
    expect(shape.querySelector('tr[data-level="groups"]')?.textContent).toBe('二级指标2626');
    expect(shape.querySelector('tr[data-level="leaves"]')?.textContent).toBe('三级指标7777');
    expect(within(tree).getByText('指标体系由平台管理员维护，您的账号只能查看。')).toBeTruthy();
    expect(within(tree).queryByRole('button', { name: /^修改/ })).toBeNull();
  });

  it('an admin adds a group: the draft’s problems are listed at their codes until it is whole, then saved', async () => {
    const saveIndicatorTree = vi.fn(async (_version: number, next: IndicatorTree) => ({ ...TREE_VIEW, version: 2, tree: next }));
    const tree = await openTree(platform({ saveIndicatorTree }), 'district-admin');
    fireEvent.click(within(tree).getByRole('button', { name: '在政务环境下添加二级指标' }));
    const groupForm = screen.getByTestId('dst-ind-group-form');
    expect(groupForm.textContent).toContain('新二级指标 GOV.06');
    fireEvent.change(within(groupForm).getByLabelText('名称'), { target: { value: '涉企政策兑现' } });
    fireEvent.change(within(groupForm).getByLabelText('英文名称'), { target: { value: 'Business policies' } });
    fireEvent.change(within(groupForm).getByLabelText('权重'), { target: { value: '0.1' } });
    fireEvent.submit(groupForm);

    const problems = await screen.findByTestId('dst-ind-problems');
    expect(problems.textContent).toContain('GOV.06 涉企政策兑现：还没有三级指标：请至少添加一项');
    expect(problems.textContent).toContain('GOV 政务环境：同级权重之和为 1.1，应为 1（±0.001）');
    expect(screen.getByRole('button', { name: '保存为新版本' })).toHaveProperty('disabled', true);
    expect(within(tree).getByTestId('dst-ind-shape').querySelector('tr[data-level="groups"]')?.textContent).toBe('二级指标2726');

    // Its first indicator, then GOV.01's weight down by 0.1: the draft is whole.
    fireEvent.click(within(tree).getByRole('button', { name: '在涉企政策兑现下添加三级指标' }));
    const leafForm = screen.getByTestId('dst-ind-leaf-form');
    const fill = (label: string | RegExp, value: string) =>
      fireEvent.change(within(leafForm).getByLabelText(label), { target: { value } });
    fill('名称', '涉企政策兑现平均用时');
    fill('英文名称', 'Average time to honour business policies');
    fill('权重', '1');
    fill('单位', '个工作日');
    fill('方向', 'lower');
    fill('目标值（满分）', '5');
    fill('最差值（0 分）', '20');
    fill('统计口径', '兑现申请受理至资金拨付的平均工作日数');
    fill('英文口径', 'Working days from a claim accepted to the money paid');
    fireEvent.submit(leafForm);
    fireEvent.click(within(tree).getByRole('button', { name: '修改“政务服务”' }));
    const edit = screen.getByTestId('dst-ind-group-form');
    fireEvent.change(within(edit).getByLabelText('权重'), { target: { value: '0.2' } });
    fireEvent.submit(edit);

    await screen.findByText('检查通过，可以保存。');
    fireEvent.click(screen.getByRole('button', { name: '保存为新版本' }));
    await screen.findByText('已保存为第 2 版。');
    const saved = saveIndicatorTree.mock.calls[0];
    expect(saved?.[0]).toBe(1);
    const gov = saved?.[1].categories.find((c) => c.code === 'GOV');
    expect(gov?.children.map((g) => [g.code, g.weight])).toEqual([
      ['GOV.01', 0.2],
      ['GOV.02', 0.2],
      ['GOV.03', 0.2],
      ['GOV.04', 0.1],
      ['GOV.05', 0.2],
      ['GOV.06', 0.1],
    ]);
    expect(gov?.children[5]?.children[0]).toMatchObject({
      code: 'GOV.06.01',
      unit: '个工作日',
      direction: 'lower',
      target: 5,
      worst: 20,
    });
  });

  it('a save refused because someone saved meanwhile says so', async () => {
    const saveIndicatorTree = vi.fn(async () => {
      throw new DistrictClientError('indicator_tree_changed', 'x', { version: 2 });
    });
    const tree = await openTree(platform({ saveIndicatorTree }), 'district-admin');
    fireEvent.click(within(tree).getByRole('button', { name: '修改“企业开办环节数”' }));
    const form = screen.getByTestId('dst-ind-leaf-form');
    fireEvent.change(within(form).getByLabelText('目标值（满分）'), { target: { value: '2' } });
    fireEvent.submit(form);
    fireEvent.click(await screen.findByRole('button', { name: '保存为新版本' }));
    expect((await screen.findByRole('alert')).textContent).toContain('指标体系已被他人修改并保存');
  });
});
