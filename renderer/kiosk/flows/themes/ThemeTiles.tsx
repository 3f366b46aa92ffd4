import './themes.css';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { THEMES, type Shelf, type ThemeKey } from './themes';

/**
 * The themes of a long list as large tiles: glyph and name, what the theme covers, and how many
 * items it holds. Tapping one opens its items (the flow draws them). `grid` is the flow's own tile
 * grid class, so the tiles line up as the flow's item tiles do; `focus` is the theme the citizen
 * just came back from, whose tile takes the focus so that a screen reader and the keyboard carry on
 * where they were.
 */
export function ThemeTiles<T>({
  shelves,
  onPick,
  grid,
  focus,
}: {
  shelves: readonly Shelf<T>[];
  onPick: (theme: ThemeKey) => void;
  grid?: string;
  focus?: ThemeKey | null;
}) {
  const { t } = useTranslation();
  const tiles = useRef<HTMLDivElement>(null);
  const returnedFrom = useRef(focus);
  useLayoutEffect(() => {
    const from = returnedFrom.current;
    if (from) tiles.current?.querySelector<HTMLElement>(`[data-theme="${from}"]`)?.focus();
  }, []);
  return (
    <div ref={tiles} className={`tiles theme-tiles${grid ? ` ${grid}` : ''}`}>
      {shelves.map(({ theme, items }) => (
        <button key={theme} type="button" className="tile theme-tile" data-theme={theme} onClick={() => onPick(theme)}>
          <span className="tile-icon" aria-hidden="true">
            {THEMES[theme].glyph}
          </span>
          <span className="tile-title">{t(`themes.${THEMES[theme].key}.name`)}</span>
          <span className="tile-hint">{t(`themes.${THEMES[theme].key}.hint`)}</span>
          <span className="theme-count">{t('themes.count', { count: items.length })}</span>
        </button>
      ))}
    </div>
  );
}
