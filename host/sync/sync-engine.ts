import { setTimeout as delay } from 'node:timers/promises';
import type { CaseChange } from '../../contracts/central-api';
import type { BreakerState, DrainReport, PullReport, SyncStatus } from '../../contracts/sync';
import type { Db } from '../../db/open';
import {
  counts,
  due,
  lastDeliveredAt,
  markDelivered,
  markPermanent,
  markRetry,
  nextDueAt,
  readCursor,
  saveCursor,
  undeliveredEntries,
} from '../../db/repositories/outbox';
import type { OutboxEntry } from '../../db/repositories/outbox';
import type { Clock } from '../clock/clock';
import { defaultBackoff, retryDelay } from './backoff';
import type { BackoffOptions } from './backoff';
import { CircuitBreaker, defaultBreaker } from './circuit-breaker';
import type { BreakerOptions } from './circuit-breaker';
import { defaultBatchSenders, defaultSenders } from './senders';
import type { BatchResult, BatchSender, CentralApiClient, Sender } from './senders';
import type { CentralResult } from './central-client';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface SyncEngineOptions {
  db: Db;
  client: CentralApiClient;
  clock: Clock;
  /** Waits of the background loop; resolves early (or rejects) when the signal aborts. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Entries in flight at once, each of a different ordering key. Default 8. */
  batchSize?: number;
  backoff?: BackoffOptions;
  breaker?: BreakerOptions;
  /** Applies one pulled change locally; the cursor moves past it only once this resolved. */
  onChange?: (change: CaseChange) => void | Promise<void>;
  /**
   * Runs inside the transaction that marks an entry delivered (e.g. stores the case number
   * on the local case), so the two commit together. If it throws, the entry stays pending
   * and the next attempt re-sends it; the Idempotency-Key makes that a replay.
   */
  onDelivered?: (entry: OutboxEntry, response: unknown) => void;
  /** Kinds the engine can send. Default: cases. */
  senders?: Readonly<Record<string, Sender>>;
  /**
   * Kinds whose due entries of a pass go in one request when the client can (default: cases,
   * POST /v1/cases/batch); `{}` sends every entry alone.
   */
  batchSenders?: Readonly<Record<string, BatchSender>>;
  /** Longest nap of the background loop when nothing is due. Default 2 s. */
  idleMs?: number;
  /** Pull the change feed at most this often from the background loop. Default 30 s. */
  pullIntervalMs?: number;
  /** Changes per page. Default 100. */
  pullLimit?: number;
  /** sync_cursor row of the change feed. */
  cursorName?: string;
}

type Outcome =
  | { type: 'delivered'; entry: OutboxEntry; response: unknown }
  | { type: 'retry'; entry: OutboxEntry; nextAt: Date; error: string }
  | { type: 'permanent'; entry: OutboxEntry; error: string }
  | { type: 'held' };

/** Records listed in the status: enough for a technician to see what is stuck, small to send. */
const STATUS_RECORDS = 50;

const defaultSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined);

/**
 * Delivers the outbox to the central API, each entry exactly once as the central API sees it:
 * an entry is re-sent with the same Idempotency-Key until an answer is recorded, and the
 * central API answers a repeat with the original result. Different ordering keys go in
 * parallel; one key's entries go one at a time, in order (the repository only ever hands
 * out a key's oldest pending entry, and a pass sends each entry at most once).
 *
 * One engine per database file. Within it, passes never overlap (concurrent `drainOnce`
 * calls share one pass), so no entry is ever in flight twice. Enqueuing while it runs is
 * safe: new entries are picked up by the next batch.
 */
export class SyncEngine {
  private readonly db: Db;
  private readonly client: CentralApiClient;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly backoff: BackoffOptions;
  private readonly breaker: CircuitBreaker;
  private readonly senders: Readonly<Record<string, Sender>>;
  private readonly batchSenders: Readonly<Record<string, BatchSender>>;
  private readonly options: SyncEngineOptions;

  private draining: Promise<DrainReport> | undefined;
  private pulling: Promise<PullReport> | undefined;
  private loop: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private stopping = false;
  private lastPullAt = Number.NEGATIVE_INFINITY;
  private lastSuccessAt: string | null;
  private lastError: string | null = null;

  constructor(options: SyncEngineOptions) {
    this.options = options;
    this.db = options.db;
    this.client = options.client;
    this.clock = options.clock;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.batchSize = Math.max(1, options.batchSize ?? 8);
    this.backoff = options.backoff ?? defaultBackoff;
    this.breaker = new CircuitBreaker(options.breaker ?? defaultBreaker, options.clock);
    this.senders = options.senders ?? defaultSenders;
    this.batchSenders = options.batchSenders ?? defaultBatchSenders;
    this.lastSuccessAt = lastDeliveredAt(this.db);
  }

