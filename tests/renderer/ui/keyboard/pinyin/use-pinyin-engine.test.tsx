import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-engine';
import { usePinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/use-pinyin-engine';
import { fakeApi } from '../../../support/fake-api';
import { renderScreen } from '../../../support/render';

const hallInfo = { hallName: '沈抚新区政务服务中心', kioskIdleSeconds: 90, elderAge: 60, evaluatorIdleSeconds: 30 };

/** The first candidate of each input, as a candidate bar would show them. */
function FirstCandidates({ inputs, renders }: { inputs: string[]; renders: (PinyinEngine | null)[] }) {
  const engine = usePinyinEngine();
  renders.push(engine);
  const shown = engine ? inputs.map((input) => engine.candidates(input, 1)[0]?.text ?? '').join(' ') : 'loading';
  return <p data-testid="candidates">{shown}</p>;
}

const firstCandidates = () => screen.getByTestId('candidates').textContent;

describe('usePinyinEngine', () => {
  it('is null while the index loads, then offers phrases; the hall’s name, once the kiosk has it, boosts its words', async () => {
    const fetchHallInfo = vi.fn(() => Promise.reject(new Error('the engine must not fetch the hall info itself')));
    const renders: (PinyinEngine | null)[] = [];
    const rendered = renderScreen(
      <FirstCandidates inputs={['shenfu', 'sfxq']} renders={renders} />,
      fakeApi({ hallInfo: fetchHallInfo }),
    );
    expect(screen.getByTestId('candidates').textContent).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('candidates').textContent).not.toBe('loading'), { timeout: 15_000 });
    expect(firstCandidates()).not.toContain('沈抚');

    // What KioskApp's own query puts in the cache.
    rendered.queryClient.setQueryData(['hall-info'], hallInfo);
    await waitFor(() => expect(firstCandidates()).toBe('沈抚 沈抚新区'));
    expect(fetchHallInfo).not.toHaveBeenCalled();

    // The same hall's texts in a new answer (another timeout): the same engine, not made again.
    const rendersBefore = renders.length;
    const engine = renders.at(-1);
    rendered.queryClient.setQueryData(['hall-info'], { ...hallInfo, kioskIdleSeconds: 120 });
    await waitFor(() => expect(renders.length).toBeGreaterThan(rendersBefore));
    expect(firstCandidates()).toBe('沈抚 沈抚新区');
    expect(renders.slice(rendersBefore).every((e) => e === engine)).toBe(true);
  }, 30_000);
});
