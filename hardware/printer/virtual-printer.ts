/**
 * A thermal printer in software, speaking ESC/POS over the device end of any
 * Transport (memory link or pty), so the driver is tested against bytes.
 *
 * It behaves as an Epson-style printer does: `DLE EOT n` is answered in real
 * time, on arrival, whatever the state; everything else is processed in order
 * and only while the printer can print — an open cover, an empty roll or an
 * offline fault holds the rest in the buffer (printed after recovery, as a
 * real printer resumes). `GS r` is answered in order, so it is not answered
 * while stopped. With `paceBaud`, bytes are accepted at the wire rate (10
 * bits per byte), and replies take their wire time too: a pty or memory link
 * carries bytes instantly and would hide what the serial line costs.
 */
import { DeviceSimulator } from '../common/device-simulator';
import { Listeners } from '../common/listeners';
import { wireTimeMs } from '../common/wire-time';
import type { EscPosEvent, PrintPreview } from './preview';
import { EscPosDecoder, PreviewBuilder } from './preview';
import type { PaperState, PrinterStatus } from './status';
import { encodeAsb, encodeDleEotReply } from './status';

export type VirtualPrinterFault =
  /** Paper runs out a few lines into the next job: printing stops, status says paper end. */
  | 'paper-end-mid-job'
  /** The roll is empty now (the demo's and the manager floor's "out of paper"). */
  | 'paper-end'
  | 'cover-open'
  | 'paper-near-end'
  /** Cable pulled: nothing is received or answered. */
  | 'unplug'
  /** Offline without a cause the printer reports (e.g. a vendor pause). */
  | 'offline';

export interface VirtualPrinterOptions {
  /** Accept bytes (and send replies) at this 8N1 rate. Unset: at once. */
  paceBaud?: number;
  /** Lines of the next job printed before the paper-end-mid-job fault strikes. Default 3. */
  linesBeforePaperEnd?: number;
}

export interface VirtualPrinterEvents {
  /** A cut: what was printed since the previous cut. */
  page: PrintPreview;
  /** Bytes taken off the wire so far, and when (`performance.now()`). */
  accepted: { totalBytes: number; atMs: number };
}

export class VirtualPrinter extends DeviceSimulator {
  readonly pages: PrintPreview[] = [];
  private readonly listeners = new Listeners<VirtualPrinterEvents>();
  private readonly linesBeforePaperEnd: number;
  private readonly paceBaud: number | undefined;
  private readonly decoder = new EscPosDecoder();
  private readonly builder = new PreviewBuilder();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private paper: PaperState = 'ok';
  private coverOpen = false;
  private offline = false;
  private unplugged = false;
  /** Lines left before paper-end-mid-job strikes; undefined when not armed. */
  private linesUntilPaperEnd: number | undefined;
  private asbMask = 0;
  /** Accepted but not yet processed (the printer is stopped, or mid-way through). */
  private held: Uint8Array = new Uint8Array(0);
  /** Last two bytes accepted, for spotting a DLE EOT split across chunks. */
  private tail: number[] = [];
  private wireFreeAt = 0;
  private replyFreeAt = 0;
  /** Every DLE EOT n answered, in order; lets tests see what the driver asked. */
  readonly statusRequests: number[] = [];
  acceptedBytes = 0;

  constructor(options: VirtualPrinterOptions = {}) {
    super();
    this.paceBaud = options.paceBaud;
    this.linesBeforePaperEnd = Math.max(0, options.linesBeforePaperEnd ?? 3);
  }

