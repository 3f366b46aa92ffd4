import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useLatest } from '../../ui/use-latest';

/**
 * Countdown shown from this many seconds before the end: at least 20 s, enough for an elderly
 * citizen to read the warning and reach the "more time" button.
 */
export const WARN_SECONDS = 30;

/**
 * The seconds left of a running countdown, for the one component that shows them: a screen
 * that only needs the timeout does not render again with every tick and every touch (the kiosk's
 * whole screen did, once a second and per tap, which a weak board feels).
 */
export interface IdleCountdownClock {
  subscribe(listener: () => void): () => void;
  /** Seconds left; Infinity while the countdown is not running. */
  secondsLeft(): number;
}

interface RunningClock extends IdleCountdownClock {
  start(seconds: number): void;
  /** Reads the clock; returns the seconds left. */
  tick(): number;
  stop(): void;
}

function createClock(): RunningClock {
  const listeners = new Set<() => void>();
  let deadline = 0;
  let left = Number.POSITIVE_INFINITY;
  const set = (next: number) => {
    if (next === left) return;
    left = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    secondsLeft: () => left,
    start(seconds) {
      deadline = Date.now() + seconds * 1000;
      set(seconds);
    },
    tick() {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      set(remaining);
      return remaining;
    },
    stop() {
      deadline = 0;
      set(Number.POSITIVE_INFINITY);
    },
  };
}

/**
 * Counts down from `seconds` while `active`; any touch, click or key press starts it again.
 * Returns the countdown (read it with `useSecondsLeft` where it is shown) and a `restart` for the
 * "more time" button. `onExpire` runs once. The caller does not render per tick.
 */
export function useIdleCountdown(
  seconds: number,
  active: boolean,
  onExpire: () => void,
): { countdown: IdleCountdownClock; restart: () => void } {
  const [clock] = useState(createClock);
  const expire = useLatest(onExpire);
  const restart = useCallback(() => clock.start(seconds), [clock, seconds]);

  useEffect(() => {
    if (!active) return;
    clock.start(seconds);
    const onActivity = () => clock.start(seconds);
    window.addEventListener('pointerdown', onActivity, true);
    window.addEventListener('keydown', onActivity, true);
    const tick = setInterval(() => {
      if (clock.tick() === 0) {
        clearInterval(tick);
        expire.current();
      }
    }, 250);
    return () => {
      clearInterval(tick);
      window.removeEventListener('pointerdown', onActivity, true);
      window.removeEventListener('keydown', onActivity, true);
      clock.stop();
    };
  }, [active, seconds, clock, expire]);

  return { countdown: clock, restart };
}

/**
 * The seconds left, rendering with each change; before the countdown runs (its first render of a
 * visit, say) the full time, never the last visit's count.
 */
export function useSecondsLeft(countdown: IdleCountdownClock, fullSeconds: number): number {
  const left = useSyncExternalStore(countdown.subscribe, countdown.secondsLeft);
  return Number.isFinite(left) ? left : fullSeconds;
}

/** `useIdleCountdown` for a screen that shows the seconds itself: it renders with each tick. */
export function useIdleTimer(seconds: number, active: boolean, onExpire: () => void): { left: number; restart: () => void } {
  const { countdown, restart } = useIdleCountdown(seconds, active, onExpire);
  return { left: useSecondsLeft(countdown, seconds), restart };
}
