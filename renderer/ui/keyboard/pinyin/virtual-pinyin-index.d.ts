/** The pinyin index text, built by the Vite plugin in vite-pinyin-index.ts (pinyin-index-format.ts). */
declare module 'virtual:pinyin-index' {
  const indexText: string;
  export default indexText;
}
