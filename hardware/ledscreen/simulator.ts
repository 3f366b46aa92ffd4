/**
 * A BX-controlled window screen in software, speaking the real bytes over any
 * Transport end. It decodes frames, checks their CRC, shows text commands
 * addressed to it (or broadcast) and answers each with an ack frame.
 *
 * Faults: `no-ack` shows but never answers; `bad-crc` answers with an ack
 * whose CRC is wrong. A frame that arrives with a bad CRC is not shown and
 * not answered (counted in `crcErrors`), as a controller drops what it
 * cannot trust.
 */
import { DeviceSimulator } from '../common/device-simulator';
import { decodeTextCommand, encodeAck } from './bx-commands';
import type { BxFrame } from './bx-link';
import { bxPacket, BxFrameDecoder, frameBxPacket } from './bx-link';

export type BxScreenSimulatorFault = 'no-ack' | 'bad-crc';

const BROADCAST = 0xffff;

export class BxScreenSimulator extends DeviceSimulator {
  private readonly decoder = new BxFrameDecoder();
  private fault: BxScreenSimulatorFault | null = null;
  private current: string[] | undefined;
  /** Frames dropped for a bad CRC. */
  crcErrors = 0;
  /** Every text command shown, in order (clear shows as []). */
  readonly history: string[][] = [];

  constructor(
    /** This screen's address. Default 1. */
    readonly address = 1,
  ) {
    super();
  }

  /** What the screen shows now; undefined until the first text command. */
  get shown(): string[] | undefined {
    return this.current === undefined ? undefined : [...this.current];
  }

  protected override detached(): void {
    this.decoder.reset();
  }

  setFault(fault: BxScreenSimulatorFault | null): void {
    this.fault = fault;
  }

  protected hear(chunk: Uint8Array): void {
    for (const result of this.decoder.push(chunk)) {
      if (result.ok) this.onFrame(result.frame);
      else if (result.error.kind === 'crc') this.crcErrors += 1;
    }
  }

  private onFrame(frame: BxFrame): void {
    if (frame.destination !== this.address && frame.destination !== BROADCAST) return;
    const text = decodeTextCommand(frame.data);
    if (!text.ok) {
      // A command we do not model: refuse it, so the driver hears a clear no.
      this.reply(frame, encodeAck(0x0001));
      return;
    }
    this.current = text.command.lines;
    this.history.push([...text.command.lines]);
    this.reply(frame, encodeAck(0));
  }

  private reply(to: BxFrame, data: Uint8Array): void {
    if (this.fault === 'no-ack' || !this.transport) return;
    const packet = bxPacket({ destination: to.source, source: this.address, data });
    if (this.fault === 'bad-crc') {
      const last = packet.length - 1;
      packet[last] = (packet[last] ?? 0) ^ 0xff;
    }
    this.transport.write(frameBxPacket(packet)).catch(() => undefined);
  }
}
