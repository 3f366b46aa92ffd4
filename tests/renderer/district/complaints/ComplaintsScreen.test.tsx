import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComplaintAction } from '../../../../contracts/complaint-actions';
import type { ComplaintListQueryInput, ComplaintPage } from '../../../../contracts/platform-complaints';
import ComplaintsScreen from '../../../../renderer/district/complaints/ComplaintsScreen';
import { DistrictClientError, type DistrictClient } from '../../../../renderer/district/district-client';
import { fakeDistrict, renderSection, staffOf } from '../support';
import { DIRECTORY, NOW, numberOf, pageOf, PEOPLE, summary } from './fixtures';

/** The console signed in as one of the desk's people (or as an account that is nobody's). */
function deskAs(personId: string | null, overrides: Partial<DistrictClient> = {}): DistrictClient {
  return fakeDistrict({
    me: vi.fn(async () => ({ staff: { ...staffOf('viewer'), personId }, via: 'session' as const })),
    complaintDirectory: vi.fn(async () => DIRECTORY),
    listComplaints: vi.fn(async () => ({ complaints: [summary(1)], next: null })),
    ...overrides,
  });
}

async function openComplaint(client: DistrictClient) {
  renderSection(<ComplaintsScreen />, client, 'viewer');
  fireEvent.click(await screen.findByRole('button', { name: `查看 ${numberOf(1)}` }));
  const panel = await screen.findByTestId('dst-complaint');
  await within(panel).findByText('施工许可审批超过承诺时限仍未办结，请督促办理。');
  return panel;
}

/** The actions offered, by their forms' names, once the directory and `me` have answered. */
async function offered(panel: HTMLElement): Promise<string[]> {
  await waitFor(() => expect(within(panel).queryByText('您的账号未关联诉求办理人员，只能查看。')).toBeNull());
  return within(panel)
    .queryAllByRole('form')
    .map((form) => form.getAttribute('data-action') ?? '');
}

