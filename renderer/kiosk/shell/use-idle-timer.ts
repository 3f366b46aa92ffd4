import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from '../../ui/use-latest';

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
  // Set when the countdown starts (a clock read belongs in an effect or handler, not in render).
  const deadline = useRef(0);
  const expire = useLatest(onExpire);

  // Starting (or a new length while running) shows the full time in the same render, never the
  // last visit's count for the first tick: the state is adjusted as the render sees the change.
  const running = active ? seconds : null;
  const [startedWith, setStartedWith] = useState<number | null>(null);
  if (startedWith !== running) {
    setStartedWith(running);
    if (running !== null) setLeft(running);
  }

  const restart = useCallback(() => {
    deadline.current = Date.now() + seconds * 1000;
    setLeft(seconds);
  }, [seconds]);

  useEffect(() => {
    if (!active) return;
    deadline.current = Date.now() + seconds * 1000;
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
  }, [active, seconds, restart, expire]);

  return { left, restart };
}
