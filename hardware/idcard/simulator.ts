/**
 * A SAM ID card reader in software. It speaks the real byte protocol over any
 * Transport end (the `device` end of a memory link, or a pty), so the driver
 * is tested against bytes, not against a mock of itself.
 */
import type { Transport } from '../transport/types';
import type { SamCommand } from './commands';
import { identifyCommand } from './commands';
import { CommandFrameDecoder, encodeResponse } from './frame';
import { buildReadPayload } from './payload';
import type { SimulatedCard } from './simulated-cards';
import { buildTextBlock, placeholderPhoto } from './simulated-cards';
import { SW3 } from './status';

export type SimulatorFault =
  /** Replies carry a wrong CHK byte. */
  | { mode: 'checksum-error' }
  /** Find card fails as if the reader's field were empty. */
  | { mode: 'no-card' }
  /** Reads answer SW3 41 (read failed). */
  | { mode: 'read-failure' }
  /** Every reply waits `delayMs` (default 2000) before it is sent. */
  | { mode: 'slow-reply'; delayMs?: number }
  /** Every reply is preceded by `bytes` (default 8) bytes of noise. */
  | { mode: 'garbage'; bytes?: number }
  /** The reader stops answering altogether. */
  | { mode: 'unplug' };

export type SimulatorFaultMode = SimulatorFault['mode'];

export interface IdCardSimulatorOptions {
  /** The 16-byte SAM id returned by `12 FF`. */
  samId?: Uint8Array;
  /** Seed for the garbage fault's noise, so failing tests replay. */
  seed?: number;
}

const DEFAULT_SAM_ID = Uint8Array.from([
  0x05, 0x00, 0x01, 0x00, 0x2b, 0x2b, 0x33, 0x01, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x08,
]);

export class IdCardSimulator {
  private transport: Transport | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly decoder = new CommandFrameDecoder();
  private card: SimulatedCard | undefined;
  private fault: SimulatorFault | null = null;
  private readonly samId: Uint8Array;
  private random: number;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Commands heard, by name; lets tests see what the driver sent. */
  readonly received: string[] = [];

  constructor(options: IdCardSimulatorOptions = {}) {
    this.samId = options.samId ?? DEFAULT_SAM_ID;
    this.random = options.seed ?? 0x2545f491;
  }

  /** Starts answering on `transport`, opening it if needed. */
  async attach(transport: Transport): Promise<void> {
    this.detach();
    this.transport = transport;
    this.unsubscribe = transport.onData((chunk) => this.hear(chunk));
    if (transport.status.state !== 'open') await transport.open();
  }

  /** Stops answering and cancels replies still waiting (slow-reply). Does not close the transport. */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.transport = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.decoder.reset();
  }

  placeCard(card: SimulatedCard): void {
    this.card = card;
  }

  removeCard(): void {
    this.card = undefined;
  }

  /** Accepts a mode name for faults without parameters. */
  setFault(fault: SimulatorFault | SimulatorFaultMode | null): void {
    this.fault = typeof fault === 'string' ? { mode: fault } : fault;
  }

  private hear(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (this.fault?.mode === 'unplug') continue;
      if (result.ok) {
        const command = identifyCommand(result.frame.cmd, result.frame.para);
        this.received.push(command === undefined ? 'unknown' : typeof command === 'string' ? command : command.name);
        this.send(command === undefined ? encodeResponse(SW3.commandError) : this.answer(command));
      } else if (result.error.kind === 'checksum') {
        this.send(encodeResponse(SW3.checksumError));
      } else if (result.error.kind === 'length') {
        this.send(encodeResponse(SW3.lengthError));
      }
      // Garbage before a command is ignored, as a SAM does.
    }
  }

  private answer(command: SamCommand): Uint8Array {
    const card = this.card;
    if (typeof command !== 'string') return encodeResponse(SW3.ok);
    switch (command) {
      case 'reset-sam':
      case 'sam-status':
        return encodeResponse(SW3.ok);
      case 'read-sam-id':
        return encodeResponse(SW3.ok, this.samId);
      case 'find-card':
        return card && this.fault?.mode !== 'no-card'
          ? encodeResponse(SW3.findOk, new Uint8Array(4))
          : encodeResponse(SW3.noCard, new Uint8Array(4));
      case 'select-card':
        return card && this.fault?.mode !== 'no-card'
          ? encodeResponse(SW3.ok, new Uint8Array(8))
          : encodeResponse(SW3.selectFailed, new Uint8Array(8));
      case 'read-text-photo':
      case 'read-text-photo-fingerprint': {
        if (!card || this.fault?.mode === 'read-failure' || this.fault?.mode === 'no-card') {
          return encodeResponse(SW3.readFailed);
        }
        const text = buildTextBlock(card);
        const photo = card.photo ?? placeholderPhoto();
        const payload =
          command === 'read-text-photo'
            ? buildReadPayload(text, photo)
            : buildReadPayload(text, photo, card.fingerprint ?? new Uint8Array(0));
        return encodeResponse(SW3.ok, payload);
      }
      case 'read-added-address':
        // Our invented cards never carry an added address (住址变更).
        return card ? encodeResponse(SW3.noContent) : encodeResponse(SW3.readFailed);
    }
  }

  private send(frame: Uint8Array): void {
    const fault = this.fault;
    let bytes = frame;
    if (fault?.mode === 'checksum-error') {
      bytes = Uint8Array.from(frame);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    } else if (fault?.mode === 'garbage') {
      const noise = this.noise(fault.bytes ?? 8);
      bytes = new Uint8Array(noise.length + frame.length);
      bytes.set(noise, 0);
      bytes.set(frame, noise.length);
    }
    const transport = this.transport;
    if (!transport) return;
    const write = () => {
      // A closed or failed end just drops the reply: the driver sees a timeout, as with real hardware.
      transport.write(bytes).catch(() => undefined);
    };
    if (fault?.mode === 'slow-reply') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.transport === transport) write();
      }, fault.delayMs ?? 2000);
      this.timers.add(timer);
    } else {
      write();
    }
  }

  /** xorshift32: deterministic noise without pulling in a dependency. */
  private noise(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      let x = this.random;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.random = x >>> 0;
      out[i] = this.random & 0xff;
    }
    return out;
  }
}
