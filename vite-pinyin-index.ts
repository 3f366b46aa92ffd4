import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The pinyin index of the kiosk's on-screen keyboard, built from @pinyin-pro/data's dictionaries
 * (modern, supplemented from complete) and simple-keyboard-layouts' character table.
 *
 * The renderer gets it from the module `virtual:pinyin-index`, whose default export loads the
 * index text (renderer/ui/keyboard/pinyin/use-pinyin-engine.ts imports it only when a Chinese
 * field first needs it). In the build the index is a data file of its own,
 * `assets/pinyin-index-<hash>.txt`, fetched by that function: never part of the first paint, and
 * not JavaScript to parse (the screens' JavaScript budget counts .js files). Under Vite's dev
 * server and the vitest projects the function returns the text inline.
 *
 * The format is read by renderer/ui/keyboard/pinyin/pinyin-index-format.ts, which describes it:
 * one line per reading, `you xian gong si<TAB>有限公司F…`, each word followed by its score as the
 * character '0' + score. This file imports nothing of the project's: Vite loads it with its config.
 */
export const PINYIN_INDEX_MODULE = 'virtual:pinyin-index';
const RESOLVED = `\0${PINYIN_INDEX_MODULE}`;

/** @pinyin-pro/data's json/modern.json and complete.json: word → [toned pinyin, space separated; frequency]. */
export type ModernDictionary = Readonly<Record<string, readonly [string, number]>>;
/** simple-keyboard-layouts' chinese table: toneless syllable → characters, most common first. */
export type CharacterTable = Readonly<Record<string, string>>;

export interface IndexEntry {
  readonly text: string;
  readonly syllables: readonly string[];
  /** 0–63 (scoreOfFrequency). */
  readonly score: number;
}

const MAX_SCORE = 63;
const SCORE_BASE = 48; // '0': scores are written '0'…'o', never a CJK character.
const HAN = /^\p{Script=Han}+$/u;
const SYLLABLE = /^[a-z]+$/;

/** 8 steps per order of magnitude of frequency; the rarest word of the dictionary (2e-12) scores about 3. */
export function scoreOfFrequency(frequency: number): number {
  if (!(frequency > 0)) return 0;
  return Math.max(0, Math.min(MAX_SCORE, Math.round((Math.log10(frequency) + 12) * 8) + 1));
}

/** 'lǜ' → 'lv', 'shěn' → 'shen': a toned syllable as it is typed on the keyboard. */
export function toneless(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * A word of @pinyin-pro/data's complete dictionary missing from the modern one is taken from this
 * frequency on: the modern one lacks the names of places and common phrases (中国 北京 辽宁 沈阳
 * 西安 你好 联系人…), while below it the complete one is mostly fragments (一些则, 一千多).
 */
export const SUPPLEMENT_MIN_FREQUENCY = 1e-10;

/**
 * The index's words:
 * - every word of two or more characters of the modern dictionary, with its frequency, and those
 *   of the complete dictionary from SUPPLEMENT_MIN_FREQUENCY;
 * - every character under each reading it has in those words, scored by the summed frequency of
 *   the words it appears in with that reading, or by its own frequency where the complete
 *   dictionary gives one and it is higher (the modern dictionary lists only ~7,000 characters
 *   on their own and lacks common ones such as 信, 公, 是, 道);
 * - characters neither dictionary uses, from the keyboard's table, under its syllables with the
 *   lowest score, in the table's order. A character the dictionaries know is not taken from the
 *   table: its readings there are sometimes wrong ('shen' lists 信 first).
 * The complete dictionary adds only words of simplified characters (those of the modern one and
 * the table): it also lists traditional and rare characters on their own (宮 鐐).
 */
export function buildIndexEntries(
  sources: { readonly modern: ModernDictionary; readonly complete?: ModernDictionary },
  table: CharacterTable,
): IndexEntry[] {
  const words: IndexEntry[] = [];
  // "character\tsyllable" → summed frequency of its words; its own frequency.
  const summed = new Map<string, number>();
  const own = new Map<string, number>();
  // The characters of the modern dictionary and the keyboard's table: simplified ones. The
  // complete dictionary adds no other (it has traditional and rare characters on their own).
  const simplified = new Set<string>();
  for (const text of Object.keys(sources.modern)) for (const character of text) simplified.add(character);
  for (const list of Object.values(table)) for (const character of list) simplified.add(character);
  const take = (text: string, pinyin: string, frequency: number, supplement: boolean) => {
    const characters = [...text];
    if (supplement && characters.length > 1 && frequency < SUPPLEMENT_MIN_FREQUENCY) return;
    if (supplement && !characters.every((c) => simplified.has(c))) return;
    const syllables = pinyin.split(' ').map(toneless);
    if (!HAN.test(text) || characters.length !== syllables.length || !syllables.every((s) => SYLLABLE.test(s))) return;
    if (characters.length === 1) {
      own.set(`${text}\t${syllables[0] ?? ''}`, frequency);
      if (supplement) return;
    }
    characters.forEach((character, i) => {
      const key = `${character}\t${syllables[i] ?? ''}`;
      summed.set(key, (summed.get(key) ?? 0) + frequency);
    });
    if (characters.length > 1) words.push({ text, syllables, score: scoreOfFrequency(frequency) });
  };
  for (const [text, [pinyin, frequency]] of Object.entries(sources.modern)) take(text, pinyin, frequency, false);
  for (const [text, [pinyin, frequency]] of Object.entries(sources.complete ?? {}))
    if (!Object.hasOwn(sources.modern, text)) take(text, pinyin, frequency, true);
  const known = new Set<string>();
  const characters: IndexEntry[] = [];
  for (const key of new Set([...summed.keys(), ...own.keys()])) {
    const [text = '', syllable = ''] = key.split('\t');
    known.add(text);
    const frequency = Math.max(summed.get(key) ?? 0, own.get(key) ?? 0);
    characters.push({ text, syllables: [syllable], score: scoreOfFrequency(frequency) });
  }
  for (const [syllable, list] of Object.entries(table)) {
    if (!SYLLABLE.test(syllable)) continue;
    for (const text of new Set(list.replace(/\s+/g, ''))) {
      if (!known.has(text) && HAN.test(text)) characters.push({ text, syllables: [syllable], score: 0 });
    }
  }
  return [...words, ...characters];
}

export function encodePinyinIndex(entries: readonly IndexEntry[]): string {
  const byReading = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const key = entry.syllables.join(' ');
    const list = byReading.get(key);
    if (list) list.push(entry);
    else byReading.set(key, [entry]);
  }
  const lines: string[] = [];
  for (const key of [...byReading.keys()].sort()) {
    // Stable: words of equal score keep the order they were given in (the table's, for the rare ones).
    const words = (byReading.get(key) ?? []).slice().sort((a, b) => b.score - a.score);
    lines.push(`${key}\t${words.map((w) => w.text + String.fromCharCode(SCORE_BASE + w.score)).join('')}`);
  }
  return lines.join('\n');
}

let built: string | undefined;

/**
 * The index text, built once per process, or read from .cache/pinyin-index/ when the dictionaries,
 * the table and this file are what they were (building takes a few seconds: every vitest worker
 * and build would pay them).
 */
export function buildPinyinIndexText(): string {
  if (built !== undefined) return built;
  const require = createRequire(import.meta.url);
  const sourceFiles = [
    require.resolve('@pinyin-pro/data/modern.json'),
    require.resolve('@pinyin-pro/data/complete.json'),
    require.resolve('simple-keyboard-layouts/build/layouts/chinese'),
    fileURLToPath(import.meta.url),
  ];
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(readFileSync(file));
  const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '.cache/pinyin-index');
  const cached = join(cacheDir, `${hash.digest('hex').slice(0, 16)}.txt`);
  if (existsSync(cached)) {
    built = readFileSync(cached, 'utf8');
    return built;
  }
  const read = (name: string) =>
    JSON.parse(readFileSync(require.resolve(`@pinyin-pro/data/${name}`), 'utf8')) as ModernDictionary;
  const layout: unknown = require('simple-keyboard-layouts/build/layouts/chinese');
  built = encodePinyinIndex(
    buildIndexEntries({ modern: read('modern.json'), complete: read('complete.json') }, characterTable(layout)),
  );
  mkdirSync(cacheDir, { recursive: true });
  // Written aside then renamed: a worker reading it meanwhile never sees half a file.
  const partial = `${cached}.${process.pid}.partial`;
  writeFileSync(partial, built);
  renameSync(partial, cached);
  return built;
}

