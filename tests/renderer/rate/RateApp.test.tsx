import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmitEvaluationRequest } from '../../../contracts/cases';
import type { EvaluatorSelf } from '../../../contracts/evaluator';
import type { HallInfo } from '../../../contracts/hall-settings';
import { ApiClientError } from '../../../renderer/api/client';
import RateApp from '../../../renderer/rate/RateApp';
import { fakeApi } from '../support/fake-api';
import { hallEvent } from '../support/fake-events';
import { renderScreen } from '../support/render';

const PAD: EvaluatorSelf = {
  terminalId: '00000000-0000-4000-8000-000000000001',
  name: '1号窗口评价器',
  windowNumber: 1,
  windowName: '综合受理 1',
};
const HALL: HallInfo = {
  hallName: '示例市政务服务中心',
  kioskIdleSeconds: 60,
  elderAge: 65,
  evaluatorIdleSeconds: 30,
  kioskVoiceVolume: 100,
};
const SERVICE = { serviceName: '企业开办', staffNo: '1001', staffName: '李四' };

/** The pad of window 1 against a fake host that records what it was sent. */
function pad(submitEvaluation: (request: SubmitEvaluationRequest) => Promise<unknown> = async () => undefined) {
  const sent: SubmitEvaluationRequest[] = [];
  const api = fakeApi({
    evaluatorSelf: async () => PAD,
    hallInfo: async () => HALL,
    submitEvaluation: async (request) => {
      sent.push(request);
      await submitEvaluation(request);
      return {
        id: '00000000-0000-4000-8000-0000000000aa',
        level: request.level,
        callbackRequired: request.level.includes('dis'),
        evaluatedAt: '2027-03-01T02:00:00.000Z',
      };
    },
  });
  const rendered = renderScreen(<RateApp />, api);
  /** The clerk asks; only a pad bound to the window gets the token and the service (`bound`). */
  const ask = (ticketId = 7, windowNumber = 1, bound = true) =>
    rendered.events.emit(
      hallEvent({
        type: 'evaluation.requested',
        ticketId,
        ticketNumber: `A${String(ticketId).padStart(3, '0')}`,
        windowNumber,
        ...(bound ? { token: `token-${ticketId}`, service: SERVICE } : {}),
      }),
    );
  return { ...rendered, sent, ask };
}

const face = (name: string) => screen.getByRole('button', { name });

describe('/rate, the window evaluator', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('idle: its window and the hall, no prompt to rate; a request of another window opens nothing', async () => {
    const { ask } = pad();
    expect((await screen.findByTestId('rate-idle-window')).textContent).toBe('1号窗口');
    expect(await screen.findByText('示例市政务服务中心')).toBeTruthy();
    expect(screen.queryByText('请对本次服务进行评价')).toBeNull();
    // Window 2's request reaches this pad without a token: nothing to rate here.
    ask(8, 2, false);
    expect(screen.queryByText('请对本次服务进行评价')).toBeNull();
    expect(screen.getByTestId('rate-idle')).toBeTruthy();
  });

  it('opens the rating for the ticket just served: number, window, staff number and name; five large faces', async () => {
    const { ask } = pad();
    await screen.findByTestId('rate-idle');
    ask();
    expect(screen.getByRole('heading', { name: '请对本次服务进行评价' })).toBeTruthy();
    expect(screen.getByTestId('rate-ticket').textContent).toBe('A007');
    expect(screen.getByTestId('rate-window').textContent).toBe('1号窗口 · 企业开办');
    expect(screen.getByTestId('rate-staff').textContent).toBe('工号 1001 · 李四');
    const faces = screen.getAllByRole('button').filter((b) => b.classList.contains('rate-face'));
    expect(faces.map((f) => f.textContent)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });

  it('a 差评 asks why: chips and words typed, sent in Chinese with the token; thanks, then idle', async () => {
    const { ask, sent } = pad();
    await screen.findByTestId('rate-idle');
    ask();
    fireEvent.click(face('非常不满意'));
    expect(face('非常不满意').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByTestId('rate-problem').textContent).toBe('请至少选择一项不满意的原因');
    expect(sent).toEqual([]);

    const why = screen.getByRole('group', { name: '请告诉我们哪里做得不好（可多选）' });
    expect(
      within(why)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['态度不好', '办理时间长', '业务不熟练', '等候时间长', '材料要求不清楚', '其他']);
    fireEvent.click(within(why).getByRole('button', { name: '态度不好' }));
    fireEvent.click(within(why).getByRole('button', { name: '等候时间长' }));
    fireEvent.change(screen.getByLabelText('补充说明（选填）'), { target: { value: '等了一个小时' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('感谢您的评价！')).toBeTruthy();
    expect(screen.getByText('我们会认真核实并整改，感谢您的监督。')).toBeTruthy();
    expect(sent).toEqual([
      {
        level: 'very_dissatisfied',
        ticketId: 7,
        serviceToken: 'token-7',
        reason: '态度不好、等候时间长',
        comment: '等了一个小时',
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(screen.getByTestId('rate-idle')).toBeTruthy();
  });

  it('shows 已评价 when the host already has a rating of that service', async () => {
    const { ask } = pad(async () => {
      throw new ApiClientError('already_evaluated', '您已评价过这次服务，感谢参与');
    });
    await screen.findByTestId('rate-idle');
    ask();
    fireEvent.click(face('满意'));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('本次服务已评价')).toBeTruthy();
  });

  it('a rating made elsewhere meanwhile (the paper at the kiosk) closes the pad as 已评价', async () => {
    const { ask, events } = pad();
    await screen.findByTestId('rate-idle');
    ask();
    events.emit(hallEvent({ type: 'evaluation.submitted', ticketId: 7, ticketNumber: 'A007', windowNumber: 1 }));
    expect(screen.getByTestId('rate-already')).toBeTruthy();
  });

  it('untouched for the hall’s timeout, the rating closes with nothing recorded', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { ask, sent } = pad();
    await screen.findByTestId('rate-idle');
    ask();
    fireEvent.click(face('基本满意'));
    // The last 15 seconds are counted down; then the pad is idle again.
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByTestId('rate-closes').textContent).toMatch(/无操作 \d+ 秒后自动关闭/);
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(screen.getByTestId('rate-idle')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('a browser that is no rating pad is sent to pairing; a pad without a window says so', async () => {
    const notPad = fakeApi({
      evaluatorSelf: async () => {
        throw new ApiClientError('terminal_forbidden', '只有窗口评价器可以读取');
      },
      hallInfo: async () => HALL,
    });
    const first = renderScreen(<RateApp />, notPad);
    expect((await screen.findByRole('link', { name: '打开配对页面' })).getAttribute('href')).toBe('/pair');
    first.unmount();
    renderScreen(
      <RateApp />,
      fakeApi({ evaluatorSelf: async () => ({ ...PAD, windowNumber: null, windowName: null }), hallInfo: async () => HALL }),
    );
    expect(await screen.findByText(/还没有绑定窗口/)).toBeTruthy();
  });
});
