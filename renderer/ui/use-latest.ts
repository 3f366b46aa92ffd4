import { type RefObject, useInsertionEffect, useRef } from 'react';

/**
 * The latest value of a prop or callback, for handlers installed once (an event stream, a timer,
 * a window listener) that must not re-subscribe on every render. Updated as the render commits,
 * before any layout or passive effect runs, so no effect or handler sees an older value; never
 * written during render, which React may run and throw away.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
