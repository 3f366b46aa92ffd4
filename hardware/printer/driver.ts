/**
 * The thermal printer driver: one job at a time over a Transport, never
 * reporting a ticket as printed unless the printer says so.
 *
 * print(): DLE EOT status first (refuse on paper end, open cover, offline,
 * cutter error) → job + `GS r 1` fence in one write → wait for the fence
 * reply (the printer answers it only after processing the job), polling DLE
 * EOT meanwhile so paper running out or the cover opening mid-ticket fails
 * the job at once → DLE EOT status again to confirm. A fence that never came
 * is remembered (`staleFences`): its reply may still arrive after the printer
 * recovers and prints the rest, and must not confirm the next job.
 *
 * Between jobs the status is polled every `statusPollMs`; with `enableAsb`
 * the printer also reports changes on its own. Nothing here logs.
 */
import { Listeners } from '../common/listeners';
import { wireTimeMs } from '../common/wire-time';
import type { Transport, TransportStatus } from '../transport/types';
import { errorMessage } from '../transport/types';
import { ASB, automaticStatusBack, concatBytes, fullStatusRequest, init, paperStatusInOrder } from './escpos';
import { ReplyDecoder } from './replies';
import type { PrinterStatus } from './status';
import { decodeAsb, decodeFullStatus } from './status';

export interface PrinterDriverOptions {
  /** Status poll between jobs. Default 2000 ms. */
  statusPollMs?: number;
  /** How long a status query may wait for its four bytes. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** Ask the printer for Automatic Status Back (online/offline, errors, paper sensor). Default false. */
  enableAsb?: boolean;
  /** Receives errors thrown by event listeners (they never stop the driver). */
  onListenerError?: (error: unknown) => void;
}

export type PrintFailureReason = 'paper-end' | 'cover-open' | 'offline' | 'cutter-error' | 'timeout' | 'transport';

export type PrintResult = { ok: true } | { ok: false; reason: PrintFailureReason; detail?: string };

export type PrinterHealthState = 'ok' | 'paper-near-end' | 'paper-end' | 'cover-open' | 'offline' | 'no-device' | 'error';

export interface PrinterHealth {
  state: PrinterHealthState;
  /** Failed jobs, failed status queries and bursts of unknown bytes (line noise) since construction. */
  errorCount: number;
  /** Reason and detail of the last failure; never personal data. */
  lastError?: string;
}

export interface PrinterDriverEvents {
  status: PrinterStatus;
  health: PrinterHealth;
}

type Query =
  { ok: true; status: PrinterStatus } | { ok: false; reason: 'timeout' | 'transport' | 'reply' | 'stopped'; detail: string };

/** Time a printer may take to print and cut a ticket, on top of the bytes' wire time. */
const PRINT_ALLOWANCE_MS = 5000;
/** DLE EOT poll while waiting for a job's fence. */
const CONFIRM_POLL_MS = 250;

export class PrinterDriver {
  private readonly statusPollMs: number;
  private readonly commandTimeoutMs: number;
  private readonly enableAsb: boolean;
  /** An ASB message arrived since the last (re)init: the cached status is kept current by the printer. */
  private asbReported = false;
  private readonly listeners: Listeners<PrinterDriverEvents>;
  private readonly replies = new ReplyDecoder();

  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribes: (() => void)[] = [];
  /** Serialises jobs and status queries: replies carry no ids, so only one exchange may be in flight. */
  private tail: Promise<unknown> = Promise.resolve();
  private dleWaiters: ((byte: number) => void)[] = [];
  private fenceWaiters: (() => void)[] = [];
  private staleFences = 0;
  /** Wakes everything waiting when stop() is called. */
  private readonly aborters = new Set<() => void>();
  private needsInit = true;
  /** The transport went away since the last open: its return deserves an immediate poll. */
  private lost = false;

  private statusValue: PrinterStatus | undefined;
  private healthValue: PrinterHealth = { state: 'no-device', errorCount: 0 };

