import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Countdown shown from this many seconds before the end: at least 20 s, enough for an elderly
 * citizen to read the warning and reach the "more time" button.
 */
export const WARN_SECONDS = 30;

/**
 * Counts down from `seconds` while `active`; any touch, click or key press starts it again.
 * Returns the seconds left and a `restart` for the "more time" button. `onExpire` runs once.
 */
export function useIdleTimer(seconds: number, active: boolean, onExpire: () => void): { left: number; restart: () => void } {
  const [left, setLeft] = useState(seconds);
  const deadline = useRef(Date.now() + seconds * 1000);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  const restart = useCallback(() => {
    deadline.current = Date.now() + seconds * 1000;
    setLeft(seconds);
  }, [seconds]);

  useEffect(() => {
    if (!active) return;
    restart();
    const onActivity = () => restart();
    window.addEventListener('pointerdown', onActivity, true);
    window.addEventListener('keydown', onActivity, true);
    const tick = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(tick);
        expire.current();
      }
    }, 250);
    return () => {
      clearInterval(tick);
      window.removeEventListener('pointerdown', onActivity, true);
      window.removeEventListener('keydown', onActivity, true);
    };
  }, [active, restart]);

  return { left, restart };
}
