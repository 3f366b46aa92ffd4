import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ActiveField } from './keyboard-field';
import type { KeyboardStore, KeyboardState } from './keyboard-store';

export type { ActiveField, KeyboardLayout } from './keyboard-field';

export interface KeyboardControl {
  active: ActiveField | null;
  /**
   * Opens the keyboard for a field, or keeps its copy of the field current. Another field's
   * pinyin still being composed is first written into that field (see KeyboardStore.activate).
   */
  activate(field: ActiveField): void;
  /**
   * The citizen touched the active field's text at `caret` while composing: the composition goes
   * in where it began, then the caret is where the finger was (KeyboardStore.touch).
   */
  touch(fieldId: string, caret: number): void;
  /** 完成: what is still being composed goes into the field, then the keyboard hides. */
  close(): void;
  /**
   * The field `fieldId` lost the focus to something else of the page (下一步, a choice): what is
   * still being composed for it is written into it, as an IME does; the keyboard stays.
   */
  finishComposition(fieldId: string): void;
  /** The visit ended: the keyboard hides and what was being composed is forgotten, never written anywhere. */
  discard(): void;
}

export const KeyboardContext = createContext<KeyboardStore | null>(null);

export function useKeyboardStore(): KeyboardStore {
  const store = useContext(KeyboardContext);
  if (!store) throw new Error('useKeyboard outside KeyboardProvider');
  return store;
}

/** The keyboard's state, re-rendering the caller when it changes. */
export function useKeyboardState(): KeyboardState {
  const store = useKeyboardStore();
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/**
 * One part of the keyboard's state, re-rendering the caller only when that part changes: a
 * letter of pinyin changes the composition, and the form's fields (which only care which field
 * is active) need not render again for it. `select` must return a stored value, not a new object.
 */
export function useKeyboardPart<T>(select: (state: KeyboardState) => T): T {
  const store = useKeyboardStore();
  return useSyncExternalStore(store.subscribe, () => select(store.snapshot()));
}

const activeField = (state: KeyboardState) => state.active;

export function useKeyboard(): KeyboardControl {
  const store = useKeyboardStore();
  const active = useKeyboardPart(activeField);
  // One object per field state: flows keep it in their callbacks' and memos' dependencies.
  return useMemo(
    () => ({
      active,
      activate: store.activate,
      touch: store.touch,
      close: store.close,
      finishComposition: store.finishFor,
      discard: store.discard,
    }),
    [active, store],
  );
}
