/**
 * A SAM ID card reader in software. It speaks the real byte protocol over any
 * Transport end (the `device` end of a memory link, or a pty), so the driver
 * is tested against bytes, not against a mock of itself.
 *
 * `60 0n` (set baud) is answered at the old rate and only then applied, as a
 * SAM does: the pacing follows at once, the simulator's own transport end when
 * the next command arrives (see `hear`). With `paceBaud`, every reply
 * is held back by the wire time of the command and the reply at that rate
 * (bytes × 10 bits for 8N1), because a pty or memory link carries bytes
 * instantly and would otherwise hide what the wire costs.
 */
import { DeviceSimulator } from '../common/device-simulator';
import { wireTimeMs } from '../common/wire-time';
import type { BaudRate, SamCommand } from './commands';
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
  | { mode: 'unplug' }
  /** Set-baud is refused with SW3 21 (command error), as by modules that keep a fixed rate. */
  | { mode: 'refuse-baud' };

export type SimulatorFaultMode = SimulatorFault['mode'];

export interface IdCardSimulatorOptions {
  /** The 16-byte SAM id returned by `12 FF`. */
  samId?: Uint8Array;
  /** Seed for the garbage fault's noise, so failing tests replay. */
  seed?: number;
  /** Hold each reply back by its wire time at this rate (and follow set-baud). Unset: reply at once. */
  paceBaud?: number;
}

/** Preamble (5) + LEN (2) + CMD + PARA + CHK around a command's data. */
const COMMAND_FRAME_OVERHEAD = 10;

const DEFAULT_SAM_ID = Uint8Array.from([
  0x05, 0x00, 0x01, 0x00, 0x2b, 0x2b, 0x33, 0x01, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x08,
]);

export class IdCardSimulator extends DeviceSimulator {
  private readonly decoder = new CommandFrameDecoder();
  private card: SimulatedCard | undefined;
  private fault: SimulatorFault | null = null;
  private readonly samId: Uint8Array;
  private random: number;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private paceBaud: number | undefined;
  /** The SAM's current line speed, as last set by `60 0n` (115200 after power-up). */
  private baud: BaudRate = 115200;
  /** A rate the transport end still has to switch to. */
  private transportBaud: BaudRate | undefined;
  /** Replies wait for this: a transport baud switch in progress. */
  private ready: Promise<void> = Promise.resolve();
  /** Commands heard, by name; lets tests see what the driver sent. */
  readonly received: string[] = [];

  constructor(options: IdCardSimulatorOptions = {}) {
    super();
    this.samId = options.samId ?? DEFAULT_SAM_ID;
    this.random = options.seed ?? 0x2545f491;
    this.paceBaud = options.paceBaud;
  }

  /** The line speed the simulated SAM is at. */
  get baudRate(): BaudRate {
    return this.baud;
  }

  /** Stops answering and cancels replies still waiting (slow-reply). Does not close the transport. */
  protected override detached(): void {
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

  protected hear(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (this.fault?.mode === 'unplug') continue;
      if (result.ok) {
        this.switchTransportBaud();
        const command = identifyCommand(result.frame.cmd, result.frame.para);
        this.received.push(command === undefined ? 'unknown' : typeof command === 'string' ? command : command.name);
        const commandBytes = result.frame.data.length + COMMAND_FRAME_OVERHEAD;
        if (command !== undefined && typeof command !== 'string') {
          this.setBaud(command.baud, commandBytes);
          continue;
        }
        this.send(command === undefined ? encodeResponse(SW3.commandError) : this.answer(command), commandBytes);
      } else if (result.error.kind === 'checksum') {
        this.send(encodeResponse(SW3.checksumError), 0);
      } else if (result.error.kind === 'length') {
        this.send(encodeResponse(SW3.lengthError), 0);
      }
      // Garbage before a command is ignored, as a SAM does.
    }
  }

  /** Answers set-baud at the old rate, then switches the pacing and (if it can) the transport end. */
  private setBaud(baud: BaudRate, commandBytes: number): void {
    if (this.fault?.mode === 'refuse-baud') {
      this.send(encodeResponse(SW3.commandError), commandBytes);
      return;
    }
    this.send(encodeResponse(SW3.ok), commandBytes, () => {
      this.baud = baud;
      if (this.paceBaud !== undefined) this.paceBaud = baud;
      this.transportBaud = baud;
    });
  }

  /**
   * Applies a pending set-baud to the transport end. Done when the next
   * command arrives, not right after the reply: a serial baud change flushes
   * unsent output, and on a pty "drained" only means "queued", so an early
   * switch could swallow the reply. A command after it proves the host has it.
   */
  private switchTransportBaud(): void {
    const baud = this.transportBaud;
    const transport = this.transport;
    if (baud === undefined || !transport) return;
    this.transportBaud = undefined;
    if (!transport.setBaudRate) return;
    // A failed switch leaves the ends at different rates; the driver then sees timeouts.
    this.ready = transport.setBaudRate(baud).catch(() => undefined);
  }

  private answer(command: Exclude<SamCommand, { name: 'set-baud' }>): Uint8Array {
    const card = this.card;
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

  /**
   * Writes a reply, after the pacing and slow-reply delays; `afterSent` runs
   * once the reply is handed to the transport. `commandBytes` is the size of
   * the command that caused it (its wire time is part of the pacing).
   */
  private send(frame: Uint8Array, commandBytes: number, afterSent?: () => void): void {
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
      void this.ready.then(() => {
        if (this.transport !== transport) return;
        // A closed or failed end just drops the reply: the driver sees a timeout, as with real hardware.
        transport.write(bytes).then(afterSent, () => undefined);
      });
    };
    let delayMs = fault?.mode === 'slow-reply' ? (fault.delayMs ?? 2000) : 0;
    if (this.paceBaud !== undefined) delayMs += wireTimeMs(commandBytes + bytes.length, this.paceBaud);
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.transport === transport) write();
      }, delayMs);
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
