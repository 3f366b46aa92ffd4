import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../../contracts/complaints';
import type { MinxinImportResult } from '../../../../contracts/platform-minxin-api';
import ComplaintsScreen from '../../../../renderer/district/complaints/ComplaintsScreen';
import { DistrictClientError, type DistrictClient } from '../../../../renderer/district/district-client';
import { fakeDistrict, renderSection, staffOf } from '../support';
import { DIRECTORY, numberOf, pageOf, summary } from './fixtures';

const INTAKE: Person = {
  id: '00000000-0000-4000-8000-000000000009',
  name: '热线录入员',
  unitCode: 'business-bureau',
  duty: 'handler',
  bureauRoles: ['intake'],
  email: null,
  phone: null,
  active: true,
};

/** The console signed in as the 营商局's intake operator (or as `personId`). */
function deskAs(personId: string | null, overrides: Partial<DistrictClient> = {}): DistrictClient {
  return fakeDistrict({
    me: vi.fn(async () => ({ staff: { ...staffOf('viewer'), personId }, via: 'session' as const })),
    complaintDirectory: vi.fn(async () => ({ ...DIRECTORY, people: [...DIRECTORY.people, INTAKE] })),
    listComplaints: vi.fn(async () => ({ complaints: [summary(1)], next: null })),
    pendingMinxinReplies: vi.fn(async () => ({ replies: [], lastExportAt: null })),
    ...overrides,
  });
}

async function openTool(client: DistrictClient, name: string): Promise<HTMLElement> {
  renderSection(<ComplaintsScreen />, client, 'viewer');
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByTestId(name === '录入热线诉求' ? 'dst-hotline' : 'dst-minxin');
}

const type = (panel: HTMLElement, label: RegExp, value: string) =>
  fireEvent.change(within(panel).getByLabelText(label), { target: { value } });

