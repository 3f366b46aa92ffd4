import { CatalogTheme } from '../../../../contracts/central-api';

/** A shelf of the themed list: a catalog theme, or `other` for items that name none. */
export type ThemeKey = CatalogTheme | 'other';

/**
 * Nine item tiles fill a landscape kiosk screen (three rows of three). A longer list goes by theme:
 * an elderly citizen finds 社会保险 among nine tiles faster than one item among forty scrolled.
 */
export const ONE_SCREEN_OF_ITEMS = 9;

/**
 * Each theme's i18n key stem (keys avoid the hyphens of the contract's values) and the glyph drawn
 * on its tile, as the home tiles draw theirs (decorative: the name says it).
 */
export const THEMES: Record<ThemeKey, { key: string; glyph: string }> = {
  'social-insurance': { key: 'socialInsurance', glyph: '保' },
  'medical-insurance': { key: 'medicalInsurance', glyph: '医' },
  'social-assistance': { key: 'socialAssistance', glyph: '助' },
  'elderly-care': { key: 'elderlyCare', glyph: '老' },
  disability: { key: 'disability', glyph: '残' },
  family: { key: 'family', glyph: '育' },
  residence: { key: 'residence', glyph: '居' },
  employment: { key: 'employment', glyph: '业' },
  veterans: { key: 'veterans', glyph: '军' },
  other: { key: 'other', glyph: '办' },
};

export interface Shelf<T> {
  theme: ThemeKey;
  items: T[];
}

/** Whether a list is shown by theme: longer than one screen, and themed at all. */
export function goesByTheme(items: readonly { theme?: CatalogTheme | undefined }[]): boolean {
  return items.length > ONE_SCREEN_OF_ITEMS && items.some((i) => i.theme !== undefined);
}

/** The list's items by theme, in the contract's theme order, items without a theme last; no empty shelf. */
export function shelves<T extends { theme?: CatalogTheme | undefined }>(items: readonly T[]): Shelf<T>[] {
  const order: ThemeKey[] = [...CatalogTheme.options, 'other'];
  return order
    .map((theme) => ({ theme, items: items.filter((i) => (i.theme ?? 'other') === theme) }))
    .filter((shelf) => shelf.items.length > 0);
}
