import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../../contracts/complaint-deadlines';
import type { Complaint } from '../../../contracts/complaints';
import type { Sql } from '../../../platform/db/sql';
import { EmailChannel } from '../../../platform/notify/email-channel';
import { InboxChannel } from '../../../platform/notify/inbox-channel';
import { Notifier } from '../../../platform/notify/notifier';
import { SmtpConfig } from '../../../platform/notify/smtp-config';
import { NodemailerMailSender } from '../../../platform/notify/nodemailer-sender';
import { closeDueAt } from '../../../platform/services/complaint-deadlines';
import {
  startDeadlineSweep,
  sweepComplaintDeadlines,
  type ComplaintNoticePort,
  type DeadlineSweepOptions,
  type SweepResult,
} from '../../../platform/services/complaint-deadline-sweep';
import { NoticeInboxService } from '../../../platform/services/notice-inbox-service';
import { deliveriesOfComplaint } from '../../../platform/store/complaint-notices-sent';
import { readMail, startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver';
import { act, beijing, district, people, registered, walk } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';
import { capturingLog, desk, portOf } from '../support/notices';

const context = { rules: DEFAULT_DEADLINE_RULES, clock: district };

/**
 * Registered Friday 27 November 2026 10:00, dispatched at 16:00 to market-regulation and never
 * accepted: the acceptance was due Monday 30 November at 24:00.
 */
function missedAcceptance(): Complaint {
  const complaint = registered('2026-11-27T10:00', closeDueAt('approval', beijing('2026-11-27T10:00'), context));
  return walk(complaint, [[act.dispatch('market-regulation'), people.sorter, '2026-11-27T16:00']]);
}

/** Tuesday 1 December, 10:00 in Beijing: the 督办单 of the missed acceptance is due, and the reply's reminder. */
const TUESDAY = new Date(beijing('2026-12-01T10:00'));

describeEachDatabase('the deadline sweep, with an SMTP server (smtp-server, tests/support/smtp-receiver.ts)', (database) => {
  let smtp: SmtpReceiver;
  let now: Date;
  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    now = TUESDAY;
  });
  afterEach(async () => {
    await smtp.close();
  });

  /** One platform instance's notifier: its own SMTP sender and inbox channel over the shared database. */
  function instance(sql: Sql, log = capturingLog()): Notifier {
    const config = SmtpConfig.parse({
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: null,
      password: null,
      from: 'notice@district.example',
      timeoutMs: 5000,
    });
    const clock = () => now;
    return new Notifier(sql, [new InboxChannel(sql, clock), new EmailChannel(new NodemailerMailSender(config, clock))], {
      now: clock,
      log,
    });
  }

  function sweepWith(
    notifier: Notifier,
    port: ComplaintNoticePort = portOf(() => [missedAcceptance()]),
    log = capturingLog(),
  ): Promise<SweepResult> {
    const options: DeadlineSweepOptions = { port, notifier, context: () => context, log };
    return sweepComplaintDeadlines(options, now);
  }

  it('sends a missed deadline’s 督办单 by e-mail and to the inbox, once across two instances and two sweeps', async () => {
    const { sql } = database();
    const [first, second] = await Promise.all([sweepWith(instance(sql)), sweepWith(instance(sql))]);
    const again = await sweepWith(instance(sql));

    // Due now: the acceptance's 督办单 and the reply's reminder, each to the unit's two active handlers.
    // The acceptance's reminder of Monday 09:00 went stale with its deadline: the 督办单 says it now.
    expect([first.due, first.stale]).toEqual([2, 1]);
    const sent = (r: typeof first) => r.deliveries.sent;
    expect(sent(first) + sent(second) + sent(again)).toBe(6); // 2 notices × (2 inboxes + 1 address)
    // The third sweep finds both notices handed out and does not even look their recipients up.
    expect(again.handledBefore).toBe(2);
    expect(again.deliveries).toEqual({ sent: 0, failed: 0, alreadySent: 0, unreachable: 0 });

    // The mail server got each e-mail once, the handler with an address only.
    expect(smtp.received.map((m) => m.to)).toEqual([['li.handler@district.example'], ['li.handler@district.example']]);
    const mails = smtp.received.map(readMail);
    const order = mails.find((m) => m.subject.includes('督办单'));
    expect(order?.subject).toBe('【督办单】营商诉求 HK20261127000001「签收」已超期');
    expect(order?.text).toContain('办理期限：2026年11月30日（星期一）24:00（北京时间）');
    expect(order?.text).toContain('诉求编号：HK20261127000001');
    for (const mail of mails) {
      // Never the enterprise's contact: not its name, not its phone.
      expect(`${mail.subject}${mail.text}`).not.toMatch(/赵六|13800000000/);
    }
    expect(mails.map((m) => m.subject)).toContainEqual('【到期提醒】营商诉求 HK20261127000001「答复」将于下一个工作日到期');

    // Both handlers find both notices in their inbox, once.
    const inbox = new NoticeInboxService(sql, () => now);
    for (const handler of [desk.leadHandler, desk.secondHandler]) {
      const page = await inbox.list(handler.id);
      expect(page.items.map((i) => [i.kind, i.stage])).toEqual(
        expect.arrayContaining([
          ['supervision_order', 'accept'],
          ['reminder_before', 'reply'],
        ]),
      );
      expect(page.unread).toBe(2);
    }
    expect((await inbox.list(desk.formerHandler.id)).items).toEqual([]);
    expect((await inbox.list(desk.leadLeader.id)).items).toEqual([]);
  });

  it('retries an e-mail the mail server refused, after its backoff, and records each attempt', async () => {
    const { sql } = database();
    const log = capturingLog();
    smtp.refuseNext(1);
    const first = await sweepWith(instance(sql, log));
    expect(first.deliveries.failed).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const failed = (await deliveriesOfComplaint(sql, 'HK20261127000001')).filter((d) => d.status === 'failed');
    expect(failed.map((d) => [d.channel, d.attempts, d.lastError])).toEqual([['email', 1, '451']]);

    // Before the backoff (a minute) passed, the next sweep leaves it.
    now = new Date(TUESDAY.getTime() + 30_000);
    expect((await sweepWith(instance(sql, log))).retries.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);

    // After it, another instance's sweep sends it: once, and never again.
    now = new Date(TUESDAY.getTime() + 61_000);
    expect((await sweepWith(instance(sql, log))).retries).toEqual({ sent: 1, failed: 0, alreadySent: 0, unreachable: 0 });
    now = new Date(TUESDAY.getTime() + 3_600_000);
    await sweepWith(instance(sql, log));
    expect(smtp.received).toHaveLength(2);
    const emails = (await deliveriesOfComplaint(sql, 'HK20261127000001')).filter((d) => d.channel === 'email');
    expect(emails.map((d) => [d.status, d.lastError])).toEqual([
      ['sent', null],
      ['sent', null],
    ]);
    expect(emails.map((d) => d.attempts).sort()).toEqual([1, 2]);

    // The log said what happened by codes and numbers, and named nobody.
    expect(log.lines.some((line) => line.includes('"code":"451"'))).toBe(true);
    const personal = [
      ...Object.values(desk).flatMap((p) => [p.name, p.email, p.phone, p.id]),
      '赵六',
      '13800000000',
      '星河示例科技',
    ];
    for (const line of log.lines) for (const value of personal) if (value !== null) expect(line).not.toContain(value);
  });

  it('keeps a failed e-mail when its complaint moves on, and sends what it would have sent', async () => {
    const { sql } = database();
    smtp.refuseNext(2);
    await sweepWith(instance(sql));
    expect(smtp.received).toHaveLength(0);
    // The lead unit accepts: no new notice of the acceptance, but the 督办单 that failed still goes.
    const accepted = walk(missedAcceptance(), [[act.accept, people.leadHandler, '2026-12-01T10:05']]);
    now = new Date(TUESDAY.getTime() + 10 * 60_000);
    await sweepWith(
      instance(sql),
      portOf(() => [accepted]),
    );
    expect(smtp.received.map((m) => readMail(m).subject).sort()).toEqual([
      '【到期提醒】营商诉求 HK20261127000001「答复」将于下一个工作日到期',
      '【督办单】营商诉求 HK20261127000001「签收」已超期',
    ]);
  });

  it('sends nothing for a concluded complaint, nor before a notice’s time', async () => {
    const { sql } = database();
    now = new Date(beijing('2026-11-27T17:00'));
    const early = await sweepWith(instance(sql));
    expect([early.due, early.deliveries.sent]).toEqual([0, 0]);
    const closed = { ...missedAcceptance(), state: 'closed' as const };
    now = TUESDAY;
    const done = await sweepWith(
      instance(sql),
      portOf(() => [closed]),
    );
    expect([done.complaints, done.due]).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('the deadline sweep’s timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function blockingPort() {
    const calls: (() => void)[] = [];
    const port: ComplaintNoticePort = {
      openComplaints: () =>
        new Promise((resolve) => {
          calls.push(() => resolve([]));
        }),
      recipients: () => Promise.resolve([]),
    };
    return { port, calls };
  }

  const quietNotifier = {
    notifyAll: () => Promise.resolve([]),
    retryDue: () => Promise.resolve([]),
    claimedKeys: () => Promise.resolve(new Set<string>()),
  };

  it('runs at start and every interval, never two sweeps at once, and stops for good', async () => {
    const { port, calls } = blockingPort();
    const timer = startDeadlineSweep({
      intervalMs: 60_000,
      port,
      notifier: quietNotifier,
      context: () => context,
      now: () => new Date(),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // The first sweep hangs for five intervals: no second one starts beside it.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toHaveLength(1);
    calls[0]?.();
    // It overran its interval, so the next starts at once, and the one after a minute later.
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]?.();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(3);

    // Stopping waits for the sweep under way, then nothing more runs.
    let stopped = false;
    const stopping = timer.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    calls[2]?.();
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(3);
  });

  it('goes on after a sweep that failed, logging its code only', async () => {
    let runs = 0;
    const port: ComplaintNoticePort = {
      openComplaints: () => {
        runs += 1;
        return runs === 1
          ? Promise.reject(Object.assign(new Error('赵六 13800000000'), { code: 'ECONNRESET' }))
          : Promise.resolve([]);
      },
      recipients: () => Promise.resolve([]),
    };
    const log = capturingLog();
    const timer = startDeadlineSweep({
      intervalMs: 60_000,
      port,
      notifier: quietNotifier,
      context: () => context,
      now: () => new Date(),
      log,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
    expect(log.lines).toEqual([
      JSON.stringify({ code: 'ECONNRESET', message: 'deadline sweep failed; tried again at the next' }),
    ]);
    await timer.stop();
  });
});
