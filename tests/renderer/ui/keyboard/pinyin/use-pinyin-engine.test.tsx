import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/use-pinyin-engine';
import { fakeApi } from '../../../support/fake-api';
import { renderScreen } from '../../../support/render';

function FirstCandidates({ input }: { input: string }) {
  const engine = usePinyinEngine();
  return (
    <p data-testid="candidates">
      {engine
        ? engine
            .candidates(input, 3)
            .map((c) => c.text)
            .join(' ')
        : 'loading'}
    </p>
  );
}

describe('usePinyinEngine', () => {
  it('is null while the index loads, then offers phrases; the hall’s name, once the kiosk has it, boosts its words', async () => {
    const hallInfo = vi.fn(() => Promise.reject(new Error('the engine must not fetch the hall info itself')));
    const rendered = renderScreen(<FirstCandidates input="shenfu" />, fakeApi({ hallInfo }));
    expect(screen.getByTestId('candidates').textContent).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('candidates').textContent).not.toBe('loading'), { timeout: 15_000 });
    expect(screen.getByTestId('candidates').textContent?.split(' ')[0]).not.toBe('沈抚');

    // What KioskApp's own query would have put in the cache.
    rendered.queryClient.setQueryData(['hall-info'], {
      hallName: '沈抚新区政务服务中心',
      kioskIdleSeconds: 90,
      elderAge: 60,
      evaluatorIdleSeconds: 30,
    });
    await waitFor(() => expect(screen.getByTestId('candidates').textContent?.split(' ')[0]).toBe('沈抚'));
    expect(hallInfo).not.toHaveBeenCalled();
  }, 30_000);
});
