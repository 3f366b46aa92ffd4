import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { KeyboardContext } from './keyboard-context';
import { KeyboardStore } from './keyboard-store';
import type { PinyinEngine } from './pinyin/pinyin-engine';
import { usePinyinEngine } from './pinyin/use-pinyin-engine';

/**
 * The on-screen keyboard's state for the page. The pinyin engine is asked for only once a
 * Chinese field has been typed in (a form with one prefetches it: FormStep), so a kiosk that
 * only hands out numbers never loads its index. `engine` replaces it in component tests.
 */
export function KeyboardProvider({ children, engine }: { children: ReactNode; engine?: PinyinEngine }) {
  const [store] = useState(() => new KeyboardStore());
  const active = useSyncExternalStore(store.subscribe, () => store.snapshot().active);
  const [wanted, setWanted] = useState(false);
  if (!wanted && active?.layout === 'pinyin') setWanted(true);
  useEffect(() => {
    if (engine !== undefined) store.setEngine(engine);
  }, [engine, store]);
  return (
    <KeyboardContext.Provider value={store}>
      {children}
      {engine === undefined && wanted && <PinyinEngineLoader store={store} />}
    </KeyboardContext.Provider>
  );
}

/** Hands the engine to the keyboard once it has loaded; rendered nothing. */
function PinyinEngineLoader({ store }: { store: KeyboardStore }) {
  const engine = usePinyinEngine();
  useEffect(() => {
    if (engine !== null) store.setEngine(engine);
  }, [engine, store]);
  return null;
}
