import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import type { CounterTicketRequest, Service } from '../../../contracts/queue';
import { CounterDesk } from '../../../renderer/counter/CounterDesk';
import type { CounterRating } from '../../../renderer/counter/rating-status';
import { fakeApi } from '../support/fake-api';
import { ticket, windowOf } from '../support/queue-fixtures';
import { renderScreen } from '../support/render';

const clerk: StaffPrincipal = { id: 7, staffNo: '1001', name: '李四', role: 'staff', windowId: 1 };

function service(code: string, name: string, prefix: string): Service {
  return {
    code,
    name,
    nameEn: name,
    prefix,
    open: true,
    closedReason: null,
    waiting: 2,
    estimatedWaitMinutes: 10,
    materials: '',
    hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    nextOpening: null,
  };
}
const SERVICES = [service('real-estate', '不动产登记', 'B'), service('business-startup', '企业开办', 'A')];

function desk(rating: CounterRating | null = null, issueCounterTicket = vi.fn()) {
  const api = fakeApi({
    window: async () => ({ ...windowOf(null), services: ['business-startup'] }),
    waiting: async () => ({ tickets: [] }),
    windows: async () => ({ windows: [windowOf(null)] }),
    services: async () => ({ services: SERVICES }),
    issueCounterTicket,
  });
  return renderScreen(
    <CounterDesk staff={clerk} windowId={1} timeZone="Asia/Shanghai" onSessionLost={vi.fn()} rating={rating} />,
    api,
  );
}

describe('the counter: priority tickets (F9) and the live rating line', () => {
  it('F9 issues a green-channel ticket for the chosen service and shows its number large', async () => {
    const requests: CounterTicketRequest[] = [];
    const issued = ticket({ id: 40, number: 'A031', priorityClass: 'vip', printStatus: 'none' });
    const issue = vi.fn(async (windowId: number, request: CounterTicketRequest) => {
      requests.push({ ...request, serviceCode: `${request.serviceCode}@${windowId}` });
      return { ticket: issued, progressUrl: 'https://hall.example/ticket/40?k=abcdefgh' };
    });
    desk(null, issue);
    await screen.findByText('企业开办', { exact: false });
    fireEvent.keyDown(document, { key: 'F9' });
    const dialog = await screen.findByTestId('priority-dialog');
    // This window's services first.
    const services = within(dialog).getByRole('group', { name: '办理事项' });
    expect(
      within(services)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['business-startup', 'real-estate']);
    fireEvent.click(within(dialog).getByRole('button', { name: '取号' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('请选择办理事项和优先类别');
    expect(issue).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('radio', { name: /企业开办/ }));
    fireEvent.click(within(dialog).getByRole('radio', { name: /绿色通道/ }));
    fireEvent.change(within(dialog).getByLabelText('备注（选填，记入审计日志）'), { target: { value: ' 坐轮椅 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '取号' }));
    expect((await within(dialog).findByTestId('priority-number')).textContent).toBe('A031');
    expect(within(dialog).getByTestId('priority-print').textContent).toContain('请将号码告知办事人');
    expect(requests).toEqual([{ serviceCode: 'business-startup@1', priority: 'vip', print: false, note: '坐轮椅' }]);
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    expect(screen.queryByTestId('priority-dialog')).toBeNull();
  });

  it('the button opens the same dialog', async () => {
    desk();
    fireEvent.click(await screen.findByTestId('open-priority'));
    expect(await screen.findByRole('heading', { name: '为办事人取优先号' })).toBeTruthy();
  });

  it('says whose rating the window waits for, and that the citizen rated', async () => {
    const asked: CounterRating = { windowNumber: 1, ticketId: 5, ticketNumber: 'A005', rated: false };
    const first = desk(asked);
    expect((await screen.findByText('已请 A005 号办事人评价，等待评价…')).dataset.testid).toBe('rating-status');
    first.unmount();
    desk({ ...asked, rated: true });
    expect((await screen.findByText('A005 号办事人已评价 ✓')).dataset.testid).toBe('rating-status');
  });

  it('another window’s rating is not this desk’s', async () => {
    desk({ windowNumber: 2, ticketId: 6, ticketNumber: 'B002', rated: false });
    await screen.findByText('企业开办', { exact: false });
    expect(screen.getByTestId('rating-status').textContent).toBe('');
  });
});
