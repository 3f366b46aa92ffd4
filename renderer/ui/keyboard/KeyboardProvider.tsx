import { useMemo, useState, type ReactNode } from 'react';
import { KeyboardContext, type ActiveField, type KeyboardControl } from './keyboard-context';

export function KeyboardProvider({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<ActiveField | null>(null);
  const control = useMemo<KeyboardControl>(
    () => ({ active, activate: (field) => setActive(field), close: () => setActive(null) }),
    [active],
  );
  return <KeyboardContext.Provider value={control}>{children}</KeyboardContext.Provider>;
}
