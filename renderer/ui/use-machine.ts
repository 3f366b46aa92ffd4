import { useCallback, useRef, useState } from 'react';

/**
 * A reducer whose latest state event handlers can read at once. React's own useReducer shows an
 * action only at the next render, but a hall event or a second key press may arrive before that
 * render (two WebSocket messages in a row, a double F1), and must be judged on the state the first
 * one left. Returns the state to render, `dispatch`, and `latest()` for handlers.
 */
export function useMachine<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): [state: S, dispatch: (action: A) => void, latest: () => S] {
  const [state, setState] = useState(initial);
  const current = useRef(initial);
  const dispatch = useCallback(
    (action: A) => {
      current.current = reducer(current.current, action);
      // An action that changes nothing returns the same object: React skips the render.
      setState(current.current);
    },
    [reducer],
  );
  const latest = useCallback(() => current.current, []);
  return [state, dispatch, latest];
}
