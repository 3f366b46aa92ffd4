import { createContext, useContext } from 'react';

/** pinyin: Chinese by pinyin syllables with candidates; latin: letters; the rest: number pads. */
export type KeyboardLayout = 'pinyin' | 'latin' | 'digits' | 'id' | 'phone';

export interface ActiveField {
  id: string;
  layout: KeyboardLayout;
  value: string;
  maxLength: number;
  onChange(value: string): void;
}

export interface KeyboardControl {
  active: ActiveField | null;
  activate(field: ActiveField): void;
  /** Hides the keyboard (the field keeps its value). */
  close(): void;
}

export const KeyboardContext = createContext<KeyboardControl | null>(null);

export function useKeyboard(): KeyboardControl {
  const control = useContext(KeyboardContext);
  if (!control) throw new Error('useKeyboard outside KeyboardProvider');
  return control;
}
