/**
 * A caller keypad bus in software, speaking the real bytes over any Transport
 * end (the `device` end of a memory link, or a pty). Every address on the bus
 * is one simulated keypad.
 *
 * A key press is sent as a key frame and retransmitted (up to `retries`
 * times, default 3) every `retryMs` (default 200) until the host echoes it,
 * as the keypads do. Show-number and beep frames update `displayed` / `beeps`.
 *
 * Faults: `no-ack` drops every echo on its way in (so each press goes out
 * 1 + retries times); `garbage` precedes every frame it sends with noise and
 * a frame with a wrong checksum.
 */
import { DeviceSimulator } from '../common/device-simulator';
import { renderDigitCodes } from './digits';
import { encodeKeypadFrame, KeypadFrameDecoder } from './frame';
import type { KeypadKey, KeypadModel } from './model';
import { dataForKey, defaultKeypadModel } from './model';

export type KeypadSimulatorFault = 'no-ack' | 'garbage';

export interface KeypadSimulatorOptions {
  model?: KeypadModel;
  retryMs?: number;
  retries?: number;
}

interface PendingPress {
  frame: Uint8Array;
  sent: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Noise without FF, so it never fakes a frame start. */
const NOISE = Uint8Array.of(0x00, 0x55, 0x68, 0x16, 0x12);

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export class KeypadSimulator extends DeviceSimulator {
  private readonly model: KeypadModel;
  private readonly retryMs: number;
  private readonly retries: number;
  private readonly decoder = new KeypadFrameDecoder();
  private fault: KeypadSimulatorFault | null = null;
  /** Presses awaiting their echo, by frame identity. */
  private readonly pending = new Map<string, PendingPress>();
  private echoes = 0;
  /** What each keypad's display shows: six characters, blanks as spaces. */
  readonly displayed = new Map<number, string>();
  /** The address of every beep, in order. */
  readonly beeps: number[] = [];
  /** Every key frame sent, retransmits included. */
  readonly sentFrames: Uint8Array[] = [];

  constructor(options: KeypadSimulatorOptions = {}) {
    super();
    this.model = options.model ?? defaultKeypadModel;
    this.retryMs = options.retryMs ?? 200;
    this.retries = options.retries ?? 3;
  }

  /** Echoes received from the host (not counting those dropped by the `no-ack` fault). */
  get acknowledged(): number {
    return this.echoes;
  }

  /** Presses still waiting for their echo. */
  get unacknowledged(): number {
    return this.pending.size;
  }

  /** Stops listening and cancels retransmits. Does not close the transport. */
  protected override detached(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    this.decoder.reset();
  }

  setFault(fault: KeypadSimulatorFault | null): void {
    this.fault = fault;
  }

  /** Presses `key` on the keypad at `address`. Throws if the model has no code for the key. */
  press(address: number, key: KeypadKey): void {
    const data = dataForKey(this.model, key);
    if (data === undefined) throw new Error(`model ${this.model.name} has no code for ${key}`);
    const frame = encodeKeypadFrame(address, this.model.keyCommand, data);
    const id = frame.join(',');
    const old = this.pending.get(id);
    if (old) clearTimeout(old.timer);
    const press: PendingPress = { frame, sent: 0, timer: undefined };
    this.pending.set(id, press);
    this.transmit(id, press);
  }

  private transmit(id: string, press: PendingPress): void {
    press.sent += 1;
    this.sentFrames.push(press.frame);
    this.write(press.frame);
    if (press.sent > this.retries) {
      // Out of retries: the press is lost, as on a real keypad. Its timer has fired already.
      press.timer = setTimeout(() => {
        if (this.pending.get(id) === press) this.pending.delete(id);
      }, this.retryMs);
      return;
    }
    press.timer = setTimeout(() => {
      if (this.pending.get(id) === press) this.transmit(id, press);
    }, this.retryMs);
  }

  private write(frame: Uint8Array): void {
    const transport = this.transport;
    if (!transport) return;
    let bytes = frame;
    if (this.fault === 'garbage') {
      const broken = Uint8Array.from(frame);
      broken[broken.length - 2] = ((broken[broken.length - 2] ?? 0) + 1) & 0xff;
      bytes = Uint8Array.from([...NOISE, ...broken, ...frame]);
    }
    // A write to a closed end is a keypad talking to an unplugged cable: lost, like the real thing.
    transport.write(bytes).catch(() => undefined);
  }

  protected hear(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (!result.ok) continue; // a keypad ignores what it cannot read
      const { address, cmd, data } = result.frame;
      if (cmd === this.model.keyCommand) {
        if (this.fault === 'no-ack') continue;
        this.echoes += 1;
        const echo = encodeKeypadFrame(address, cmd, data);
        for (const [id, press] of this.pending) {
          if (!same(press.frame, echo)) continue;
          clearTimeout(press.timer);
          this.pending.delete(id);
        }
      } else if (cmd === this.model.showCommand) {
        this.displayed.set(address, renderDigitCodes(this.model, data));
      } else if (cmd === this.model.beepCommand) {
        this.beeps.push(address);
      }
    }
  }
}
