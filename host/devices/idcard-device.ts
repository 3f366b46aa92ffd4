import type { DeviceConfig } from '../../contracts/config';
import type { DeviceHealth } from '../../contracts/health';
import {
  IdCardReader,
  IdCardSimulator,
  maskName,
  type IdCard,
  type IdCardReaderHealth,
  type SimulatedCard,
  simulatedCards,
} from '../../hardware/idcard';
import { HidTransport, nodeHidOpener } from '../../hardware/transport/hid';
import { createMemoryLink } from '../../hardware/transport/memory';
import { SerialTransport } from '../../hardware/transport/serial';
import type { Transport } from '../../hardware/transport/types';
import type { CitizenCard } from '../identity/identity-sessions';

/** What the identity session needs of a card read: the rest of the card is dropped at once. */
export function toCitizenCard(card: IdCard): CitizenCard {
  return { kind: card.kind, name: card.name, idNumber: card.idNumber, birthDate: card.birthDate };
}

export interface IdCardDeviceHandlers {
  onCard(card: CitizenCard): void;
  onRemoved(): void;
  onHealth(health: DeviceHealth): void;
}

/**
 * One configured ID card reader: the driver over its transport, plus the
 * simulator on the other end of an in-memory link when the config says
 * `simulated` (the embedded demo and the e2e tests).
 */
export class IdCardDevice {
  readonly simulator: IdCardSimulator | undefined;
  private readonly reader: IdCardReader;
  private readonly simulatorEnd: Transport | undefined;
  private last: DeviceHealth;

  constructor(
    private readonly config: DeviceConfig,
    private readonly handlers: IdCardDeviceHandlers,
  ) {
    let transport: Transport;
    if (config.transport.type === 'simulated') {
      const link = createMemoryLink(config.id);
      transport = link.host;
      this.simulatorEnd = link.device;
      this.simulator = new IdCardSimulator();
    } else if (config.transport.type === 'serial') {
      transport = new SerialTransport({ path: config.transport.path, baudRate: config.transport.baudRate });
    } else {
      const { vendorId, productId } = config.transport;
      transport = new HidTransport({ vendorId, productId, opener: nodeHidOpener(vendorId, productId) });
    }
    this.reader = new IdCardReader(transport, { pollIntervalMs: config.pollIntervalMs });
    this.last = { id: config.id, kind: 'idcard', simulated: this.simulator !== undefined, state: 'starting', errorCount: 0 };
    this.reader.on('card', (card) => handlers.onCard(toCitizenCard(card)));
    this.reader.on('removed', () => handlers.onRemoved());
    this.reader.on('health', (health) => this.updateHealth(health));
  }

  get health(): DeviceHealth {
    return this.last;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    // A reader unplugged at boot does not stop the host: start() never throws; the
    // driver keeps retrying and reports no-device until the reader appears.
    await this.reader.start();
  }

  async stop(): Promise<void> {
    await this.reader.stop();
    this.simulator?.detach();
  }

  private updateHealth(health: IdCardReaderHealth): void {
    const changed = health.state !== this.last.state;
    this.last = {
      id: this.config.id,
      kind: 'idcard',
      simulated: this.simulator !== undefined,
      state: health.state,
      errorCount: health.errorCount,
      // The error's kind only: reader errors never carry card contents into health or logs.
      lastError: health.lastError?.kind,
    };
    if (changed) this.handlers.onHealth(this.last);
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
