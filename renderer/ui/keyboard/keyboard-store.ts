import type { PinyinCandidate, PinyinEngine } from './pinyin/pinyin-engine';
import type { ActiveField } from './keyboard-field';

export interface KeyboardState {
  /** The field being typed, with the keyboard's copy of its value; null while the keyboard is hidden. */
  readonly active: ActiveField | null;
  /** Pinyin letters typed but not yet turned into characters (the composition); '' when none. */
  readonly composing: string;
  /** A Chinese field switched to letters (英): keys type into the field, not into the composition. */
  readonly latin: boolean;
  /** The pinyin engine has loaded: the candidate bar can offer candidates. */
  readonly engineReady: boolean;
  /**
   * Where the keys write in the active field's value (a UTF-16 index, as an input's
   * selectionStart): its end when the keyboard opens, where the citizen touched the text after.
   */
  readonly caret: number;
}

const HIDDEN = { active: null, composing: '', latin: false, caret: 0 } as const;
/** The syllable divider of pinyin: "xi'an" is 西安, two syllables, where "xian" reads as 先. */
const DIVIDER = "'";
/** Longer than any phrase the citizen would compose before picking; more is not kept. */
const MAX_COMPOSING = 40;

/**
 * The on-screen keyboard's state and rules, outside React so that they read as a list and are
 * tested without a browser. What a real pinyin IME does, on a touch screen:
 * - letters of a Chinese field go into the composition, never into the field; so does the
 *   divider ' between two letters ("xi'an"), which outside a composition is an apostrophe;
 * - picking a candidate puts its text at the caret and keeps the letters it did not consume
 *   (沈 from "shenfu" leaves "fu"); space picks the first candidate;
 * - the caret is where the citizen touched the text (to mend a name in its middle), its end
 *   until then; moving it finishes what was being composed where the caret was;
 * - backspace takes a letter off the composition first, then the character before the caret;
 * - 完成, leaving for another field, or a digit or punctuation key write what is still being
 *   composed as its first candidates (as space would, until nothing is left): letters a citizen
 *   typed in a Chinese field are meant as Chinese, and raw pinyin ("nan") in a name is a mistake
 *   nobody sees until the counter. Letters the engine cannot turn into anything stay letters;
 * - 英 (letters) writes the composition as typed, the way Shift does in a desktop IME: that is
 *   how "ABC" gets into a Chinese field;
 * - the end of the visit forgets everything, composition included (`discard`).
 */
