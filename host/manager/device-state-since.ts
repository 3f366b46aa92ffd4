import type { DeviceState } from '../../contracts/health';
import type { Clock } from '../clock/clock';
import type { EventBus } from '../events/event-bus';

/**
 * Since when each device of this host has been in its current state, from the `device.status`
 * events (stamped by the bus's clock). A device's health says what it is now, not since when; the
 * floor's printer alert says "out of paper since 10:02". Built before the devices start, so every
 * change after boot is seen; a state never announced counts from the first time it is asked about.
 */
export class DeviceStateSince {
  private readonly seen = new Map<string, { state: DeviceState; at: string }>();

  constructor(
    bus: EventBus,
    private readonly clock: Clock,
  ) {
    bus.subscribe((event) => {
      if (event.type === 'device.status') this.seen.set(event.deviceId, { state: event.state, at: event.at });
    });
  }

  /** When `deviceId` entered `state` (its current one). */
  since(deviceId: string, state: DeviceState): string {
    const known = this.seen.get(deviceId);
    if (known?.state === state) return known.at;
    const at = this.clock.now().toISOString();
    this.seen.set(deviceId, { state, at });
    return at;
  }
}