  constructor(
    private readonly transport: Transport,
    options: PrinterDriverOptions = {},
  ) {
    this.statusPollMs = Math.max(10, options.statusPollMs ?? 2000);
    this.commandTimeoutMs = Math.max(1, options.commandTimeoutMs ?? 1000);
    this.enableAsb = options.enableAsb ?? false;
    this.listeners = new Listeners<PrinterDriverEvents>(options.onListenerError);
  }

  on<K extends keyof PrinterDriverEvents>(event: K, listener: (payload: PrinterDriverEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get status(): PrinterStatus | undefined {
    return this.statusValue === undefined ? undefined : { ...this.statusValue };
  }

  get health(): PrinterHealth {
    return { ...this.healthValue };
  }

  /** Opens the transport, initialises the printer and reads its status; resolves either way (see `health`). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.needsInit = true;
    this.unsubscribes = [
      this.transport.onData((chunk) => this.onData(chunk)),
      this.transport.onStatus((status) => this.onTransportStatus(status)),
    ];
    await this.exclusive(() => this.poll());
    this.schedule();
  }

  /** Stops polling, fails queued jobs, closes the transport. No timers survive. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const abort of [...this.aborters]) abort();
    await this.tail;
    for (const off of this.unsubscribes) off();
    this.unsubscribes = [];
    await this.transport.close().catch(() => undefined);
  }

  /** Prints one job (queued behind any other). Never rejects. */
  print(bytes: Uint8Array): Promise<PrintResult> {
    if (!this.running) return Promise.resolve({ ok: false, reason: 'transport', detail: 'driver not started' });
    return this.exclusive(() => this.runJob(bytes));
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.exclusive(() => this.poll()).then(() => this.schedule());
    }, this.statusPollMs);
  }

  private async poll(): Promise<void> {
    if (!this.running || !(await this.ensureOpen())) return;
    if (this.needsInit) await this.writeInit();
    await this.refresh(this.commandTimeoutMs);
  }

  private async ensureOpen(): Promise<boolean> {
    const state = this.transport.status.state;
    if (state === 'open') return true;
    if (state === 'closed' || state === 'failed') {
      try {
        await this.transport.open();
        return this.running && this.transport.status.state === 'open';
      } catch (error) {
        this.failed('no-device', `transport: ${errorMessage(error)}`);
        return false;
      }
    }
    this.setHealth({ state: 'no-device' });
    return false;
  }

  private async runJob(bytes: Uint8Array): Promise<PrintResult> {
    if (!this.running) return this.jobFailed('transport', 'driver stopped');
    if (this.transport.status.state !== 'open') {
      return this.jobFailed('transport', `transport ${this.transport.status.state}`, 'no-device');
    }
    if (this.needsInit) await this.writeInit();
    // With Automatic Status Back the printer tells us of every change itself, so
    // a good status it has reported since the last (re)init is current and the
    // query before the job would only repeat it. A bad one is asked again: the
    // ASB that says the paper was just replaced may still be on the wire. If the
    // printer went bad with its ASB in flight, the checks during and after the
    // job still fail it. Without ASB we always ask.
    const cached = this.asbReported ? this.statusValue : undefined;
    const known = cached && !problem(cached) ? cached : undefined;
    const before: Query = known ? { ok: true, status: known } : await this.refresh(this.commandTimeoutMs);
    if (!before.ok) return this.queryFailedJob(before, 'before the job');
    const refusal = problem(before.status);
    if (refusal) return this.jobFailed(refusal.reason, refusal.detail);

    const fence = this.expectFence();
    try {
      await this.transport.write(concatBytes([bytes, paperStatusInOrder()]));
    } catch (error) {
      fence.cancel();
      return this.jobFailed('transport', errorMessage(error), 'no-device');
    }
    const deadline =
      performance.now() +
      this.commandTimeoutMs +
      wireTimeMs(bytes.length, this.transport.baudRate ?? 115200) +
      PRINT_ALLOWANCE_MS;
    let confirmed = false;
    while (this.running) {
      confirmed = await Promise.race([fence.done, this.sleep(Math.min(CONFIRM_POLL_MS, this.statusPollMs)).then(() => false)]);
      if (confirmed || performance.now() >= deadline) break;
      // The query queues behind the rest of the job on a slow line: give it until the deadline.
      const mid = await this.refresh(Math.max(this.commandTimeoutMs, deadline - performance.now()));
      const trouble = mid.ok ? problem(mid.status) : undefined;
      if (!mid.ok || trouble) {
        fence.cancel();
        return mid.ok
          ? this.jobFailed(trouble?.reason ?? 'offline', trouble?.detail)
          : this.queryFailedJob(mid, 'during the job');
      }
    }
    if (!confirmed) fence.cancel();
    if (!this.running) return this.jobFailed('transport', 'driver stopped');

    const after = await this.refresh(this.commandTimeoutMs);
    if (!after.ok) return this.queryFailedJob(after, 'after the job');
    const trouble = problem(after.status);
    if (trouble) return this.jobFailed(trouble.reason, trouble.detail);
    if (!confirmed) return this.jobFailed('timeout', 'the printer did not confirm the job');
    return { ok: true };
  }