export class KeyboardStore {
  private state: KeyboardState = { ...HIDDEN, engineReady: false };
  private engine: PinyinEngine | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): KeyboardState => this.state;

  /** The pinyin engine once it has loaded: space, 完成 and leaving a field convert with it. */
  readonly setEngine = (engine: PinyinEngine | null): void => {
    this.engine = engine;
    this.set({ ...this.state, engineReady: engine !== null });
  };

  readonly activate = (field: ActiveField): void => {
    const current = this.state.active;
    if (current !== null && current.id === field.id) {
      // The field's value changed from outside (a physical keyboard, a reset): the caret stays in it.
      if (current !== field) this.set({ ...this.state, active: field, caret: Math.min(this.state.caret, field.value.length) });
      return;
    }
    // Straight from another field (no 完成): its composition is finished there, and this field
    // starts in its own layout with nothing composed, the caret at its end.
    this.finishComposition();
    this.set({ ...this.state, active: field, composing: '', latin: false, caret: field.value.length });
  };

  /** The citizen touched the active field's text at `caret`: the keys write there from now on. */
  readonly moveCaret = (fieldId: string, caret: number): void => {
    const { active } = this.state;
    if (active === null || active.id !== fieldId) return;
    const touched = Math.max(0, Math.min(caret, active.value.length));
    const was = this.state.caret;
    if (touched === was) return;
    // The touch was on the text as shown, without the composition: past the old caret, it moves
    // on by what the composition became.
    this.finishComposition();
    const grown = this.state.caret - was;
    this.set({ ...this.state, caret: touched > was ? touched + grown : touched });
  };

  readonly close = (): void => {
    this.finishComposition();
    this.set({ ...this.state, ...HIDDEN });
  };

  readonly finishFor = (fieldId: string): void => {
    if (this.state.active?.id === fieldId) this.finishComposition();
  };

  readonly discard = (): void => {
    this.set({ ...this.state, ...HIDDEN });
  };

  /** One key of the keyboard: a character, or a function key in braces ({bksp}, {space}, {done}, {lang}). */
  readonly press = (key: string): void => {
    const { active, composing } = this.state;
    if (active === null) return;
    if (key === '{done}') return this.close();
    if (key === '{lang}') return this.switchLetters();
    if (key === '{bksp}') {
      if (composing !== '') return this.set({ ...this.state, composing: composing.slice(0, -1) });
      return this.deleteBeforeCaret();
    }
    if (key === '{space}') {
      const first = composing === '' ? undefined : this.candidates(composing, 1)[0];
      if (first !== undefined) return this.pick(first);
      return this.insert(composing === '' ? ' ' : composing, '');
    }
    if (this.composes() && (/^[a-z]$/.test(key) || (key === DIVIDER && composing !== ''))) {
      // One divider between two letters: a second one in a row divides nothing.
      const doubled = key === DIVIDER && composing.endsWith(DIVIDER);
      if (!doubled && composing.length < MAX_COMPOSING) this.set({ ...this.state, composing: composing + key });
      return;
    }
    this.insert(this.converted(composing) + key, '');
  };

  /** A candidate picked from the bar: its text into the field, the letters it did not consume stay. */
  readonly pick = (candidate: PinyinCandidate): void => {
    this.insert(candidate.text, this.state.composing.slice(candidate.consumed));
  };

  /** The engine's candidates for the composition; none while it is loading. */
  candidates(input: string, limit: number): PinyinCandidate[] {
    return this.engine?.candidates(input, limit) ?? [];
  }

  /** The composition cut into syllables ('shenfu' → shen, fu); the letters themselves while the engine loads. */
  syllables(input: string): string[] {
    return this.engine?.syllables(input) ?? [input];
  }

  /** Whether letter keys compose pinyin (a Chinese field, not switched to letters). */
  private composes(): boolean {
    return this.state.active?.layout === 'pinyin' && !this.state.latin;
  }

  private switchLetters(): void {
    const { active, latin } = this.state;
    if (active?.layout !== 'pinyin') return;
    this.insert(this.state.composing, '', { latin: !latin });
  }

  /** The composition written into the field as its first candidates, before the keyboard leaves it. */
  private finishComposition(): void {
    const { composing } = this.state;
    if (composing !== '') this.insert(this.converted(composing), '');
  }

  /** First candidate after first candidate until every letter is used; what no candidate covers stays letters. */
  private converted(composing: string): string {
    let rest = composing;
    let text = '';
    while (rest !== '') {
      const first = this.candidates(rest, 1)[0];
      if (first === undefined || first.consumed <= 0) return text + rest;
      text += first.text;
      rest = rest.slice(first.consumed);
    }
    return text;
  }

  /** `text` into the field at the caret, the caret after it; `composing` (and `more`) as the new state's. */
  private insert(text: string, composing: string, more: Partial<KeyboardState> = {}): void {
    const { active, caret } = this.state;
    if (active === null) return;
    const fits = fitting(active.value, text, active.maxLength);
    const value = active.value.slice(0, caret) + fits + active.value.slice(caret);
    this.emit(active, value, { ...this.state, ...more, active: { ...active, value }, composing, caret: caret + fits.length });
  }

  /** Backspace with nothing composed: the character before the caret (a 汉字, or a pair of surrogates). */
  private deleteBeforeCaret(): void {
    const { active, caret } = this.state;
    if (active === null || caret === 0) return;
    const before = Array.from(active.value.slice(0, caret)).slice(0, -1).join('');
    const value = before + active.value.slice(caret);
    this.emit(active, value, { ...this.state, active: { ...active, value }, caret: before.length });
  }

  /** The new state first (the field's own render then finds the keyboard current), then the field hears of its value. */
  private emit(field: ActiveField, value: string, next: KeyboardState): void {
    this.set(next);
    if (value !== field.value) field.onChange(value);
  }

  private set(next: KeyboardState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** As much of `text` as `value` has room for within the field's length in characters (a 汉字 counts one). */
function fitting(value: string, text: string, maxLength: number): string {
  const room = Math.max(0, maxLength - Array.from(value).length);
  return Array.from(text).slice(0, room).join('');
}