function characterTable(layout: unknown): CharacterTable {
  const table: Record<string, string> = {};
  const module = isRecord(layout) && isRecord(layout.default) ? layout.default : layout;
  const candidates = isRecord(module) ? module.layoutCandidates : undefined;
  if (!isRecord(candidates)) throw new Error('simple-keyboard-layouts: the chinese layout has no layoutCandidates');
  for (const [syllable, characters] of Object.entries(candidates))
    if (typeof characters === 'string') table[syllable] = characters;
  return table;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Where the build writes the index: named by its content, so a host may cache it for good. */
export function pinyinIndexFileName(text: string): string {
  return `assets/pinyin-index-${createHash('sha256').update(text).digest('hex').slice(0, 10)}.txt`;
}

export function pinyinIndexPlugin(): Plugin {
  let building = false;
  let base = '/';
  return {
    name: 'hall-kiosk:pinyin-index',
    configResolved: (config) => {
      building = config.command === 'build';
      base = config.base;
    },
    resolveId: (id) => (id === PINYIN_INDEX_MODULE ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const text = buildPinyinIndexText();
      if (!building) return `export default async function loadPinyinIndexText() { return ${JSON.stringify(text)}; }`;
      const fileName = pinyinIndexFileName(text);
      this.emitFile({ type: 'asset', fileName, source: text });
      return [
        'export default async function loadPinyinIndexText() {',
        `  const response = await fetch(${JSON.stringify(base + fileName)});`,
        '  if (!response.ok) throw new Error(`pinyin index: HTTP ${response.status}`);',
        '  return response.text();',
        '}',
      ].join('\n');
    },
  };
}
