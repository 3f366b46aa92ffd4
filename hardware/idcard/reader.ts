/**
 * The ID card reader driver: a polling state machine over a Transport.
 *
 * start(): open → SAM status → SAM id → every `pollIntervalMs`:
 *   find card → (new card only) select → read text+photo → parse → `card`.
 * A card lying on the reader is reported once; it counts as removed after
 * `removalAfterMisses` consecutive failed finds. With `baudRate` set, the
 * first successful handshake is followed by baud negotiation (see
 * `negotiateBaud`). Nothing here logs: events
 * carry personal data, and deciding what to log (masked) is the host's job.
 */
import type { Transport, TransportStatus } from '../transport/types';
import type { CardParseError, IdCard } from './card-types';
import { parseIdCard } from './card';
import type { BaudRate, SimpleCommand } from './commands';
import type { ExchangeError } from './channel';
import { CommandChannel } from './channel';
import type { ResponseFrame } from './frame';
import { Listeners } from '../common/listeners';
import type { PayloadError } from './payload';
import { splitReadPayload } from './payload';
import { formatSamId } from './sam-id';
import type { SamStatus } from './status';
import { samStatus, SW3 } from './status';

export interface IdCardReaderOptions {
  /** Pause between polls, after the previous poll finished. Default 300 ms. */
  pollIntervalMs?: number;
  /** How long one command may wait for its reply. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** Consecutive failed finds after which a reported card counts as removed. Default 2. */
  removalAfterMisses?: number;
  /** Consecutive timeouts after which the reader counts as gone (health `no-device`). Default 3. */
  noDeviceAfterTimeouts?: number;
  /** Receives errors thrown by event listeners (they never stop the driver). */
  onListenerError?: (error: unknown) => void;
  /**
   * Line speed to switch the SAM and the transport to on start (`60 0n`), when
   * it differs from the transport's current rate. Unset: keep the rate.
   */
  baudRate?: BaudRate;
}

/** Why baud negotiation failed; the reader then keeps talking at the old rate. */
export type BaudNegotiationFailure =
  /** The transport has no line speed to change (HID, or no setBaudRate). */
  | 'unsupported-transport'
  /** The SAM answered set-baud with a status other than 90. */
  | 'refused'
  /** No usable reply to set-baud (timeout, broken frame, write failure). */
  | 'no-reply'
  /** The SAM switched but the transport could not follow: expect timeouts until the SAM is reset. */
  | 'transport';

export type IdCardReaderError =
  | ExchangeError
  /** The SAM answered with a status other than the one the step needs. */
  | { kind: 'status'; command: string; status: SamStatus }
  | { kind: 'payload'; command: string; error: PayloadError }
  | { kind: 'parse'; error: CardParseError }
  /** Bytes that answered no command (line noise, a reply after its timeout), dropped. */
  | { kind: 'noise'; bytes: number }
  | {
      kind: 'baud';
      requested: BaudRate;
      /** The rate still in use. */
      current: number | undefined;
      failure: BaudNegotiationFailure;
      /** SW3 status, exchange error kind or transport message; never personal data. */
      detail?: string;
    };

export type IdCardReaderState = 'ok' | 'no-sam' | 'no-device' | 'error';

export interface IdCardReaderHealth {
  state: IdCardReaderState;
  samId?: string;
  /** The transport's line speed, when it has one (after negotiation, the negotiated rate); undefined for HID. */
  baudRate?: number | undefined;
  /** Every failed exchange or card read since start. */
  errorCount: number;
  lastError?: IdCardReaderError;
}

export interface IdCardReaderEvents {
  card: IdCard;
  removed: undefined;
  health: IdCardReaderHealth;
  /** A card was there but could not be read (moved away, read failure, unparsable text). */
  readError: IdCardReaderError;
}

/** SW3 values that are about the card in the field, not about the reader. */
const CARD_LEVEL_STATUS = new Set([0x81, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47]);

export class IdCardReader {
  private readonly pollIntervalMs: number;
  private readonly commandTimeoutMs: number;
  private readonly removalAfterMisses: number;
  private readonly noDeviceAfterTimeouts: number;
  private readonly wantedBaud: BaudRate | undefined;
  private readonly channel: CommandChannel;
  private readonly listeners: Listeners<IdCardReaderEvents>;

  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> | undefined;
  private unsubscribeStatus: (() => void) | undefined;

  private samReady = false;
  /** Negotiation runs once per start(): a failed attempt is not retried on every poll. */
  private baudNegotiated = false;
  private cardPresent = false;
  private misses = 0;
  private consecutiveTimeouts = 0;
  private healthValue: IdCardReaderHealth = { state: 'no-device', errorCount: 0 };

