import { useEffect, useRef, useState } from 'react';
import type { HallEvent } from '../../contracts/events';
import { subscribeEvents } from './events';

/** Subscribes a screen to hall events for its lifetime; returns whether the stream is connected. */
export function useHallEvents(onEvent: (event: HallEvent) => void, onResync: () => void): boolean {
  const [connected, setConnected] = useState(true);
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  useEffect(
    () =>
      subscribeEvents({
        onEvent: (e) => handlers.current.onEvent(e),
        onResync: () => handlers.current.onResync(),
        onConnection: setConnected,
      }),
    [],
  );
  return connected;
}
