import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../host/sync/circuit-breaker';
import { ManualClock } from './support';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures, probes once after openMs, closes on success', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 10_000 }, clock);
    breaker.onFailure();
    breaker.onFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.msUntilProbe()).toBe(10_000);

    clock.advance(10_000);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // the probe is out: everyone else waits
    breaker.onSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('says since when it has been open: from its first opening, through failed probes, until an answer', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 5_000 }, clock);
    expect(breaker.openSince).toBeUndefined();
    const opened = clock.now().getTime();
    breaker.onFailure();
    clock.advance(5_000);
    breaker.tryAcquire();
    breaker.onFailure();
    expect(breaker.openSince?.getTime()).toBe(opened);
    clock.advance(5_000);
    breaker.tryAcquire();
    breaker.onSuccess();
    expect(breaker.openSince).toBeUndefined();
  });

  it('re-opens for a full period when the probe fails', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 5_000 }, clock);
    breaker.onFailure();
    clock.advance(5_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    clock.advance(4_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.state).toBe('half-open');
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1_000 }, new ManualClock());
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state).toBe('closed');
  });
});