  on<K extends keyof VirtualPrinterEvents>(event: K, listener: (payload: VirtualPrinterEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get status(): PrinterStatus {
    return {
      online: !this.coverOpen && this.paper !== 'end' && !this.offline,
      coverOpen: this.coverOpen,
      paper: this.paper,
      cutterError: false,
      unrecoverableError: false,
    };
  }

  /** Stops listening; bytes on the wire and replies not yet sent are dropped. Does not close the transport. */
  protected override detached(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = new Uint8Array(0);
    this.tail = [];
  }

  /** One fault at a time; null is a healthy printer with a fresh roll (held data then prints). */
  setFault(fault: VirtualPrinterFault | null): void {
    const before = this.status;
    this.paper = fault === 'paper-near-end' ? 'near-end' : fault === 'paper-end' ? 'end' : 'ok';
    this.coverOpen = fault === 'cover-open';
    this.offline = fault === 'offline';
    this.unplugged = fault === 'unplug';
    this.linesUntilPaperEnd = fault === 'paper-end-mid-job' ? this.linesBeforePaperEnd : undefined;
    if (this.unplugged) {
      this.held = new Uint8Array(0);
      this.tail = [];
    }
    this.statusChanged(before);
    this.process();
  }

  private get canPrint(): boolean {
    return this.status.online && !this.unplugged;
  }

  protected hear(chunk: Uint8Array): void {
    if (this.unplugged) return;
    const copy = Uint8Array.from(chunk);
    if (this.paceBaud === undefined) {
      this.accept(copy);
      return;
    }
    const now = performance.now();
    this.wireFreeAt = Math.max(now, this.wireFreeAt) + wireTimeMs(copy.length, this.paceBaud);
    this.later(this.wireFreeAt - now, () => this.accept(copy));
  }

  private accept(chunk: Uint8Array): void {
    if (this.unplugged) return;
    this.acceptedBytes += chunk.length;
    this.listeners.emit('accepted', { totalBytes: this.acceptedBytes, atMs: performance.now() });
    this.answerRealTime(chunk);
    const next = new Uint8Array(this.held.length + chunk.length);
    next.set(this.held, 0);
    next.set(chunk, this.held.length);
    this.held = next;
    this.process();
  }

  /** DLE EOT n is executed on receipt, even while offline (the decoder later skips it). */
  private answerRealTime(chunk: Uint8Array): void {
    for (const byte of chunk) {
      const [a, b] = this.tail;
      if (a === 0x10 && b === 0x04 && byte >= 1 && byte <= 4) {
        this.statusRequests.push(byte);
        this.reply(Uint8Array.of(encodeDleEotReply(byte as 1 | 2 | 3 | 4, this.status)));
      }
      this.tail = [b ?? -1, byte];
    }
  }

  /** Runs held bytes through the decoder while the printer can print; byte by byte when a fault may strike mid-way. */
  private process(): void {
    while (this.held.length > 0 && this.canPrint) {
      const step = this.linesUntilPaperEnd === undefined ? this.held.length : 1;
      const bytes = this.held.subarray(0, step);
      this.held = this.held.slice(step);
      for (const event of this.decoder.push(bytes)) this.handle(event);
    }
  }

  private handle(event: EscPosEvent): void {
    this.builder.apply(event);
    switch (event.kind) {
      case 'line':
        if (this.linesUntilPaperEnd !== undefined) {
          this.linesUntilPaperEnd -= 1;
          if (this.linesUntilPaperEnd <= 0) {
            const before = this.status;
            this.linesUntilPaperEnd = undefined;
            this.paper = 'end';
            this.statusChanged(before);
          }
        }
        return;
      case 'cut': {
        const page = this.builder.take();
        this.pages.push(page);
        this.listeners.emit('page', page);
        return;
      }
      case 'in-order-status': {
        // GS r 1 / 49: paper sensor (near end 0x03, end 0x0C); GS r 2 / 50: drawer (none here).
        const paperSensor = event.n === 1 || event.n === 49;
        const s = this.status;
        this.reply(Uint8Array.of(paperSensor ? (s.paper === 'ok' ? 0 : 0x03) | (s.paper === 'end' ? 0x0c : 0) : 0));
        return;
      }
      case 'asb':
        this.asbMask = event.mask;
        if (this.asbMask !== 0) this.reply(encodeAsb(this.status));
        return;
      default:
        return;
    }
  }

  private statusChanged(before: PrinterStatus): void {
    const now = this.status;
    if (this.asbMask === 0 || this.unplugged) return;
    if (before.online !== now.online || before.coverOpen !== now.coverOpen || before.paper !== now.paper) {
      this.reply(encodeAsb(now));
    }
  }

  private reply(bytes: Uint8Array): void {
    const transport = this.transport;
    if (!transport || this.unplugged) return;
    const send = () => {
      if (this.transport !== transport || this.unplugged) return;
      // A closed end just drops the reply: the driver sees a timeout, as with real hardware.
      transport.write(bytes).catch(() => undefined);
    };
    if (this.paceBaud === undefined) {
      send();
      return;
    }
    const now = performance.now();
    this.replyFreeAt = Math.max(now, this.replyFreeAt) + wireTimeMs(bytes.length, this.paceBaud);
    this.later(this.replyFreeAt - now, send);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