describe('营商诉求 intake on the console', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });

  it('offers the hotline form and the 民心网 exchange to the intake role only', async () => {
    renderSection(<ComplaintsScreen />, deskAs(INTAKE.id), 'viewer');
    expect(await screen.findByRole('button', { name: '录入热线诉求' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '民心网导入导出' })).toBeTruthy();
  });

  it('shows a sorter no intake tools', async () => {
    renderSection(<ComplaintsScreen />, deskAs(DIRECTORY.people[0]?.id ?? null), 'viewer');
    await screen.findByTestId('dst-complaints');
    // Once the directory and `me` have answered, the sorter is known, and still no intake tool.
    await waitFor(() => expect(screen.queryByRole('button', { name: '录入热线诉求' })).toBeNull());
    expect(screen.queryByRole('button', { name: '民心网导入导出' })).toBeNull();
  });

  it('checks the credit code as it is typed, without correcting it', async () => {
    const panel = await openTool(deskAs(INTAKE.id), '录入热线诉求');
    const hint = () => within(panel).getByText(/位|代码有效|可不填|校验位/);
    expect(hint().textContent).toBe('可不填。');
    type(panel, /统一社会信用代码/, '913501');
    expect(hint().textContent).toBe('已输入 6/18 位。');
    type(panel, /统一社会信用代码/, '9135O1');
    expect(hint().textContent).toContain('第 5 位“O”不是信用代码使用的字符');
    type(panel, /统一社会信用代码/, '91350100M000100Y44');
    expect(hint().textContent).toBe('校验位不符：有一位输错了，请向企业核对。');
    type(panel, /统一社会信用代码/, '91350100m000100y43');
    expect(hint().textContent).toBe('代码有效。');
    expect((within(panel).getByLabelText(/统一社会信用代码/) as HTMLInputElement).value).toBe('91350100m000100y43');
  });

  it('refuses an incomplete call beside each field, and sends nothing', async () => {
    const registerHotline = vi.fn();
    const panel = await openTool(deskAs(INTAKE.id, { registerHotline }), '录入热线诉求');
    type(panel, /统一社会信用代码/, '91350100M000100Y44');
    type(panel, /联系电话/, '12345');
    fireEvent.click(within(panel).getByRole('button', { name: '登记诉求' }));
    const alerts = within(panel)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      '请填写此项。',
      '统一社会信用代码不正确，请核对 18 位代码。',
      '请填写此项。',
      '请填写手机号码，或带区号的固定电话。',
      '请填写此项。',
      '请填写此项。',
    ]);
    expect(
      within(panel)
        .getByLabelText(/企业名称/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(document.activeElement?.getAttribute('name')).toBe('enterpriseName');
    expect(registerHotline).not.toHaveBeenCalled();
  });

  it('registers the call and gives the number to read back, with the duplicates a click away', async () => {
    const registerHotline = vi.fn(async () => ({
      number: numberOf(7),
      registeredAt: '2026-12-07T02:00:00.000Z',
      closeDueAt: '2026-12-14T16:00:00.000Z',
      duplicates: [{ number: numberOf(3), sameTopic: true, similarity: 0.82, hoursApart: 26.4 }],
    }));
    const complaintPage = vi.fn(async () => pageOf('registered', { number: numberOf(3) }));
    const panel = await openTool(deskAs(INTAKE.id, { registerHotline, complaintPage }), '录入热线诉求');
    type(panel, /企业名称/, ' 星河示例科技有限公司 ');
    type(panel, /统一社会信用代码/, '9135 0100 m000 100y 43');
    type(panel, /联系人/, '赵六');
    type(panel, /联系电话/, '138 0000 0000');
    type(panel, /诉求类别/, 'approval');
    type(panel, /所属街道或经济区/, 'street-xinghe');
    type(panel, /诉求内容/, '施工许可审批超过承诺时限仍未办结，请督促办理。');
    fireEvent.click(within(panel).getByRole('button', { name: '登记诉求' }));

    const receipt = await within(panel).findByTestId('dst-hotline-receipt');
    expect(registerHotline).toHaveBeenCalledWith(
      {
        enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
        contact: { name: '赵六', phone: '13800000000' },
        topic: 'approval',
        area: 'street-xinghe',
        text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
      },
      expect.anything(),
    );
    expect(within(receipt).getByTestId('dst-hotline-number').textContent).toBe(`已登记，诉求编号 ${numberOf(7)}`);
    expect(receipt.textContent).toContain(`${numberOf(3)} · 同类 · 内容相似度 82% · 相隔 26 小时`);
    // The form is empty for the next call.
    expect((within(panel).getByLabelText(/企业名称/) as HTMLInputElement).value).toBe('');

    fireEvent.click(within(receipt).getByRole('button', { name: `查看 ${numberOf(3)}` }));
    await screen.findByTestId('dst-complaint');
    expect(complaintPage).toHaveBeenCalledWith(numberOf(3));
    expect(screen.queryByTestId('dst-hotline')).toBeNull();
  });

  it('puts the platform’s refusal of an area beside the area', async () => {
    const registerHotline = vi.fn(async () => Promise.reject(new DistrictClientError('unit_not_found', 'no street or zone')));
    const panel = await openTool(deskAs(INTAKE.id, { registerHotline }), '录入热线诉求');
    type(panel, /企业名称/, '星河示例科技有限公司');
    type(panel, /联系人/, '赵六');
    type(panel, /联系电话/, '13800000000');
    type(panel, /诉求类别/, 'other');
    type(panel, /所属街道或经济区/, 'street-xinghe');
    type(panel, /诉求内容/, '内容');
    fireEvent.click(within(panel).getByRole('button', { name: '登记诉求' }));
    await within(panel).findByText('请选择本区的街道或经济区。');
    expect(
      within(panel)
        .getByLabelText(/所属街道或经济区/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });

  const result: MinxinImportResult = {
    kind: 'csv',
    batchId: null,
    imported: [
      {
        line: 2,
        row: 1,
        externalRef: 'MX2026120300017',
        number: numberOf(11),
        closeDueAt: '2026-12-14T16:00:00.000Z',
        duplicates: [],
        warnings: [],
      },
    ],
    alreadyImported: [{ line: 3, row: 2, externalRef: 'MX2026120300018', number: numberOf(5) }],
    refused: [
      {
        line: 5,
        row: 3,
        externalRef: 'MX2026120300019',
        errors: [
          { field: 'contactPhone', code: 'missing', message: 'required', otherLine: null },
          { field: 'ref', code: 'duplicate_in_batch', message: 'repeated', otherLine: 2 },
        ],
      },
    ],
  };

  it('imports a 民心网 file by its layout and reports each row: registered, imported before, refused with reasons', async () => {
    const importMinxinBatch = vi.fn(async () => result);
    const panel = await openTool(deskAs(INTAKE.id, { importMinxinBatch }), '民心网导入导出');
    const input = within(panel).getByLabelText('批次文件');
    fireEvent.click(within(panel).getByRole('button', { name: '导入' }));
    expect(within(panel).getByRole('alert').textContent).toBe('请先选择文件。');

    const doc = new File(['x'], 'batch.doc');
    fireEvent.change(input, { target: { files: [doc] } });
    fireEvent.click(within(panel).getByRole('button', { name: '导入' }));
    expect(within(panel).getByRole('alert').textContent).toBe('只接受 .xlsx、.csv、.txt 或 .json 文件。');
    expect(importMinxinBatch).not.toHaveBeenCalled();

    const csv = new File(['民心网编号'], '民心网诉求20261203.CSV', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [csv] } });
    fireEvent.click(within(panel).getByRole('button', { name: '导入' }));
    const report = await within(panel).findByTestId('dst-minxin-report');
    expect(importMinxinBatch).toHaveBeenCalledWith(csv, 'csv');
    expect(within(report).getByRole('status').textContent).toBe('新登记 1 件，此前已导入 1 件，拒收 1 行。');
    expect(within(report).getByTestId('dst-minxin-imported').textContent).toContain(numberOf(11));
    expect(within(report).getByTestId('dst-minxin-already').textContent).toContain(numberOf(5));
    const refused = within(report).getByTestId('dst-minxin-refused');
    expect(refused.textContent).toContain('联系电话：未填写');
    expect(refused.textContent).toContain('民心网编号：与第 2 行编号重复');
  });

  it('says why a whole file was refused', async () => {
    const importMinxinBatch = vi.fn(async () =>
      Promise.reject(
        new DistrictClientError('minxin_file_refused', 'missing columns', {
          code: 'missing_columns',
          message: 'missing columns',
          line: 1,
          missing: ['联系人', '联系电话'],
        }),
      ),
    );
    const panel = await openTool(deskAs(INTAKE.id, { importMinxinBatch }), '民心网导入导出');
    fireEvent.change(within(panel).getByLabelText('批次文件'), { target: { files: [new File(['a'], 'batch.xlsx')] } });
    fireEvent.click(within(panel).getByRole('button', { name: '导入' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('文件未导入：缺少必需的列：联系人、联系电话');
    expect(importMinxinBatch).toHaveBeenCalledWith(expect.any(File), 'xlsx');
  });

  it('exports the pending replies in the layout chosen, or all of them again', async () => {
    const reply = (kind: 'reply' | 'closure') => ({
      key: `MX2026120300017:${kind}:2026-12-05T02:00:00.000Z`,
      externalRef: 'MX2026120300017',
      complaintNumber: numberOf(11),
      kind,
      at: '2026-12-05T02:00:00.000Z',
      unitCode: 'market-regulation',
      unitName: '区市场监管局',
      text: kind === 'reply' ? '已办理。' : null,
    });
    const pendingMinxinReplies = vi
      .fn()
      .mockResolvedValueOnce({ replies: [reply('reply'), reply('closure')], lastExportAt: null })
      .mockResolvedValue({ replies: [], lastExportAt: '2026-12-07T02:00:00.000Z' });
    const exportMinxinReplies = vi.fn(async () => ({
      name: 'minxin-replies-20261207-1000.csv',
      blob: new Blob(['x']),
      count: 2,
    }));
    if (typeof URL.createObjectURL !== 'function') URL.createObjectURL = () => 'blob:x';
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const panel = await openTool(deskAs(INTAKE.id, { pendingMinxinReplies, exportMinxinReplies }), '民心网导入导出');
    await waitFor(() => expect(within(panel).getByTestId('dst-minxin-pending').textContent).toContain('有 2 条答复待报送。'));
    expect(within(panel).getByTestId('dst-minxin-pending').textContent).toContain('尚未导出过。');

    fireEvent.click(within(panel).getByRole('button', { name: '导出 CSV' }));
    await within(panel).findByText('已导出 2 条：minxin-replies-20261207-1000.csv');
    expect(exportMinxinReplies).toHaveBeenCalledWith({ format: 'csv', scope: 'pending' });
    expect(created).toHaveBeenCalled();
    await waitFor(() => expect(within(panel).getByTestId('dst-minxin-pending').textContent).toContain('没有待报送的答复。'));
    // Nothing pending: the buttons wait, unless everything is to be sent again.
    expect((within(panel).getByRole('button', { name: '导出 Excel' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(panel).getByLabelText('全部重新导出（上次的文件未能上传时）'));
    fireEvent.click(within(panel).getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(exportMinxinReplies).toHaveBeenLastCalledWith({ format: 'xlsx', scope: 'all' }));
  });
});
