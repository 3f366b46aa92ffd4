import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/events/event-bus';

const counts = { type: 'queue.counts' as const, counts: [] };

describe('EventBus', () => {
  it('numbers events one by one and delivers them to subscribers', () => {
    const bus = new EventBus();
    const seen: number[] = [];
    bus.subscribe((e) => seen.push(e.seq));
    bus.publish(counts);
    bus.publish(counts);
    expect(seen).toEqual([1, 2]);
    expect(bus.lastSeq).toBe(2);
  });

  it('replays exactly the events after a cursor', () => {
    const bus = new EventBus();
    for (let i = 0; i < 5; i++) bus.publish(counts);
    expect(bus.since(2)?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(bus.since(5)).toEqual([]);
  });

  it('asks for a resync when the missed events have left the buffer', () => {
    const bus = new EventBus(3);
    for (let i = 0; i < 10; i++) bus.publish(counts);
    expect(bus.since(8)?.map((e) => e.seq)).toEqual([9, 10]);
    expect(bus.since(7)?.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(bus.since(6)).toBeNull();
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const seen: number[] = [];
    const off = bus.subscribe((e) => seen.push(e.seq));
    bus.publish(counts);
    off();
    bus.publish(counts);
    expect(seen).toEqual([1]);
  });
});
