import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { DeviceHealth } from '../../contracts/health';
import { IdCardReader, IdCardSimulator, maskName, type IdCard, type SimulatedCard, simulatedCards } from '../../hardware/idcard';
import type { Transport } from '../../hardware/transport/types';
import type { CitizenCard } from '../identity/identity-sessions';
import { type DeviceHandle, HealthTracker, unsupported } from './device-handle';
import { createDeviceTransport } from './transport-factory';

/** What the identity session needs of a card read: the rest of the card is dropped at once. */
export function toCitizenCard(card: IdCard): CitizenCard {
  return {
    kind: card.kind,
    name: card.name,
    idNumber: card.idNumber,
    birthDate: card.birthDate,
    gender: card.gender.label,
    ...('address' in card ? { address: card.address } : {}),
  };
}

export interface IdCardDeviceHandlers {
  onCard(card: CitizenCard): void;
  onRemoved(): void;
  onHealth(health: DeviceHealth): void;
}

/** An ID card reader: the SAM driver over its transport, or over a simulator when `simulated`. */
export class IdCardDevice implements DeviceHandle {
  readonly simulator: IdCardSimulator | undefined;
  readonly simulated: boolean;
  private readonly reader: IdCardReader;
  private readonly simulatorEnd: Transport | undefined;
  private readonly tracker: HealthTracker;

  constructor(
    readonly config: DeviceConfig,
    private readonly handlers: IdCardDeviceHandlers,
  ) {
    const { transport, simulatorEnd } = createDeviceTransport(config, 115200);
    this.simulatorEnd = simulatorEnd;
    this.simulator = simulatorEnd ? new IdCardSimulator() : undefined;
    this.simulated = this.simulator !== undefined;
    this.tracker = new HealthTracker(config, this.simulated, handlers.onHealth);
    this.reader = new IdCardReader(transport, { pollIntervalMs: config.pollIntervalMs });
    this.reader.on('card', (card) => handlers.onCard(toCitizenCard(card)));
    this.reader.on('removed', () => handlers.onRemoved());
    // The error's kind only: reader errors never carry card contents into health or logs.
    this.reader.on('health', (h) => this.tracker.update(h.state, h.errorCount, h.lastError?.kind));
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    // start() never throws: an unplugged reader reports no-device and keeps retrying.
    await this.reader.start();
  }

  async stop(): Promise<void> {
    // A stopped reader vouches for no card: the kiosk must not wait for a card nobody can see leave.
    const hadCard = this.reader.hasCard;
    await this.reader.stop();
    this.simulator?.detach();
    if (hadCard) this.handlers.onRemoved();
  }

  async test(action: DeviceTestAction): Promise<DeviceTestResult> {
    if (action !== 'read-card') return unsupported(action, 'card reader');
    const h = this.reader.health;
    if (h.state !== 'ok') {
      return {
        ok: false,
        code: 'reader_not_ready',
        params: { state: this.tracker.value.state },
        detail: `reader ${h.state}${h.lastError ? ` (${h.lastError.kind})` : ''}`,
      };
    }
    if (this.reader.hasCard) return { ok: true, code: 'card_read', params: {}, detail: 'card on the reader, read ok' };
    return {
      ok: true,
      code: 'no_card',
      params: { samId: h.samId ?? null },
      detail: `reader ok, SAM ${h.samId ?? 'unknown'}, no card`,
    };
  }
}

export interface SimulatedCardEntry {
  id: string;
  label: string;
  card: SimulatedCard;
}

/** The invented cards a demo can lay on the simulated reader, labelled with masked names only. */
export function simulatedCardEntries(): SimulatedCardEntry[] {
  return Object.entries(simulatedCards).map(([id, card]) => ({
    id,
    card,
    label: maskName('name' in card ? card.name : card.chineseName),
  }));
}
