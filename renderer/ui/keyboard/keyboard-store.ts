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
   * Where the active field shows its caret after the keyboard's last write: just after the text
   * that went in, or 'end' when it went in at the end (so a page that formats the value, a
   * date's dashes, keeps it there). A new object per write; null before the first.
   */
  readonly caretAfterWrite: { readonly at: number | 'end' } | null;
}

const HIDDEN = { active: null, composing: '', latin: false, caretAfterWrite: null } as const;
/** The syllable divider of pinyin: "xi'an" is 西安, two syllables, where "xian" reads as 先. */
const DIVIDER = "'";
/** Longer than any phrase the citizen would compose before picking; more is not kept. */
const MAX_COMPOSING = 40;

/**
 * The on-screen keyboard's state and rules, outside React so that they read as a list and are
 * tested without a browser. What a real pinyin IME does, on a touch screen:
 * - letters of a Chinese field go into the composition, never into the field; so does the
 *   divider ' between two letters ("xi'an"), which outside a composition is an apostrophe;
 * - picking a candidate puts its text at the field's caret as it was when the composition began
 *   (where the finger touched the text, to mend a name in its middle; its end otherwise), and
 *   keeps the letters it did not consume (沈 from "shenfu" leaves "fu"); space picks the first
 *   candidate; touching the text elsewhere while composing finishes the composition first;
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
  /** Where the composition under way goes into the field; null when nothing is composed. */
  private anchor: number | null = null;
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
      if (current !== field) this.set({ ...this.state, active: field });
      return;
    }
    // Straight from another field (no 完成): its composition is finished there, and this field
    // starts in its own layout with nothing composed.
    this.finishComposition();
    this.set({ ...this.state, active: field, composing: '', latin: false, caretAfterWrite: null });
  };

  /**
   * The citizen touched the active field's text at `touched` while composing: the composition
   * goes in where it began, and the caret where the finger was (on the text as shown, without
   * the composition, so past its place it moves on by what the composition became).
   */
  readonly touch = (fieldId: string, touched: number): void => {
    const { active, composing } = this.state;
    if (active === null || active.id !== fieldId || composing === '') return;
    const anchor = this.insertionPoint(active);
    const length = active.value.length;
    this.finishComposition();
    const grown = (this.state.active?.value.length ?? length) - length;
    this.set({ ...this.state, caretAfterWrite: { at: touched > anchor ? touched + grown : touched } });
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
      if (doubled || composing.length >= MAX_COMPOSING) return;
      // The composition's place is the field's caret when its first letter comes.
      if (composing === '') this.anchor = this.insertionPoint(active);
      this.set({ ...this.state, composing: composing + key });
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

  /**
   * Where text goes into the field: the composition's place while composing, else the field's
   * caret as the field reports it, else its end.
   */
  private insertionPoint(active: ActiveField): number {
    const at = this.anchor ?? active.caret?.() ?? active.value.length;
    return Math.max(0, Math.min(at, active.value.length));
  }

  /** `text` into the field at the insertion point, the caret after it; `composing` (and `more`) as the new state's. */
  private insert(text: string, composing: string, more: Partial<KeyboardState> = {}): void {
    const { active } = this.state;
    if (active === null) return;
    const at = this.insertionPoint(active);
    const fits = fitting(active.value, text, active.maxLength);
    const value = active.value.slice(0, at) + fits + active.value.slice(at);
    const after = at + fits.length;
    if (composing !== '') this.anchor = after;
    this.emit(active, value, {
      ...this.state,
      ...more,
      active: { ...active, value },
      composing,
      caretAfterWrite: caretAfter(at, active.value, after),
    });
  }

  /** Backspace with nothing composed: the character before the caret (a 汉字, or a pair of surrogates). */
  private deleteBeforeCaret(): void {
    const { active } = this.state;
    if (active === null) return;
    const at = this.insertionPoint(active);
    if (at === 0) return;
    const before = Array.from(active.value.slice(0, at)).slice(0, -1).join('');
    const value = before + active.value.slice(at);
    this.emit(active, value, {
      ...this.state,
      active: { ...active, value },
      caretAfterWrite: caretAfter(at, active.value, before.length),
    });
  }

  /** The new state first (the field's own render then finds the keyboard current), then the field hears of its value. */
  private emit(field: ActiveField, value: string, next: KeyboardState): void {
    this.set(next);
    if (value !== field.value) field.onChange(value);
  }

  private set(next: KeyboardState): void {
    if (next === this.state) return;
    if (next.composing === '') this.anchor = null;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/**
 * Where the caret goes after a write at `at` into `value`: `after` (just past what changed), or
 * 'end' when the write was at the end, so the end stays the end however the page formats it.
 */
function caretAfter(at: number, value: string, after: number): KeyboardState['caretAfterWrite'] {
  return { at: at === value.length ? 'end' : after };
}

/** As much of `text` as `value` has room for within the field's length in characters (a 汉字 counts one). */
function fitting(value: string, text: string, maxLength: number): string {
  const room = Math.max(0, maxLength - Array.from(value).length);
  return Array.from(text).slice(0, room).join('');
}