  /** Waits for the reply to the next `GS r` sent; cancel() marks that reply stale. */
  private expectFence(): { done: Promise<boolean>; cancel: () => void } {
    let settle: (value: boolean) => void = () => undefined;
    const done = new Promise<boolean>((resolve) => (settle = resolve));
    const waiter = () => settle(true);
    this.fenceWaiters.push(waiter);
    const abort = () => settle(false);
    this.aborters.add(abort);
    void done.then(() => this.aborters.delete(abort));
    return {
      done,
      cancel: () => {
        const index = this.fenceWaiters.indexOf(waiter);
        if (index >= 0) {
          this.fenceWaiters.splice(index, 1);
          this.staleFences += 1;
        }
        settle(false);
      },
    };
  }

  /** Sends DLE EOT 1–4 and decodes the four replies; updates status and health. */
  private async refresh(timeoutMs: number): Promise<Query> {
    const result = await this.query(timeoutMs);
    if (!this.running) return { ok: false, reason: 'stopped', detail: 'driver stopped' };
    if (result.ok) {
      this.setStatus(result.status);
    } else if (result.reason === 'timeout' || result.reason === 'transport') {
      this.needsInit = true;
      this.failed('no-device', `${result.reason}: ${result.detail}`);
    } else if (result.reason === 'reply') {
      this.failed('error', `reply: ${result.detail}`);
    }
    return result;
  }

