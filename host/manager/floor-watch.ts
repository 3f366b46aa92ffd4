import type { FloorSnapshot } from '../../contracts/floor';
import type { EventBus } from '../events/event-bus';
import type { FloorService } from './floor';

/**
 * What the floor shows that no hall event announces: alerts that come and go as time passes (a
 * pause past the threshold, a wait past target, a stuck sync), a 差评 (ratings publish nothing),
 * who is signed in at which window. The host's housekeeping calls `check` once a minute; when any
 * of these changed since the last check, manager screens get `floor.changed` and re-read the floor.
 * Screens refresh on the queue's own events in between, so this stays one read a minute, not a poll
 * per screen.
 */
export class FloorWatch {
  private last: string | null = null;

  constructor(private readonly o: { floor: FloorService; bus: EventBus }) {}

  check(): void {
    const floor = this.o.floor.snapshot();
    const now = fingerprint(floor);
    if (this.last !== null && now !== this.last) this.o.bus.publish({ type: 'floor.changed', alerts: floor.alerts.length });
    this.last = now;
  }
}

/** The alerts (with their severity) and each window's staff member: what `check` compares. */
function fingerprint(floor: FloorSnapshot): string {
  return JSON.stringify([floor.alerts.map((a) => `${a.key}:${a.severity}`), floor.windows.map((w) => w.staff?.staffNo ?? null)]);
}
