/**
 * The pinyin index, built by the Vite plugin in vite-pinyin-index.ts (format: pinyin-index-format.ts):
 * its default export loads the index text (in the build, by fetching its data file).
 */
declare module 'virtual:pinyin-index' {
  export default function loadPinyinIndexText(): Promise<string>;
}
