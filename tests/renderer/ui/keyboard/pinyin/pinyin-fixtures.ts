import { loadPinyinDictionary, type PinyinDictionary } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-dictionary';
import type { PinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-engine';
import { buildPinyinIndexText } from '../../../../../vite-pinyin-index';

let dictionary: PinyinDictionary | undefined;

/** The real index, built as the renderer build builds it (once per test file: about a second). */
export function builtDictionary(): PinyinDictionary {
  dictionary ??= loadPinyinDictionary(buildPinyinIndexText());
  return dictionary;
}

/** The hall of the example: 沈抚新区 is its district, 沈抚 a name no dictionary has. */
export const SHENFU_HALL_NAME = '沈抚新区政务服务中心';

/** One pick of a typing plan: the letters typed, then the candidate wanted. */
export interface PlannedPick {
  readonly keys: string;
  readonly pick: string;
}

export interface TypingResult {
  readonly text: string;
  /** Letters typed plus candidates picked (plus page turns, at `pageSize` candidates a page). */
  readonly taps: number;
  /** Where each wanted candidate stood (0: first). */
  readonly positions: readonly number[];
}

/**
 * Types like a citizen on the candidate bar: the letters of each step are added to what is still
 * unconverted, then the wanted candidate is picked (its `consumed` letters leave the input).
 * Throws when a wanted candidate is not offered at all.
 */
export function typeWithPicks(engine: PinyinEngine, plan: readonly PlannedPick[], pageSize = 8): TypingResult {
  let input = '';
  let text = '';
  let taps = 0;
  const positions: number[] = [];
  for (const step of plan) {
    input += step.keys;
    taps += step.keys.length;
    const candidates = engine.candidates(input, 60);
    const position = candidates.findIndex((c) => c.text === step.pick);
    const picked = candidates[position];
    if (!picked) throw new Error(`${step.pick} not offered for "${input}": ${candidates.map((c) => c.text).join(' ')}`);
    positions.push(position);
    taps += 1 + Math.floor(position / pageSize);
    text += picked.text;
    input = input.slice(picked.consumed);
  }
  if (input !== '') throw new Error(`letters left unconverted: "${input}"`);
  return { text, taps, positions };
}
