import { operationPath, operations } from '../../contracts/api';
import { EventStreamMessage, type HallEvent } from '../../contracts/events';

export interface EventStreamHandlers {
  onEvent(event: HallEvent): void;
  /** Missed events are gone (buffer overrun or host restart): reload state from the API. */
  onResync(): void;
  onConnection?(connected: boolean): void;
  /**
   * A kiosk page (`kioskPage` given): whether it is this host's kiosk, and when that changes
   * (another page held the seat and closed).
   */
  onSeat?(granted: boolean): void;
}

/**
 * Subscribes to the host's event stream and keeps it alive: reconnects with
 * backoff and asks for everything after the last seq of the same host boot,
 * so a screen never silently misses a call.
 */
export function subscribeEvents(handlers: EventStreamHandlers, options: { url?: string; kioskPage?: string } = {}): () => void {
  const url = options.url ?? defaultEventsUrl();
  let cursor: { seq: number; bootId: string } | undefined;
  let socket: WebSocket | undefined;
  let retryMs = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = () => {
    const params = new URLSearchParams();
    if (cursor) {
      params.set('since', String(cursor.seq));
      params.set('bootId', cursor.bootId);
    }
    if (options.kioskPage !== undefined) params.set('kioskPage', options.kioskPage);
    const query = params.toString() === '' ? '' : `?${params.toString()}`;
    socket = new WebSocket(`${url}${query}`);
    socket.onopen = () => {
      retryMs = 500;
      handlers.onConnection?.(true);
    };
    socket.onmessage = (message) => {
      let json: unknown;
      try {
        json = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const parsed = EventStreamMessage.safeParse(json);
      if (!parsed.success) return;
      const data = parsed.data;
      if (data.type === 'hello') {
        const firstContact = cursor === undefined;
        cursor = { seq: cursor?.bootId === data.bootId ? cursor.seq : data.seq, bootId: data.bootId };
        // Whatever happened between the screen's first REST load and this
        // subscription was never streamed to us: reload once.
        if (firstContact) handlers.onResync();
      } else if (data.type === 'resync') {
        if (cursor) cursor.seq = data.seq;
        handlers.onResync();
      } else if (data.type === 'seat') {
        handlers.onSeat?.(data.granted);
      } else {
        if (cursor) cursor.seq = data.seq;
        handlers.onEvent(data);
      }
    };
    socket.onclose = () => {
      handlers.onConnection?.(false);
      if (stopped) return;
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}

function defaultEventsUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${operationPath(operations.events)}`;
}
