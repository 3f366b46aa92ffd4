import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogView, SubmitCaseInput } from '../../../../contracts/cases';
import { HALL_CATALOG } from '../../../../contracts/hall-catalog';
import ComplaintFlow from '../../../../renderer/kiosk/flows/ComplaintFlow';
import { fakeApi } from '../../support/fake-api';
import { inKioskVisit } from '../../support/kiosk-session';
import { renderScreen } from '../../support/render';

const catalog: CatalogView = { source: 'central', version: 3, fetchedAt: '2027-03-01T00:00:00.000Z', items: [...HALL_CATALOG] };

/** GB 32100-2015's own example code, and the same with its check character changed. */
const VALID_CODE = '91350100M000100Y43';
const WRONG_CHECK = '91350100M000100Y44';

/** 营商诉求 at a kiosk with the hall's catalog, a card holder at it; what is submitted is kept, never answered. */
function complaintFlow() {
  const submitted: SubmitCaseInput[] = [];
  const submitCase = vi.fn(async (request: SubmitCaseInput) => {
    submitted.push(request);
    return new Promise<never>(() => undefined);
  });
  const visit = inKioskVisit(<ComplaintFlow />);
  renderScreen(visit.ui, fakeApi({ catalog: async () => catalog, submitCase }));
  return { submitted };
}

const field = (key: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`[data-field-key="${key}"]`);
  if (found === null) throw new Error(`no field ${key}`);
  return found;
};
const input = (key: string): HTMLInputElement => {
  const found = field(key).querySelector('input');
  if (found === null) throw new Error(`field ${key} has no input`);
  return found;
};
const type = (key: string, value: string) => fireEvent.change(input(key), { target: { value } });

describe('营商诉求 at the kiosk: the 统一社会信用代码', () => {
  it('asks for the code as optional, refuses one whose check character is wrong, and sends a good one in capitals', async () => {
    const { submitted } = complaintFlow();
    fireEvent.click(await screen.findByRole('button', { name: '我要反映诉求' }));
    await screen.findByRole('heading', { name: /营商环境诉求/ });
    expect(within(field('creditCode')).getByText('统一社会信用代码')).toBeTruthy();
    expect(input('creditCode').required).toBe(false);
    expect(field('creditCode').textContent).toContain('选填：营业执照上的 18 位代码');

    type('phone', '13600001234');
    type('companyName', '示例星辰科技有限公司');
    type('details', '施工许可审批材料要求不一致，请协调。');
    fireEvent.click(screen.getByRole('button', { name: '审批服务' }));

    // One character off: the check character gives it away before anything is sent.
    type('creditCode', WRONG_CHECK);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(field('creditCode').querySelector('.field-error')?.textContent).toBe(
      '统一社会信用代码有误，请核对营业执照上的 18 位代码',
    );
    expect(input('creditCode').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('heading', { name: '有相关证明材料吗？' })).toBeNull();

    // Typed in lower case on the keyboard's letters: kept in capitals, and it checks out.
    type('creditCode', VALID_CODE.toLowerCase());
    expect(input('creditCode').value).toBe(VALID_CODE);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await screen.findByRole('heading', { name: '有相关证明材料吗？' });
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await screen.findByRole('heading', { name: '请确认诉求信息' });
    expect(document.querySelector('.case-summary')?.textContent).toContain(VALID_CODE);
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    await vi.waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]?.form).toMatchObject({ creditCode: VALID_CODE, companyName: '示例星辰科技有限公司', topic: '审批服务' });
  });

  it('lets the enterprise leave the code out: the complaint goes on without it', async () => {
    const { submitted } = complaintFlow();
    fireEvent.click(await screen.findByRole('button', { name: '我要反映诉求' }));
    await screen.findByRole('heading', { name: /营商环境诉求/ });
    type('phone', '13600001234');
    type('companyName', '示例星辰科技有限公司');
    type('details', '施工许可审批材料要求不一致，请协调。');
    fireEvent.click(screen.getByRole('button', { name: '审批服务' }));
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await screen.findByRole('heading', { name: '有相关证明材料吗？' });
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认提交' }));
    await vi.waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]?.form).not.toHaveProperty('creditCode');
  });
});
