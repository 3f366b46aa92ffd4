import type { DeviceConfig } from '../../contracts/config';
import type { DeviceHealth } from '../../contracts/health';
import type { EventBus } from '../events/event-bus';
import type { IdentitySessions } from '../identity/identity-sessions';
import { IdCardDevice, simulatedCardEntries, type SimulatedCardEntry } from './idcard-device';

export interface DeviceManagerOptions {
  configs: readonly DeviceConfig[];
  bus: EventBus;
  identity: IdentitySessions;
}

/**
 * Turns the device configs into running drivers (or simulators), wires card
 * reads into the identity session, and reports health.
 */
export class DeviceManager {
  private readonly idcards: IdCardDevice[] = [];

  constructor(o: DeviceManagerOptions) {
    for (const config of o.configs) {
      if (config.kind !== 'idcard') continue; // other kinds arrive with the device issue
      this.idcards.push(
        new IdCardDevice(config, {
          onCard: (card) => o.identity.begin(card),
          onRemoved: () => o.identity.end(),
          onHealth: (h) => o.bus.publish({ type: 'device.status', deviceId: h.id, state: toEventState(h.state) }),
        }),
      );
    }
  }

  async start(): Promise<void> {
    await Promise.all(this.idcards.map((d) => d.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.idcards.map((d) => d.stop()));
  }

  health(): DeviceHealth[] {
    return this.idcards.map((d) => d.health);
  }

  hasSimulators(): boolean {
    return this.idcards.some((d) => d.simulator !== undefined);
  }

  simulatedCards(): SimulatedCardEntry[] {
    return this.hasSimulators() ? simulatedCardEntries() : [];
  }

  /** Lays an invented card on (or, with null, takes it off) every simulated reader. */
  placeSimulatedCard(cardId: string | null): boolean {
    const entry = cardId === null ? null : simulatedCardEntries().find((c) => c.id === cardId);
    if (entry === undefined) return false;
    for (const device of this.idcards) {
      if (!device.simulator) continue;
      if (entry === null) device.simulator.removeCard();
      else device.simulator.placeCard(entry.card);
    }
    return true;
  }
}

function toEventState(state: DeviceHealth['state']): 'ok' | 'no-sam' | 'no-device' | 'error' {
  return state === 'starting' ? 'ok' : state;
}
