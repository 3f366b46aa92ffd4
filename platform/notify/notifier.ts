import type { Sql } from '../db/sql';
import {
  claimDelivery,
  claimedNoticeKeys,
  markDeliveryFailed,
  markDeliverySent,
  reclaimDueDeliveries,
  type DeliveryChannel,
} from '../store/complaint-notices-sent';
import {
  failureCode,
  SILENT_LOG,
  type Delivery,
  type Notice,
  type NoticeChannel,
  type NoticeChannelName,
  type NotifierLog,
} from './notice';

/**
 * Sends notices through its channels, each once per person and channel, whichever instance or
 * sweep finds it due: a delivery is claimed (`complaint_notices_sent`, INSERT … ON CONFLICT DO
 * NOTHING) before it is attempted, and only the claimer attempts it. A failed attempt is recorded
 * with its code and tried again after a backoff (`retryDue`, at every sweep), until it goes: never
 * lost, and never sent again once it went. A claim whose instance died mid-attempt is taken over
 * when its lease ends; that one case may send twice (the mail server may have taken the message
 * before the instance died), which beats losing a 督办单.
 */

export type DeliveryOutcome = 'sent' | 'failed' | 'already_claimed' | 'unreachable';

export interface ChannelReport {
  channel: NoticeChannelName;
  outcome: DeliveryOutcome;
  /** The failure's code, for `failed`. */
  code?: string;
}

export interface NotifierOptions {
  now: () => Date;
  /** How long a claim is its sender's before another instance may take it over (default 10 minutes, beyond any SMTP timeout). */
  leaseMs?: number;
  /** The wait before attempt n + 1 after n failed ones (default 1, 2, 4 … minutes, at most an hour). */
  backoffMs?: (failedAttempts: number) => number;
  log?: NotifierLog;
}

const MINUTE_MS = 60_000;

export function defaultBackoffMs(failedAttempts: number): number {
  return Math.min(60 * MINUTE_MS, MINUTE_MS * 2 ** Math.max(0, failedAttempts - 1));
}

function deliveryOf(notice: Notice, address: string | null): Delivery {
  return {
    noticeKey: notice.key,
    personId: notice.recipient.id,
    complaintNumber: notice.complaintNumber,
    kind: notice.kind,
    stage: notice.stage,
    dueAt: new Date(notice.dueAt),
    subject: notice.subject,
    body: notice.body,
    address,
  };
}

export class Notifier {
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly backoffMs: (failedAttempts: number) => number;
  private readonly log: NotifierLog;

  constructor(
    private readonly sql: Sql,
    private readonly channels: readonly NoticeChannel[],
    options: NotifierOptions,
  ) {
    this.now = options.now;
    this.leaseMs = options.leaseMs ?? 10 * MINUTE_MS;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.log = options.log ?? SILENT_LOG;
  }

  /** The channels this notifier sends through, by name. */
  get channelNames(): NoticeChannelName[] {
    return this.channels.map((channel) => channel.name);
  }

  /** Sends the notice through every channel that reaches its recipient and has not had it yet. */
  notify(notice: Notice): Promise<ChannelReport[]> {
    return this.notifyAll([notice]);
  }

  /**
   * Sends notices (one notice's recipients, typically) through every channel that reaches each
   * recipient and has not had it yet. Every delivery is claimed first, all in one transaction,
   * so a notice is claimed for all its recipients or for none: an instance that dies between
   * recipients leaves no one forgotten (`claimedKeys` may then skip the whole notice).
   */
  async notifyAll(notices: readonly Notice[]): Promise<ChannelReport[]> {
    const reports: ChannelReport[] = [];
    const claimed: { channel: NoticeChannel; delivery: Delivery; report: number }[] = [];
    const now = this.now();
    const claimedUntil = new Date(now.getTime() + this.leaseMs);
    await this.sql.transaction(async (tx) => {
      for (const notice of notices) {
        for (const channel of this.channels) {
          const reach = channel.reach(notice.recipient);
          if (!reach.reachable) {
            reports.push({ channel: channel.name, outcome: 'unreachable' });
            continue;
          }
          const delivery = deliveryOf(notice, reach.address);
          if (await claimDelivery(tx, { ...delivery, channel: channel.name }, now, claimedUntil)) {
            claimed.push({ channel, delivery, report: reports.length });
          }
          reports.push({ channel: channel.name, outcome: 'already_claimed' });
        }
      }
    });
    for (const { channel, delivery, report } of claimed) reports[report] = await this.attempt(channel, delivery, 0);
    return reports;
  }

  /** Which of the notice keys were claimed before (for someone, on some channel): the sweep skips them. */
  claimedKeys(keys: readonly string[]): Promise<Set<string>> {
    return claimedNoticeKeys(this.sql, keys);
  }

  /**
   * Tries again the deliveries due again now (failures whose backoff passed, claims whose sender
   * went away), up to `limit`, through the channels this notifier has; another instance's
   * channels are left to it.
   */
  async retryDue(limit = 100): Promise<ChannelReport[]> {
    const now = this.now();
    const rows = await reclaimDueDeliveries(this.sql, now, new Date(now.getTime() + this.leaseMs), limit, this.channelNames);
    const reports: ChannelReport[] = [];
    for (const row of rows) {
      const channel = this.channels.find((c) => c.name === row.channel);
      if (channel === undefined) continue;
      reports.push(await this.attempt(channel, row, row.attempts));
    }
    return reports;
  }

  private async attempt(channel: NoticeChannel, delivery: Delivery, attemptsBefore: number): Promise<ChannelReport> {
    const id = { noticeKey: delivery.noticeKey, personId: delivery.personId, channel: channel.name satisfies DeliveryChannel };
    const fields = {
      channel: channel.name,
      complaintNumber: delivery.complaintNumber,
      kind: delivery.kind,
      stage: delivery.stage,
    };
    try {
      await channel.deliver(delivery);
    } catch (error) {
      const code = failureCode(error);
      const attempts = attemptsBefore + 1;
      const retryAt = new Date(this.now().getTime() + this.backoffMs(attempts));
      await markDeliveryFailed(this.sql, id, code, retryAt);
      this.log.warn({ ...fields, code, attempts, retryAt: retryAt.toISOString() }, 'notice not delivered; retried later');
      return { channel: channel.name, outcome: 'failed', code };
    }
    await markDeliverySent(this.sql, id, this.now());
    this.log.info({ ...fields, attempts: attemptsBefore + 1 }, 'notice delivered');
    return { channel: channel.name, outcome: 'sent' };
  }
}