  /** Starts the background loop (deliver, pull now and then, nap). Idempotent. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  /** Stops the loop after the batch in flight is recorded; resolves once it has. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
    this.stopping = false;
  }

  status(): SyncStatus {
    const c = counts(this.db);
    return {
      pending: c.pending,
      failed: c.failedPermanent,
      lastSuccessAt: this.lastSuccessAt,
      lastError: this.lastError,
      breaker: this.breaker.state,
      records: undeliveredEntries(this.db, STATUS_RECORDS),
    };
  }

  /**
   * Whether the central API is being left alone, and since when: the breaker's state and the
   * instant it first opened since the last answer (null while closed). The manager's floor alerts on it.
   */
  breakerStatus(): { state: BreakerState; openSince: string | null } {
    return { state: this.breaker.state, openSince: this.breaker.openSince?.toISOString() ?? null };
  }

  /** Sends everything due now, batch after batch; each entry at most once per pass. */
  drainOnce(): Promise<DrainReport> {
    this.draining ??= this.runDrain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Reads the change feed from the stored cursor and hands each change to `onChange`. */
  pullChanges(): Promise<PullReport> {
    this.pulling ??= this.runPull().finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.drainOnce();
        const now = this.clock.now().getTime();
        if (this.options.onChange && !signal.aborted && now - this.lastPullAt >= (this.options.pullIntervalMs ?? 30_000)) {
          this.lastPullAt = now;
          await this.pullChanges();
        }
      } catch {
        // A local failure (the database, a bug): the entries are untouched; try again after a nap.
        this.lastError = 'internal error in the sync loop';
      }
      if (!signal.aborted) await this.sleep(this.napMs(), signal);
    }
  }

  /** Until the next entry falls due or the breaker lets a probe out, within idleMs. */
  private napMs(): number {
    const idle = this.options.idleMs ?? 2_000;
    const next = nextDueAt(this.db);
    const untilDue = next === null ? idle : Date.parse(next) - this.clock.now().getTime();
    const wait = this.breaker.state === 'open' ? Math.max(untilDue, this.breaker.msUntilProbe()) : untilDue;
    // A floor keeps an entry that is due again at once (zero jitter) from spinning the loop.
    return Math.min(idle, Math.max(10, wait));
  }

  private async runDrain(): Promise<DrainReport> {
    const report: DrainReport = {
      attempted: 0,
      delivered: 0,
      retried: 0,
      failedPermanent: 0,
      heldByBreaker: 0,
      breaker: 'closed',
    };
    const sent = new Set<number>();
    while (!this.stopping) {
      const batch = due(this.db, this.clock.now(), this.batchSize).filter((e) => !sent.has(e.id));
      if (batch.length === 0) break;
      const outcomes = await this.attemptAll(batch);
      // Held entries were not sent: after a successful half-open probe they go in the next batch.
      batch.forEach((e, i) => {
        if (outcomes[i]?.type !== 'held') sent.add(e.id);
      });
      this.record(outcomes, report);
      if (outcomes.every((o) => o.type === 'held')) break;
    }
    report.breaker = this.breaker.state;
    return report;
  }

  /**
   * Sends a pass's entries: those of a kind with a batch sender the client can use, two or more,
   * in one request; the others alone, side by side. One outcome per entry, in `batch`'s order.
   */
  private async attemptAll(batch: readonly OutboxEntry[]): Promise<Outcome[]> {
    const byKind = new Map<string, number[]>();
    batch.forEach((entry, index) => {
      const sender = this.batchSenders[entry.kind];
      if (sender !== undefined && this.senders[entry.kind] !== undefined && sender.canSend(this.client)) {
        byKind.set(entry.kind, [...(byKind.get(entry.kind) ?? []), index]);
      }
    });
    const outcomes: Outcome[] = batch.map(() => ({ type: 'held' }));
    const grouped = new Set<number>();
    const work: Promise<void>[] = [];
    for (const [kind, indexes] of byKind) {
      const sender = this.batchSenders[kind];
      if (sender === undefined || indexes.length < 2) continue;
      indexes.forEach((index) => grouped.add(index));
      const entries = indexes.flatMap((index) => batch[index] ?? []);
      work.push(
        this.attemptTogether(sender, entries).then((results) =>
          results.forEach((outcome, j) => {
            const index = indexes[j];
            if (index !== undefined) outcomes[index] = outcome;
          }),
        ),
      );
    }
    batch.forEach((entry, index) => {
      if (!grouped.has(index)) work.push(this.attempt(entry).then((outcome) => void (outcomes[index] = outcome)));
    });
    await Promise.all(work);
    return outcomes;
  }

  /**
   * One request for `entries`, one breaker permit for it. A refusal of the whole request that
   * would be permanent (a 400) is not laid on every entry: each is then sent alone for its own
   * verdict, so one bad case never fails the others.
   */
  private async attemptTogether(sender: BatchSender, entries: readonly OutboxEntry[]): Promise<Outcome[]> {
    if (!this.breaker.tryAcquire()) return entries.map(() => ({ type: 'held' }));
    let reply: BatchResult;
    try {
      reply = await sender.send(this.client, entries);
    } catch {
      reply = { ok: false, kind: 'retryable', message: 'sender failed' };
    }
    if (!reply.ok && reply.kind === 'permanent') {
      this.breaker.onSuccess();
      return Promise.all(entries.map((entry) => this.attempt(entry)));
    }
    if (!reply.ok) {
      this.breaker.onFailure();
      return entries.map((entry) => this.retryOutcome(entry, reply.message));
    }
    this.breaker.onSuccess();
    return entries.map((entry, index) => this.outcomeOf(entry, reply.results[index]));
  }

  /** What one entry's result means for it (a batch's item, or a single send). */
  private outcomeOf(entry: OutboxEntry, result: CentralResult<unknown> | undefined): Outcome {
    if (result === undefined) return this.retryOutcome(entry, 'no result for this entry');
    if (result.ok) return { type: 'delivered', entry, response: result.body };
    if (result.kind === 'permanent') return { type: 'permanent', entry, error: result.message };
    return this.retryOutcome(entry, result.message);
  }

  private retryOutcome(entry: OutboxEntry, error: string): Outcome {
    return { type: 'retry', entry, nextAt: this.later(retryDelay(entry.attempts + 1, this.backoff, this.random)), error };
  }

  private async attempt(entry: OutboxEntry): Promise<Outcome> {
    const sender = this.senders[entry.kind];
    if (!sender) {
      // Enqueued by a newer build (or before the central API has the route): keep it, look again later.
      return { type: 'retry', entry, nextAt: this.later(this.backoff.maxMs), error: `no sender for kind ${entry.kind}` };
    }
    if (!this.breaker.tryAcquire()) return { type: 'held' };
    let result;
    try {
      result = await sender(this.client, entry);
    } catch {
      result = { ok: false as const, kind: 'retryable' as const, message: 'sender failed' };
    }
    if (result.ok) {
      this.breaker.onSuccess();
      return { type: 'delivered', entry, response: result.body };
    }
    if (result.kind === 'permanent') {
      this.breaker.onSuccess();
      return { type: 'permanent', entry, error: result.message };
    }
    this.breaker.onFailure();
    const wait = retryDelay(entry.attempts + 1, this.backoff, this.random);
    return { type: 'retry', entry, nextAt: this.later(wait), error: result.message };
  }

  /** Writes a batch's outcomes in one transaction: one fsync per batch, not per entry. */
  private record(outcomes: readonly Outcome[], report: DrainReport): void {
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const o of outcomes) {
        if (o.type === 'held') {
          report.heldByBreaker += 1;
          continue;
        }
        report.attempted += 1;
        if (o.type === 'delivered') this.recordDelivered(o.entry, o.response, now, report);
        else if (o.type === 'permanent') {
          markPermanent(this.db, o.entry.id, o.error);
          report.failedPermanent += 1;
          this.lastError = o.error;
        } else {
          markRetry(this.db, o.entry.id, o.nextAt, o.error);
          report.retried += 1;
          this.lastError = o.error;
        }
      }
    })();
  }

  private recordDelivered(entry: OutboxEntry, response: unknown, now: Date, report: DrainReport): void {
    try {
      // A savepoint: a failing onDelivered undoes only this entry's mark.
      this.db.transaction(() => {
        markDelivered(this.db, entry.id, response, now);
        this.options.onDelivered?.(entry, response);
      })();
      report.delivered += 1;
      this.lastSuccessAt = now.toISOString();
      this.lastError = null;
    } catch {
      const error = 'applying the central reply locally failed';
      markRetry(this.db, entry.id, this.later(retryDelay(entry.attempts + 1, this.backoff, this.random)), error);
      report.retried += 1;
      this.lastError = error;
    }
  }

  private async runPull(): Promise<PullReport> {
    const name = this.options.cursorName ?? 'central-case-changes';
    const limit = this.options.pullLimit ?? 100;
    const onChange = this.options.onChange;
    let cursor = readCursor(this.db, name) ?? '0';
    let applied = 0;
    for (;;) {
      if (!this.breaker.tryAcquire()) return { applied, cursor, complete: false, error: 'circuit breaker open' };
      const page = await this.client.changes(cursor, limit);
      if (!page.ok) {
        if (page.kind === 'retryable') this.breaker.onFailure();
        else this.breaker.onSuccess();
        this.lastError = page.message;
        return { applied, cursor, complete: false, error: page.message };
      }
      this.breaker.onSuccess();
      this.lastSuccessAt = this.clock.now().toISOString();
      for (const change of page.body.changes) {
        try {
          await onChange?.(change);
        } catch {
          // The cursor stays before this change, so the next pull hands it over again.
          return { applied, cursor, complete: false, error: 'applying a change failed' };
        }
        saveCursor(this.db, name, change.cursor, this.clock.now());
        cursor = change.cursor;
        applied += 1;
      }
      if (page.body.changes.length < limit) return { applied, cursor, complete: true };
    }
  }

  private later(ms: number): Date {
    return new Date(this.clock.now().getTime() + ms);
  }
}