describe('营商诉求: the work list and a complaint', () => {
  beforeEach(() => {
    // Only the clock: the working days left are counted from Monday 7 December, 10:00 in the district.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists complaints with their stage deadline in working days, filters them and pages on', async () => {
    const listComplaints = vi.fn(async (query: ComplaintListQueryInput) =>
      query.after === undefined
        ? {
            complaints: [
              summary(3, { state: 'dispatched', leadUnit: 'market-regulation' }),
              summary(2, { stageDueAt: '2026-12-04T16:00:00.000Z', overdue: true, state: 'sorting' }),
            ],
            next: numberOf(2),
          }
        : { complaints: [summary(1, { stageDueAt: null, state: 'closed', stage: 'concluded' })], next: null },
    );
    renderSection(<ComplaintsScreen />, deskAs(null, { listComplaints }), 'viewer');
    const table = await screen.findByTestId('dst-complaints');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('星河示例3号科技有限公司');
    expect(rows[1]?.textContent).toContain('已转办企业看到：受理');
    expect(within(table).getByText('剩 2 个工作日').className).toContain('tone-ok');
    expect(within(table).getByText('已超期 1 个工作日').className).toContain('tone-bad');
    await waitFor(() => expect(rows[1]?.textContent).toContain('区市场监管局'));

    fireEvent.click(screen.getByRole('button', { name: '显示更多' }));
    await waitFor(() => expect(within(screen.getByTestId('dst-complaints')).getAllByRole('row')).toHaveLength(4));
    expect(listComplaints).toHaveBeenLastCalledWith({ limit: 20, after: numberOf(2) });

    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'dispatched' } });
    fireEvent.change(screen.getByLabelText('承办单位'), { target: { value: 'tax' } });
    fireEvent.change(screen.getByLabelText('来源'), { target: { value: 'web' } });
    fireEvent.change(screen.getByLabelText('企业名称或诉求内容'), { target: { value: ' 施工许可 ' } });
    fireEvent.click(screen.getByLabelText('只看超期'));
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() =>
      expect(listComplaints).toHaveBeenLastCalledWith({
        state: 'dispatched',
        unit: 'tax',
        channel: 'web',
        text: '施工许可',
        overdue: 'true',
        limit: 20,
      }),
    );
  });

  it('lists the red list at one toggle, on top of the filters typed', async () => {
    const client = deskAs(null);
    renderSection(<ComplaintsScreen />, client, 'viewer');
    await screen.findByTestId('dst-complaints');
    const toggle = screen.getByRole('button', { name: '督办红榜（超期未办）' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(client.listComplaints).toHaveBeenLastCalledWith({ overdue: 'true', limit: 20 }));
    fireEvent.click(toggle);
    await waitFor(() => expect(client.listComplaints).toHaveBeenLastCalledWith({ limit: 20 }));
  });

  it('masks the contact until asked, and shows deadlines, duplicates, suggestions and public steps', async () => {
    const panel = await openComplaint(deskAs(null, { complaintPage: vi.fn(async () => pageOf('registered')) }));
    const contact = within(panel).getByTestId('dst-complaint-contact');
    expect(contact.textContent).toContain('赵* 138****5678');
    expect(panel.textContent).not.toContain('13812345678');
    fireEvent.click(within(contact).getByRole('button', { name: '显示联系方式' }));
    expect(contact.textContent).toContain('赵六 13812345678');
    fireEvent.click(within(contact).getByRole('button', { name: '隐藏' }));
    expect(contact.textContent).toContain('138****5678');

    expect(within(panel).getByTestId('dst-complaint-deadlines').textContent).toContain('已超期 1 个工作日');
    expect(within(panel).getByTestId('dst-complaint-duplicates').textContent).toContain(`${numberOf(7)}：相似度 82%`);
    await waitFor(() =>
      expect(within(panel).getByTestId('dst-complaint-suggestions').textContent).toContain('主办 区市场监管局，协办 区税务局'),
    );
    const step = within(panel).getByTestId('dst-complaint-history');
    expect(step.textContent).toContain('企业可见');
    expect(step.textContent).toContain('企业看到：已收到您的诉求');
  });

  it('offers each person only the steps they may take now', async () => {
    const dispatched = pageOf('dispatched', { leadUnit: 'market-regulation', coUnits: [{ unitCode: 'tax', part: null }] });
    const cases: [string | null, ComplaintPage, string[]][] = [
      [PEOPLE.sorter.id, pageOf('registered'), ['claim', 'dispatch', 'merge', 'not_admit']],
      [PEOPLE.reviewer.id, pageOf('registered'), []],
      [PEOPLE.lead.id, dispatched, ['accept', 'decline']],
      [PEOPLE.co.id, dispatched, ['submit_part']],
      [PEOPLE.reviewer.id, pageOf('under_review', { leadUnit: 'market-regulation' }), ['approve', 'return']],
      [PEOPLE.intake.id, pageOf('closed', { leadUnit: 'market-regulation' }), ['evaluate']],
      [PEOPLE.intake.id, pageOf('dispatched', { leadUnit: 'market-regulation' }), []],
    ];
    for (const [personId, page, expected] of cases) {
      const { unmount } = renderSection(
        <ComplaintsScreen />,
        deskAs(personId, { complaintPage: vi.fn(async () => page) }),
        'viewer',
      );
      fireEvent.click(await screen.findByRole('button', { name: `查看 ${numberOf(1)}` }));
      const panel = await screen.findByTestId('dst-complaint');
      await within(panel).findByText('施工许可审批超过承诺时限仍未办结，请督促办理。');
      if (expected.length === 0) expect(await within(panel).findByText('您当前没有可办理的操作。')).toBeTruthy();
      expect(await offered(panel)).toEqual(expected);
      unmount();
    }
  });

  it('offers no step to an account that is no complaint person, nor the merge of a duplicate', async () => {
    const panel = await openComplaint(deskAs(null, { complaintPage: vi.fn(async () => pageOf('registered')) }));
    expect(within(panel).getByText('您的账号未关联诉求办理人员，只能查看。')).toBeTruthy();
    expect(within(panel).queryAllByRole('form')).toEqual([]);
    expect(within(panel).queryByRole('button', { name: '合并' })).toBeNull();
  });

  it('shows the platform’s refusal beside the field it concerns, then acts and refreshes the page', async () => {
    const complaintAction = vi.fn(async (_number: string, action: ComplaintAction): Promise<ComplaintPage> => {
      if (action.type === 'not_admit' && action.reason === '') throw new DistrictClientError('reason_required', 'refused');
      if (action.type === 'dispatch' && action.coUnits.includes(action.leadUnit)) {
        throw new DistrictClientError('invalid_units', 'refused', { code: 'invalid_units', problem: 'lead_among_co_units' });
      }
      return pageOf('dispatched', { leadUnit: 'market-regulation' });
    });
    const client = deskAs(PEOPLE.sorter.id, { complaintPage: vi.fn(async () => pageOf('registered')), complaintAction });
    const panel = await openComplaint(client);

    const notAdmit = await within(panel).findByRole('form', { name: '不予受理' });
    fireEvent.click(within(notAdmit).getByRole('button', { name: '不予受理' }));
    const reason = within(notAdmit).getByLabelText(/理由/);
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    const described = reason.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('请填写理由。');

    const dispatch = within(panel).getByRole('form', { name: '转办' });
    fireEvent.change(within(dispatch).getByLabelText(/主办单位/), { target: { value: 'market-regulation' } });
    fireEvent.click(within(dispatch).getByLabelText('区市场监管局'));
    fireEvent.click(within(dispatch).getByRole('button', { name: '转办' }));
    const coUnits = within(dispatch).getByRole('group', { name: '协办单位（可多选）' });
    expect((await within(coUnits).findByRole('alert')).textContent).toBe('主办单位不能同时是协办单位，协办单位不能重复。');

    fireEvent.click(within(dispatch).getByLabelText('区市场监管局'));
    fireEvent.click(within(dispatch).getByLabelText('区税务局'));
    fireEvent.click(within(dispatch).getByRole('button', { name: '转办' }));
    expect(await within(panel).findByText('已办理：转办。')).toBeTruthy();
    expect(complaintAction).toHaveBeenLastCalledWith(numberOf(1), {
      type: 'dispatch',
      leadUnit: 'market-regulation',
      coUnits: ['tax'],
      note: null,
    });
    // The page is the platform's answer: dispatched, so the sorter has nothing left to do on it.
    expect(await within(panel).findByText('您当前没有可办理的操作。')).toBeTruthy();
    expect(within(panel).getAllByText('已转办').length).toBeGreaterThan(0);
  });

  it('records the enterprise’s rating from the callback only once a level is chosen, with the reason it gave', async () => {
    const complaintAction = vi.fn(async (): Promise<ComplaintPage> => pageOf('evaluated', { leadUnit: 'market-regulation' }));
    const panel = await openComplaint(
      deskAs(PEOPLE.intake.id, {
        complaintPage: vi.fn(async () => pageOf('closed', { leadUnit: 'market-regulation' })),
        complaintAction,
      }),
    );
    const form = await within(panel).findByRole('form', { name: '记录回访评价' });
    fireEvent.click(within(form).getByRole('button', { name: '记录回访评价' }));
    const level = within(form).getByLabelText(/企业评价/);
    await waitFor(() => expect(level.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(level.getAttribute('aria-describedby') ?? '')?.textContent).toBe('请选择企业的评价。');
    expect(complaintAction).not.toHaveBeenCalled();

    fireEvent.change(level, { target: { value: 'dissatisfied' } });
    fireEvent.change(within(form).getByLabelText(/不满意的原因/), { target: { value: '  答复没有解决问题  ' } });
    fireEvent.click(within(form).getByRole('button', { name: '记录回访评价' }));
    await waitFor(() =>
      expect(complaintAction).toHaveBeenCalledWith(numberOf(1), {
        type: 'evaluate',
        level: 'dissatisfied',
        reason: '答复没有解决问题',
        comment: null,
      }),
    );
  });

  it('merges a duplicate with one click for a sorter', async () => {
    const complaintAction = vi.fn(async () => pageOf('merged', { mergedInto: numberOf(7) }));
    const panel = await openComplaint(
      deskAs(PEOPLE.sorter.id, { complaintPage: vi.fn(async () => pageOf('registered')), complaintAction }),
    );
    const duplicates = within(panel).getByTestId('dst-complaint-duplicates');
    fireEvent.click(await within(duplicates).findByRole('button', { name: '合并' }));
    await waitFor(() => expect(complaintAction).toHaveBeenCalledWith(numberOf(1), { type: 'merge', into: numberOf(7) }));
    expect(await within(panel).findByText('已办理：合并。')).toBeTruthy();
  });
});
