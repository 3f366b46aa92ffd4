import { createContext, useContext, useEffect, useState } from 'react';
import type { HallEvent } from '../../contracts/events';
import { useLatest } from '../ui/use-latest';
import { subscribeEvents } from './events';

/**
 * Where screens get the hall's event stream: the host's WebSocket, unless a provider hands them
 * another source with the same contract (component tests emit events and seat messages by hand).
 */
export const HallEventsContext = createContext<typeof subscribeEvents>(subscribeEvents);

/** Subscribes a screen to hall events for its lifetime; returns whether the stream is connected. */
export function useHallEvents(
  onEvent: (event: HallEvent) => void,
  onResync: () => void,
  kiosk?: { pageId: string; onSeat: (granted: boolean) => void },
): boolean {
  const subscribe = useContext(HallEventsContext);
  const [connected, setConnected] = useState(true);
  // The latest handlers, without a new connection each render.
  const handlers = useLatest({ onEvent, onResync, onSeat: kiosk?.onSeat });
  const pageId = kiosk?.pageId;
  useEffect(
    () =>
      subscribe(
        {
          onEvent: (e) => handlers.current.onEvent(e),
          onResync: () => handlers.current.onResync(),
          onConnection: setConnected,
          onSeat: (granted) => handlers.current.onSeat?.(granted),
        },
        pageId === undefined ? {} : { kioskPage: pageId },
      ),
    [pageId, subscribe, handlers],
  );
  return connected;
}
