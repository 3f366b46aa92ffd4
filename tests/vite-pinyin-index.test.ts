import { afterAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import { buildPinyinIndexText, pinyinIndexFileName, pinyinIndexPlugin } from '../vite-pinyin-index';
import { scratchTrees } from './support/scratch-tree';

/**
 * The pinyin index in a real Vite build of a small page that loads it as the kiosk does: a data
 * file of its own, fetched; none of its words in any JavaScript chunk (the kiosk's JavaScript
 * budget at first paint is 300 kB gzipped, the index alone ~440 kB).
 */
const { tree, cleanup } = scratchTrees('pinyin-index-build-');
afterAll(cleanup);

async function buildPage(): Promise<(Rolldown.OutputChunk | Rolldown.OutputAsset)[]> {
  const root = tree({
    'index.html': '<!doctype html><script type="module" src="./main.js"></script>',
    'main.js': "document.body.onclick = () => import('virtual:pinyin-index').then((m) => m.default());\n",
  });
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [pinyinIndexPlugin()],
    build: { write: false, outDir: 'dist' },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => ('output' in o ? o.output : []));
}

describe('the pinyin index in the renderer build', () => {
  it('is a data file of its own, named by its content, fetched by a small loader; no chunk holds its words', async () => {
    const files = await buildPage();
    const text = buildPinyinIndexText();
    const fileName = pinyinIndexFileName(text);
    const asset = files.find((f) => f.fileName === fileName);
    expect(asset?.type).toBe('asset');
    expect(asset && 'source' in asset ? String(asset.source) : '').toBe(text);
    const chunks = files.flatMap((f) => (f.type === 'chunk' ? [f] : []));
    expect(chunks.some((c) => c.code.includes(`/${fileName}`))).toBe(true);
    expect(chunks.filter((c) => c.code.includes('有限公司'))).toEqual([]);
  }, 90_000);

  it('holds the dictionary’s phrases and the characters it lacks on their own', () => {
    const lines = buildPinyinIndexText().split('\n');
    expect(lines.find((l) => l.startsWith('you xian gong si\t'))).toContain('有限公司');
    expect(lines.find((l) => l.startsWith('xin\t'))).toContain('信');
  });
});