  constructor(
    private readonly transport: Transport,
    options: IdCardReaderOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 300;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 1000;
    this.removalAfterMisses = Math.max(1, options.removalAfterMisses ?? 2);
    this.noDeviceAfterTimeouts = Math.max(1, options.noDeviceAfterTimeouts ?? 3);
    this.wantedBaud = options.baudRate;
    // Line noise is counted in health; the state is left to the exchanges.
    this.channel = new CommandChannel(transport, (bytes) =>
      this.setHealth({ errorCount: this.healthValue.errorCount + 1, lastError: { kind: 'noise', bytes } }),
    );
    this.listeners = new Listeners<IdCardReaderEvents>(options.onListenerError);
  }

  on<K extends keyof IdCardReaderEvents>(event: K, listener: (payload: IdCardReaderEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get health(): IdCardReaderHealth {
    return { ...this.healthValue };
  }

  /** Whether a reported card is still lying on the reader. */
  get hasCard(): boolean {
    return this.cardPresent;
  }

  /** Opens the transport, reads SAM status and id, then polls. Resolves once the first handshake is done (successful or not). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.samReady = false;
    this.cardPresent = false;
    this.misses = 0;
    this.consecutiveTimeouts = 0;
    this.baudNegotiated = false;
    this.unsubscribeStatus = this.transport.onStatus((status) => this.onTransportStatus(status));
    this.channel.listen();
    await this.runStep(() => this.boot());
    this.schedule();
  }

  /** Stops polling, abandons an in-flight command, and closes the transport. No timers survive. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.channel.close();
    await this.current;
    this.unsubscribeStatus?.();
    this.unsubscribeStatus = undefined;
    await this.transport.close().catch(() => undefined);
    this.samReady = false;
    this.cardPresent = false;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runStep(() => this.tick()).then(() => this.schedule());
    }, this.pollIntervalMs);
  }

  /** Runs one step, remembering it so stop() can wait for it; a step never rejects. */
  private async runStep(step: () => Promise<void>): Promise<void> {
    const run = step().catch((error: unknown) => {
      // Only a bug lands here; keep polling and let health show it.
      const message = error instanceof Error ? error.message : String(error);
      this.fail({ kind: 'transport', command: 'poll', message }, 'error');
    });
    this.current = run;
    await run;
    if (this.current === run) this.current = undefined;
  }

  private async boot(): Promise<void> {
    if (!(await this.ensureOpen())) return;
    await this.initSam();
    if (this.samReady) await this.negotiateBaud();
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    if (!(await this.ensureOpen())) return;
    if (!this.samReady) {
      await this.initSam();
      if (!this.samReady) return;
      await this.negotiateBaud();
      if (!this.running) return;
    }
    await this.pollCard();
  }

  private async ensureOpen(): Promise<boolean> {
    const state = this.transport.status.state;
    if (state === 'open') return true;
    if (state === 'opening' || state === 'reconnecting') {
      this.setHealth({ state: 'no-device' });
      return false;
    }
    try {
      await this.transport.open();
      return this.running;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.fail({ kind: 'transport', command: 'open', message }, 'no-device');
      return false;
    }
  }

  private async initSam(): Promise<void> {
    const status = await this.command('sam-status');
    if (!status) return;
    if (status.sw3 !== SW3.ok) {
      this.fail({ kind: 'status', command: 'sam-status', status: samStatus(status.sw3) }, 'no-sam');
      return;
    }
    const id = await this.command('read-sam-id');
    if (!id) return;
    if (id.sw3 !== SW3.ok) {
      this.fail({ kind: 'status', command: 'read-sam-id', status: samStatus(id.sw3) }, 'no-sam');
      return;
    }
    this.samReady = true;
    this.setHealth({ state: 'ok', samId: formatSamId(id.data), baudRate: this.transport.baudRate });
  }

  /**
   * Switches SAM and transport to `baudRate`: set-baud at the old rate, SW3 90,
   * then the transport follows (the SAM answers before it switches). Any
   * failure leaves the old rate in place and shows as a `baud` error in health
   * without making the reader unhealthy: it still works, only slower or faster.
   */
  private async negotiateBaud(): Promise<void> {
    const requested = this.wantedBaud;
    if (requested === undefined || this.baudNegotiated) return;
    this.baudNegotiated = true;
    const current = this.transport.baudRate;
    if (current === requested) return;
    const failed = (failure: BaudNegotiationFailure, detail?: string) =>
      this.fail(
        { kind: 'baud', requested, current, failure, ...(detail === undefined ? {} : { detail }) },
        this.healthValue.state,
      );
    if (current === undefined || !this.transport.setBaudRate) {
      failed('unsupported-transport');
      return;
    }
    const reply = await this.channel.exchange({ name: 'set-baud', baud: requested }, this.commandTimeoutMs);
    if (!this.running) return;
    if (!reply.ok) {
      if (reply.error.kind !== 'closed') failed('no-reply', reply.error.kind);
      return;
    }
    if (reply.frame.sw3 !== SW3.ok) {
      failed('refused', samStatus(reply.frame.sw3).code);
      return;
    }
    try {
      await this.transport.setBaudRate(requested);
    } catch (error) {
      failed('transport', error instanceof Error ? error.message : String(error));
      return;
    }
    this.setHealth({ baudRate: this.transport.baudRate });
  }

  private async pollCard(): Promise<void> {
    const find = await this.command('find-card');
    if (!find) return;
    if (find.sw3 === SW3.noCard) {
      this.misses += 1;
      if (this.cardPresent && this.misses >= this.removalAfterMisses) {
        this.cardPresent = false;
        this.listeners.emit('removed', undefined);
      }
      return;
    }
    if (find.sw3 !== SW3.findOk) {
      this.fail({ kind: 'status', command: 'find-card', status: samStatus(find.sw3) }, 'error');
      return;
    }
    this.misses = 0;
    // Still the card we reported: reading it again would only repeat the event.
    if (this.cardPresent) return;

    const select = await this.command('select-card');
    if (!select) return;
    if (select.sw3 !== SW3.ok) {
      this.statusFailure('select-card', select.sw3);
      return;
    }
    const read = await this.command('read-text-photo');
    if (!read) return;
    if (read.sw3 !== SW3.ok) {
      this.statusFailure('read-text-photo', read.sw3);
      return;
    }
    const payload = splitReadPayload(read.data, false);
    if (!payload.ok) {
      // Usually a late reply to an earlier command: a protocol problem, not the card's.
      this.fail({ kind: 'payload', command: 'read-text-photo', error: payload.error }, 'error');
      return;
    }
    const parsed = parseIdCard(payload.payload.text, payload.payload.photo);
    if (!parsed.ok) {
      this.cardFailure({ kind: 'parse', error: parsed.error });
      return;
    }
    this.cardPresent = true;
    this.listeners.emit('card', parsed.card);
  }

  /** One exchange; on failure records it and returns undefined. */
  private async command(command: SimpleCommand): Promise<ResponseFrame | undefined> {
    const result = await this.channel.exchange(command, this.commandTimeoutMs);
    if (!this.running) return undefined;
    if (result.ok) {
      this.consecutiveTimeouts = 0;
      if (this.healthValue.state === 'error' && this.samReady) this.setHealth({ state: 'ok' });
      return result.frame;
    }
    const error = result.error;
    if (error.kind === 'closed') return undefined;
    if (error.kind === 'timeout') {
      this.consecutiveTimeouts += 1;
      if (this.consecutiveTimeouts >= this.noDeviceAfterTimeouts) {
        // Re-handshake when it answers again: it may be a different reader or a reset SAM.
        this.samReady = false;
        this.fail(error, 'no-device');
        this.forgetCard();
      } else {
        this.fail(error, this.healthValue.state);
      }
      return undefined;
    }
    // A frame arrived, broken or not: the device is there.
    if (error.kind === 'frame') this.consecutiveTimeouts = 0;
    this.fail(error, 'error');
    return undefined;
  }

  private statusFailure(command: string, sw3: number): void {
    const error: IdCardReaderError = { kind: 'status', command, status: samStatus(sw3) };
    if (CARD_LEVEL_STATUS.has(sw3)) this.cardFailure(error);
    else this.fail(error, 'error');
  }

  /** The card could not be read; the reader itself is fine, so the state stays. */
  private cardFailure(error: IdCardReaderError): void {
    this.fail(error, this.healthValue.state);
    this.listeners.emit('readError', error);
  }

  private fail(error: IdCardReaderError, state: IdCardReaderState): void {
    this.setHealth({ state, errorCount: this.healthValue.errorCount + 1, lastError: error });
  }

  private onTransportStatus(status: TransportStatus): void {
    if (!this.running) return;
    if (status.state === 'failed' || status.state === 'closed' || status.state === 'reconnecting') {
      this.samReady = false;
      this.fail({ kind: 'transport', command: 'status', message: status.lastError ?? status.state }, 'no-device');
      this.forgetCard();
    }
  }

  /**
   * The reader is gone, so nobody can vouch that the reported card still lies
   * on it: report it removed, and read whatever card is there once the reader
   * is back rather than assume it is the same one.
   */
  private forgetCard(): void {
    this.misses = 0;
    if (!this.cardPresent) return;
    this.cardPresent = false;
    this.listeners.emit('removed', undefined);
  }

  private setHealth(patch: Partial<IdCardReaderHealth>): void {
    const next: IdCardReaderHealth = { ...this.healthValue, ...patch };
    const prev = this.healthValue;
    if (
      next.state === prev.state &&
      next.samId === prev.samId &&
      next.baudRate === prev.baudRate &&
      next.errorCount === prev.errorCount &&
      next.lastError === prev.lastError
    ) {
      return;
    }
    this.healthValue = next;
    this.listeners.emit('health', { ...next });
  }
}
