import { useEffect } from 'react';
import { useLatest } from './use-latest';

/**
 * Calls `onIdle` after `idleMs` without a pointer or key press while `active`. The staff consoles
 * may sit on a kiosk or a desk in the public hall: a console left alone signs itself out.
 */
export function useIdleSignOut(active: boolean, idleMs: number, onIdle: () => void): void {
  const idle = useLatest(onIdle);
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => idle.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.current(), idleMs);
    };
    window.addEventListener('pointerdown', restart, true);
    window.addEventListener('keydown', restart, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', restart, true);
      window.removeEventListener('keydown', restart, true);
    };
  }, [active, idleMs, idle]);
}
