import type { CatalogView } from '../../../../contracts/cases';
import type { HallInfo } from '../../../../contracts/hall-settings';
import type { ServiceList } from '../../../../contracts/queue';
import { ADDRESS_WORDS, COMPANY_WORDS } from './curated-words';
import { readingOf, segmentText, wordsOfTexts, type PinyinDictionary } from './pinyin-dictionary';
import type { BoostedWord } from './pinyin-engine';

/**
 * Boosts, in score steps (8 per order of magnitude; the dictionary's scores are 0–63): the hall's
 * own words and the kinds of firm go above every dictionary word of the same match; address
 * parts move up an order, into the first few candidates of their syllable.
 */
export const HALL_WORD_BOOST = 64;
export const COMPANY_WORD_BOOST = 64;
export const ADDRESS_WORD_BOOST = 8;
/** Each character of the hall's words, under its reading there, moves up an order and a half ('shen' → 沈 early). */
export const HALL_CHARACTER_BOOST = 12;

/** What the kiosk already loads that names the hall's own things (react-query: hall-info, services, catalog). */
export interface HallWordSources {
  /** Only the hall's name is read of its settings. */
  readonly hallInfo?: Pick<HallInfo, 'hallName'> | undefined;
  readonly services?: ServiceList | undefined;
  readonly catalog?: CatalogView | undefined;
}

/** Phrases of the hall's texts are taken up to this many characters (a whole item name often is one). */
const LONGEST_PHRASE = 12;

/**
 * The words the engine boosts: the curated lists, and the phrases and characters of the hall's
 * texts (hallTexts: its name, with its district and street in it, 沈抚示范区…街道…; its
 * services; its catalog's items, materials, the forms' labels and choices).
 */
export function boostedWords(dictionary: PinyinDictionary, texts: readonly string[]): BoostedWord[] {
  const words: BoostedWord[] = [
    ...COMPANY_WORDS.map((w) => ({ ...w, boost: COMPANY_WORD_BOOST })),
    ...ADDRESS_WORDS.map((w) => ({ ...w, boost: ADDRESS_WORD_BOOST })),
  ];
  const seen = new Set<string>();
  for (const phrase of hallPhrases(dictionary, texts)) {
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    words.push({ text: phrase, boost: HALL_WORD_BOOST });
  }
  words.push(...hallCharacters(dictionary, texts).map((c) => ({ ...c, boost: HALL_CHARACTER_BOOST })));
  return words;
}

export function hallTexts({ hallInfo, services, catalog }: HallWordSources): string[] {
  const texts: string[] = [];
  if (hallInfo) texts.push(hallInfo.hallName);
  for (const service of services?.services ?? []) texts.push(service.name);
  for (const item of catalog?.items ?? []) {
    texts.push(item.name);
    for (const material of item.materials) texts.push(material.name);
    for (const part of item.bundle ?? []) texts.push(part.name);
    for (const field of item.formFields) texts.push(field.label, ...(field.options ?? []));
  }
  return texts;
}

/**
 * The phrases of the texts: each run of Chinese characters up to LONGEST_PHRASE, its dictionary
 * words of two or more characters, runs of single characters the dictionary has no word for,
 * joined (沈 + 抚 → 沈抚), and each two neighbouring pieces together (沈抚 + 新区 → 沈抚新区).
 */
export function hallPhrases(dictionary: PinyinDictionary, texts: readonly string[]): string[] {
  const phrases: string[] = [];
  const words = wordsOfTexts(dictionary, texts);
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      if ([...run].length <= LONGEST_PHRASE) phrases.push(run);
      const pieces = joinSingles(segmentText(words, run));
      for (const piece of pieces) if ([...piece].length > 1) phrases.push(piece);
      for (let i = 0; i + 1 < pieces.length; i++) phrases.push(`${pieces[i] ?? ''}${pieces[i + 1] ?? ''}`);
    }
  }
  return phrases.filter((phrase) => [...phrase].length > 1);
}

/** Each character of the texts once per reading it has there (沈 shen in 沈抚新区). */
export function hallCharacters(dictionary: PinyinDictionary, texts: readonly string[]): { text: string; syllables: string[] }[] {
  const words = wordsOfTexts(dictionary, texts);
  const characters = new Map<string, { text: string; syllables: string[] }>();
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const reading = readingOf(dictionary, words, run);
      if (!reading) continue;
      [...run].forEach((character, i) => {
        const syllable = reading[i] ?? '';
        characters.set(`${character}${syllable}`, { text: character, syllables: [syllable] });
      });
    }
  }
  return [...characters.values()];
}

function joinSingles(pieces: readonly string[]): string[] {
  const joined: string[] = [];
  let singles = '';
  for (const piece of pieces) {
    if ([...piece].length === 1) {
      singles += piece;
      continue;
    }
    if (singles !== '') joined.push(singles);
    singles = '';
    joined.push(piece);
  }
  if (singles !== '') joined.push(singles);
  return joined;
}
