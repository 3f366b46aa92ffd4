import { describe, expect, it } from 'vitest';
import { candidatePages } from '../../../../renderer/ui/keyboard/candidate-pages';

const words = (...texts: string[]) => texts.map((text) => ({ text }));

describe('candidate pages', () => {
  it('puts as many candidates on a row as fit beside the paging buttons, in order', () => {
    // 1000 px less two 128 px pagers (4 × 32 px characters) leaves 744: 2-character words are 96 + 8 wide.
    const pages = candidatePages(words('有限', '公司', '有线', '游戏', '油箱', '邮箱', '有戏', '由新', '有效'), {
      widthPx: 1000 + 2 * 8,
      fontPx: 32,
      targetPx: 80,
      gapPx: 8,
    });
    expect(pages.map((p) => p.length)).toEqual([7, 2]);
    expect(pages.flat().map((c) => c.text)).toEqual(['有限', '公司', '有线', '游戏', '油箱', '邮箱', '有戏', '由新', '有效']);
  });

  it('gives one-character candidates the full target width, and a long phrase a page of its own', () => {
    const pages = candidatePages(words('沈', '沈抚新区金枫街道办事处社区服务中心', '深'), {
      widthPx: 600,
      fontPx: 32,
      targetPx: 80,
      gapPx: 8,
    });
    expect(pages.map((p) => p.map((c) => c.text))).toEqual([['沈'], ['沈抚新区金枫街道办事处社区服务中心'], ['深']]);
  });

  it('falls back to eight a page when the row could not be measured', () => {
    const pages = candidatePages(words(...Array.from({ length: 20 }, (_, i) => `字${i}`)), {
      widthPx: 0,
      fontPx: 22,
      targetPx: 60,
      gapPx: 8,
    });
    expect(pages.map((p) => p.length)).toEqual([8, 8, 4]);
  });
});
