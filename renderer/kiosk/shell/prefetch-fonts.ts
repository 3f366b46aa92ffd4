import i18next from 'i18next';

/** The weights the stylesheet uses (main.tsx imports both of @fontsource/noto-sans-sc). */
const WEIGHTS = [400, 700];

/** Every distinct character of the messages' strings (keys left out). */
function charactersOf(tree: unknown, into: Set<string>): Set<string> {
  if (typeof tree === 'string') for (const ch of tree) into.add(ch);
  else if (tree !== null && typeof tree === 'object') for (const value of Object.values(tree)) charactersOf(value, into);
  return into;
}

/**
 * Loads the font files that draw the kiosk's own words, in Chinese, in both weights. The bundled
 * Noto Sans SC comes as some hundred files by Unicode range, each fetched the first time a screen
 * shows one of its characters; arriving after the screen was laid out, it lays the screen out
 * again. Fetched while the kiosk waits, the ~14 files of its ~560 characters are there before the
 * first tap. Catalog names and what citizens type may still need others, fetched as before.
 */
export function prefetchFonts(): Promise<unknown> {
  if (typeof document === 'undefined' || !('fonts' in document)) return Promise.resolve();
  const text = [...charactersOf(i18next.getResourceBundle('zh-CN', 'translation'), new Set())].join('');
  if (text === '') return Promise.resolve();
  return Promise.all(WEIGHTS.map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, text)));
}
