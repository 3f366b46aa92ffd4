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

export interface KeyboardActions {
  activate(field: ActiveField): void;
  /** Hides the keyboard (the field keeps its value). */
  close(): void;
}

export interface KeyboardControl extends KeyboardActions {
  active: ActiveField | null;
}

export const KeyboardContext = createContext<KeyboardControl | null>(null);
/** The same actions, never changing: for screens that only open or close the keyboard. */
export const KeyboardActionsContext = createContext<KeyboardActions | null>(null);

/** The keyboard and the field it types into: the caller renders again with every key. */
export function useKeyboard(): KeyboardControl {
  const control = useContext(KeyboardContext);
  if (!control) throw new Error('useKeyboard outside KeyboardProvider');
  return control;
}

/**
 * Opening and closing the keyboard only: the caller does not render again as keys are typed
 * (the kiosk's shell and a flow's frame would otherwise redraw the whole screen per key).
 */
export function useKeyboardActions(): KeyboardActions {
  const actions = useContext(KeyboardActionsContext);
  if (!actions) throw new Error('useKeyboardActions outside KeyboardProvider');
  return actions;
}