  private query(timeoutMs: number): Promise<Query> {
    return new Promise<Query>((resolve) => {
      const bytes: number[] = [];
      let settled = false;
      const finish = (result: Query) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.aborters.delete(abort);
        this.dleWaiters = this.dleWaiters.filter((w) => w !== collect);
        resolve(result);
      };
      const collect = (byte: number) => {
        bytes.push(byte);
        if (bytes.length < 4) return;
        const decoded = decodeFullStatus(bytes);
        finish(decoded.ok ? decoded : { ok: false, reason: 'reply', detail: `bad status byte (${decoded.error.reason})` });
      };
      const abort = () => finish({ ok: false, reason: 'stopped', detail: 'driver stopped' });
      const timer = setTimeout(() => {
        // Late bytes of this query must not be taken for the next one's.
        this.replies.reset();
        finish({ ok: false, reason: 'timeout', detail: `no status reply within ${Math.round(timeoutMs)} ms` });
      }, timeoutMs);
      this.aborters.add(abort);
      for (let i = 0; i < 4; i++) this.dleWaiters.push(collect);
      this.transport
        .write(fullStatusRequest())
        .catch((error: unknown) => finish({ ok: false, reason: 'transport', detail: errorMessage(error) }));
    });
  }

  private async writeInit(): Promise<void> {
    // Until the printer's first ASB after this init, the cached status may be stale.
    this.asbReported = false;
    const parts = [init()];
    if (this.enableAsb) parts.push(automaticStatusBack(ASB.onlineOffline | ASB.error | ASB.paperSensor));
    try {
      await this.transport.write(concatBytes(parts));
      this.needsInit = false;
    } catch (error) {
      this.failed('no-device', `transport: ${errorMessage(error)}`);
    }
  }

  private onData(chunk: Uint8Array): void {
    let unknown = 0;
    for (const reply of this.replies.push(chunk)) {
      if (reply.kind === 'dle-eot') {
        this.dleWaiters.shift()?.(reply.byte);
      } else if (reply.kind === 'in-order') {
        if (this.staleFences > 0) this.staleFences -= 1;
        else this.fenceWaiters.shift()?.();
      } else if (reply.kind === 'asb') {
        const decoded = decodeAsb(reply.bytes);
        if (decoded.ok) {
          this.asbReported = true;
          this.setStatus(decoded.status);
        }
      } else {
        // Unknown bytes (line noise, a vendor's extra status) are dropped, and counted below.
        unknown += 1;
      }
    }
    // Counted in health, the state left alone: ESC/POS replies have no framing or checksum, so only
    // bytes that fit no reply's fixed bits are known to be noise.
    if (unknown > 0) this.setHealth({ errorCount: this.healthValue.errorCount + 1, lastError: `garbage: ${unknown} bytes` });
  }

  private onTransportStatus(status: TransportStatus): void {
    if (!this.running) return;
    if (status.state === 'open') {
      if (!this.lost) return;
      this.lost = false;
      // Back after a replug: re-initialise and read the status without waiting for the next poll.
      this.needsInit = true;
      void this.exclusive(() => this.poll());
      return;
    }
    if (status.state === 'failed' || status.state === 'closed' || status.state === 'reconnecting') {
      // Whatever the printer held is gone with the link, and so are the fences it owed.
      this.staleFences = 0;
      this.needsInit = true;
      this.lost = true;
      this.statusValue = undefined;
      this.failed('no-device', `transport ${status.state}${status.lastError ? `: ${status.lastError}` : ''}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.aborters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.aborters.add(done);
    });
  }

  private queryFailedJob(query: Exclude<Query, { ok: true }>, when: string): PrintResult {
    const reason: PrintFailureReason = query.reason === 'transport' || query.reason === 'stopped' ? 'transport' : 'offline';
    return this.jobFailed(reason, `${query.detail} (${when})`, undefined, false);
  }

  private jobFailed(reason: PrintFailureReason, detail?: string, state?: PrinterHealthState, count = true): PrintResult {
    if (count) this.failed(state ?? this.healthValue.state, detail === undefined ? reason : `${reason}: ${detail}`);
    return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
  }

  private failed(state: PrinterHealthState, lastError: string): void {
    this.setHealth({ state, errorCount: this.healthValue.errorCount + 1, lastError });
  }

  private setStatus(status: PrinterStatus): void {
    const prev = this.statusValue;
    this.statusValue = status;
    this.setHealth({ state: healthState(status) });
    if (
      !prev ||
      prev.online !== status.online ||
      prev.coverOpen !== status.coverOpen ||
      prev.paper !== status.paper ||
      prev.cutterError !== status.cutterError ||
      prev.unrecoverableError !== status.unrecoverableError
    ) {
      this.listeners.emit('status', { ...status });
    }
  }

  private setHealth(patch: Partial<PrinterHealth>): void {
    const prev = this.healthValue;
    const next: PrinterHealth = { ...prev, ...patch };
    if (next.state === prev.state && next.errorCount === prev.errorCount && next.lastError === prev.lastError) return;
    this.healthValue = next;
    this.listeners.emit('health', { ...next });
  }
}

/** Why a printer in this state cannot print (or did not finish), if it cannot. */
function problem(status: PrinterStatus): { reason: PrintFailureReason; detail?: string } | undefined {
  if (status.paper === 'end') return { reason: 'paper-end' };
  if (status.coverOpen) return { reason: 'cover-open' };
  if (status.cutterError) return { reason: 'cutter-error' };
  if (status.unrecoverableError) return { reason: 'offline', detail: 'unrecoverable error' };
  if (!status.online) return { reason: 'offline' };
  return undefined;
}

function healthState(status: PrinterStatus): PrinterHealthState {
  if (status.paper === 'end') return 'paper-end';
  if (status.coverOpen) return 'cover-open';
  if (status.cutterError || status.unrecoverableError) return 'error';
  if (!status.online) return 'offline';
  if (status.paper === 'near-end') return 'paper-near-end';
  return 'ok';
}
