import { describe, expect, it } from 'vitest';
import type { CatalogTheme } from '../../../../contracts/central-api';
import { goesByTheme, ONE_SCREEN_OF_ITEMS, shelves } from '../../../../renderer/kiosk/flows/themes/themes';

const item = (code: string, theme?: CatalogTheme) => (theme ? { code, theme } : { code });
const many = (count: number, theme?: CatalogTheme) =>
  Array.from({ length: count }, (_, i) => item(`${theme ?? 'none'}-${i}`, theme));

describe('a long list by theme', () => {
  it('goes by theme only past one screen of items, and only when its items name themes', () => {
    expect(goesByTheme(many(ONE_SCREEN_OF_ITEMS, 'veterans'))).toBe(false);
    expect(goesByTheme(many(ONE_SCREEN_OF_ITEMS + 1, 'veterans'))).toBe(true);
    expect(goesByTheme(many(40))).toBe(false);
    expect(goesByTheme([...many(39), item('one', 'family')])).toBe(true);
  });

  it("shelves items in the contract's theme order whatever the list's order, items without a theme last, no empty shelf", () => {
    const list = [
      item('job', 'employment'),
      item('plain'),
      item('pension', 'social-insurance'),
      item('card', 'social-insurance'),
    ];
    expect(shelves(list).map((s) => [s.theme, s.items.map((i) => i.code)])).toEqual([
      ['social-insurance', ['pension', 'card']],
      ['employment', ['job']],
      ['other', ['plain']],
    ]);
  });
});
