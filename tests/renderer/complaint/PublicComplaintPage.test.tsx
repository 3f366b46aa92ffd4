import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PublicComplaintPage } from '../../../renderer/complaint/PublicComplaintPage';
import type { PublicClient } from '../../../renderer/complaint/public-client';

const NUMBER = 'HK20261207000042';

function fakeClient(overrides: Partial<PublicClient> = {}): PublicClient {
  return {
    areas: vi.fn(async () => ({
      ok: true as const,
      value: { areas: [{ code: 'street-xinghe', name: '星河街道', kind: 'street' as const }] },
    })),
    submit: vi.fn(async () => ({
      ok: true as const,
      value: { number: NUMBER, registeredAt: '2026-12-07T02:00:00.000Z', closeDueAt: '2026-12-14T16:00:00.000Z' },
    })),
    progress: vi.fn(async () => ({ ok: false as const, code: 'complaint_not_found', retryAfterSeconds: null })),
    ...overrides,
  };
}

const change = (label: RegExp, value: string) =>
  fireEvent.change(within(screen.getByRole('form', { name: '提交诉求' })).getByLabelText(label), { target: { value } });

function fillForm() {
  change(/企业名称/, '星河示例科技有限公司');
  change(/统一社会信用代码/, '91350100m000100y43');
  change(/联系人/, '赵六');
  change(/联系电话/, '13800000000');
  change(/诉求类别/, 'approval');
  change(/所属街道或经济区/, 'street-xinghe');
  change(/诉求内容/, '施工许可审批超过承诺时限仍未办结，请督促办理。');
}

const form = () => screen.getByRole('form', { name: '提交诉求' });

describe('the public complaint page', () => {
  it('offers the district’s streets and zones, and checks the credit code as it is typed', async () => {
    render(<PublicComplaintPage client={fakeClient()} />);
    expect(await screen.findByRole('option', { name: '星河街道' })).toBeTruthy();
    const hint = screen.getByTestId('pc-code-hint');
    expect(hint.textContent).toBe('18 位，见营业执照。');
    change(/统一社会信用代码/, '9135 0100 M000');
    expect(hint.textContent).toBe('已输入 12/18 位。');
    change(/统一社会信用代码/, '91350100M000100Y44');
    expect(hint.textContent).toBe('校验位不符，请对照营业执照核对。');
    expect(hint.className).toContain('pc-bad');
    change(/统一社会信用代码/, '91350100M000100Y43');
    expect(hint.textContent).toBe('代码有效。');
  });

  it('says beside each field what is missing or wrong, and sends nothing', async () => {
    const client = fakeClient();
    render(<PublicComplaintPage client={client} />);
    change(/联系电话/, '12345');
    change(/诉求内容/, '太短了');
    fireEvent.submit(form());
    const alerts = within(form())
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      '请填写此项。',
      '请填写此项。',
      '请填写此项。',
      '请填写手机号码，或带区号的固定电话。',
      '请填写此项。',
      '请写明事情经过，10 至 4000 个字。',
    ]);
    expect(document.activeElement?.getAttribute('name')).toBe('enterpriseName');
    expect(client.submit).not.toHaveBeenCalled();
  });

  it('files the complaint and gives the number, the 办结期限 and the lookup filled with it', async () => {
    const client = fakeClient();
    render(<PublicComplaintPage client={client} />);
    await screen.findByRole('option', { name: '星河街道' });
    fillForm();
    fireEvent.submit(form());
    // Generous: two busy cores can take over a second to render the answer.
    const receipt = await screen.findByTestId('pc-receipt', {}, { timeout: 5_000 });
    expect(client.submit).toHaveBeenCalledWith({
      enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
      contact: { name: '赵六', phone: '13800000000' },
      topic: 'approval',
      area: 'street-xinghe',
      text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
    });
    expect(within(receipt).getByTestId('pc-number').textContent).toBe(NUMBER);
    expect(receipt.textContent).toContain('办结期限：2026/12/14 24:00 前');
    expect(document.activeElement?.id).toBe('pc-receipt-title');
    expect((screen.getByLabelText('诉求编号') as HTMLInputElement).value).toBe(NUMBER);
  });

  it('says how long to wait when the platform limits this address', async () => {
    const client = fakeClient({
      submit: vi.fn(async () => ({ ok: false as const, code: 'rate_limited', retryAfterSeconds: 1500 })),
    });
    render(<PublicComplaintPage client={client} />);
    fillForm();
    fireEvent.submit(form());
    expect((await within(form()).findByRole('alert')).textContent).toBe(
      '提交过于频繁，请约 25 分钟后再试，或拨打营商环境服务热线。',
    );
  });

  it('shows a complaint’s public steps by number and phone, and the same words for a wrong phone as for no such number', async () => {
    const progress = vi
      .fn<PublicClient['progress']>()
      .mockResolvedValueOnce({ ok: false, code: 'complaint_not_found', retryAfterSeconds: null })
      .mockResolvedValueOnce({
        ok: true,
        value: {
          number: NUMBER,
          stage: 'receiving',
          registeredAt: '2026-12-07T02:00:00.000Z',
          closeDueAt: '2026-12-14T16:00:00.000Z',
          steps: [
            { at: '2026-12-07T02:00:00.000Z', action: 'register', note: null },
            { at: '2026-12-07T03:00:00.000Z', action: 'dispatch', note: '已转办：区市场监管局牵头' },
          ],
        },
      });
    render(<PublicComplaintPage client={fakeClient({ progress })} />);
    const lookup = screen.getByRole('form', { name: '查询办理进度' });
    fireEvent.change(within(lookup).getByLabelText('诉求编号'), { target: { value: ' hk20261207000042 ' } });
    fireEvent.change(within(lookup).getByLabelText('联系电话'), { target: { value: '13900000000' } });
    fireEvent.submit(lookup);
    expect((await within(lookup.parentElement ?? lookup).findByRole('alert')).textContent).toBe(
      '没有找到：请核对诉求编号和提交时填写的联系电话。',
    );
    fireEvent.submit(lookup);
    const shown = await screen.findByTestId('pc-progress');
    expect(progress).toHaveBeenLastCalledWith({ number: NUMBER, phone: '13900000000' });
    expect(shown.textContent).toContain('当前阶段：受理');
    expect(shown.textContent).toContain('办结期限：2026/12/14 24:00 前');
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2026/12/07 10:00 已登记，等待分拣转办', '2026/12/07 11:00 已转办：区市场监管局牵头']);
  });

  it('speaks English when asked', async () => {
    render(<PublicComplaintPage client={fakeClient()} />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Business environment complaints'));
    expect(screen.getByLabelText(/Unified social credit code/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
