/** pinyin: Chinese by pinyin syllables with candidates; latin: letters; the rest: number pads. */
export type KeyboardLayout = 'pinyin' | 'latin' | 'digits' | 'id' | 'phone';

/** The field the keyboard types into, as the field itself describes it (KioskField). */
export interface ActiveField {
  id: string;
  layout: KeyboardLayout;
  value: string;
  maxLength: number;
  onChange(value: string): void;
  /**
   * Where the field's caret is now (the input's selectionStart while it has the focus), or null;
   * the keys write there, at the end when the field does not say.
   */
  caret?(): number | null;
}
