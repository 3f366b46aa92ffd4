import { useMemo, useState, type ReactNode } from 'react';
import {
  KeyboardActionsContext,
  KeyboardContext,
  type ActiveField,
  type KeyboardActions,
  type KeyboardControl,
} from './keyboard-context';

export function KeyboardProvider({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<ActiveField | null>(null);
  // Stable for the provider's life: screens that only open or close the keyboard never re-render per key.
  const actions = useMemo<KeyboardActions>(() => ({ activate: (field) => setActive(field), close: () => setActive(null) }), []);
  const control = useMemo<KeyboardControl>(() => ({ active, ...actions }), [active, actions]);
  return (
    <KeyboardActionsContext.Provider value={actions}>
      <KeyboardContext.Provider value={control}>{children}</KeyboardContext.Provider>
    </KeyboardActionsContext.Provider>
  );
}
