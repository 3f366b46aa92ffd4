import { act } from '@testing-library/react';
import type { HallEvent } from '../../../contracts/events';
import type { EventStreamHandlers, subscribeEvents } from '../../../renderer/api/events';

let seq = 0;

/** A hall event without what the host stamps on it (one type of the union at a time). */
type Unstamped<E> = E extends HallEvent ? Omit<E, 'seq' | 'at'> : never;

/** A hall event as the host would stream it: `seq` and `at` filled in. */
export function hallEvent(event: Unstamped<HallEvent>): HallEvent {
  seq += 1;
  // Spreading a union member and adding the stamp gives that member back; TypeScript cannot follow it.
  return { ...event, seq, at: new Date().toISOString() } as HallEvent;
}

export interface FakeEvents {
  /** Goes where the screens take their event stream from (HallEventsContext). */
  subscribe: typeof subscribeEvents;
  /** Streams an event to every subscribed screen. */
  emit(event: HallEvent): void;
  /** The host's answer to a kiosk page: whether it holds this host's kiosk seat. */
  seat(granted: boolean): void;
  /** Missed events: the screens reload. */
  resync(): void;
  /** The connection went (false) or came back (true). */
  connection(connected: boolean): void;
  /** The kiosk page ids the subscribers gave (undefined for other screens). */
  readonly kioskPages: (string | undefined)[];
}

/** A fake of the host's event stream, driven by the test; each push is wrapped in act(). */
export function fakeEvents(): FakeEvents {
  const subscribers = new Map<EventStreamHandlers, string | undefined>();
  const each = (f: (h: EventStreamHandlers) => void) => act(() => [...subscribers.keys()].forEach(f));
  return {
    subscribe: (handlers, options = {}) => {
      subscribers.set(handlers, options.kioskPage);
      return () => {
        subscribers.delete(handlers);
      };
    },
    emit: (event) => each((h) => h.onEvent(event)),
    seat: (granted) => each((h) => h.onSeat?.(granted)),
    resync: () => each((h) => h.onResync()),
    connection: (connected) => each((h) => h.onConnection?.(connected)),
    get kioskPages() {
      return [...subscribers.values()];
    },
  };
}
