/** pinyin: Chinese by pinyin syllables with candidates; latin: letters; the rest: number pads. */
export type KeyboardLayout = 'pinyin' | 'latin' | 'digits' | 'id' | 'phone';

/** The field the keyboard types into, as the field itself describes it (KioskField). */
export interface ActiveField {
  id: string;
  layout: KeyboardLayout;
  value: string;
  maxLength: number;
  onChange(value: string): void;
}
