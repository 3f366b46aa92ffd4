import { useEffect, useRef, useState } from 'react';
import type { HallEvent } from '../../contracts/events';
import { subscribeEvents } from './events';

/** Subscribes a screen to hall events for its lifetime; returns whether the stream is connected. */
export function useHallEvents(
  onEvent: (event: HallEvent) => void,
  onResync: () => void,
  kiosk?: { pageId: string; onSeat: (granted: boolean) => void },
): boolean {
  const [connected, setConnected] = useState(true);
  const handlers = useRef({ onEvent, onResync, onSeat: kiosk?.onSeat });
  handlers.current = { onEvent, onResync, onSeat: kiosk?.onSeat };
  const pageId = kiosk?.pageId;
  useEffect(
    () =>
      subscribeEvents(
        {
          onEvent: (e) => handlers.current.onEvent(e),
          onResync: () => handlers.current.onResync(),
          onConnection: setConnected,
          onSeat: (granted) => handlers.current.onSeat?.(granted),
        },
        pageId === undefined ? {} : { kioskPage: pageId },
      ),
    [pageId],
  );
  return connected;
}
