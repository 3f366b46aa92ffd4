import { randomUUID } from 'node:crypto';
import type { HallEvent } from '../../contracts/events';

type Unsequenced<E> = E extends unknown ? Omit<E, 'seq' | 'at'> : never;
export type NewHallEvent = Unsequenced<HallEvent>;
type Listener = (event: HallEvent) => void;

/**
 * The event without its evaluator part, the token and the service of `evaluation.requested`: what
 * every event stream receives but the live one of a window evaluator bound to that window (the
 * token proves a service for a rating, host/api/routes-events.ts).
 */
export function withoutEvaluatorPart(event: HallEvent): HallEvent {
  if (event.type !== 'evaluation.requested' || (event.token === undefined && event.service === undefined)) return event;
  const { token: _token, service: _service, ...rest } = event;
  return rest;
}

/**
 * Numbers every hall event and keeps the last `capacity` of them, so a screen
 * that lost its socket (host restart, Wi-Fi drop) replays exactly what it missed.
 */
export class EventBus {
  /** Identifies this run of the host; seq restarts at zero with a new bootId. */
  readonly bootId = randomUUID();
  private seq = 0;
  private readonly buffer: HallEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly capacity = 2000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  publish(event: NewHallEvent): HallEvent {
    this.seq += 1;
    const sequenced = { ...event, seq: this.seq, at: this.now().toISOString() } as HallEvent;
    this.buffer.push(sequenced);
    if (this.buffer.length > this.capacity) this.buffer.shift();
    for (const listener of this.listeners) listener(sequenced);
    return sequenced;
  }

  /** Events after `seq`, or null when some of them have left the buffer (client must resync). */
  since(seq: number): HallEvent[] | null {
    if (seq >= this.seq) return [];
    const oldest = this.buffer[0]?.seq ?? this.seq + 1;
    if (seq + 1 < oldest) return null;
    return this.buffer.filter((e) => e.seq > seq);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
