import type { DeadlineNotice, NoticeKind } from '../../contracts/complaint-deadlines';
import { isOpenComplaint, type Complaint, type Person } from '../../contracts/complaints';
import { deadlineNoticeText } from '../notify/deadline-notice-text';
import { failureCode, SILENT_LOG, type NotifierLog } from '../notify/notice';
import type { ChannelReport, Notifier } from '../notify/notifier';
import { deadlineNotices, type DeadlineContext } from './complaint-deadlines';

/**
 * The deadline sweep (issue 21, point 4): every minute, each open complaint's deadline notices
 * (`deadlineNotices`) whose time has come go to their recipients through the notifier, which
 * sends each once per person and channel whatever the number of sweeps and instances; failed
 * deliveries whose backoff passed are tried again first. The complaints and the people come
 * through a port the complaint services implement, so the sweep knows no table.
 */

/** What the sweep needs of the complaint desk. */
export interface ComplaintNoticePort {
  /** The complaints not yet concluded (closed, not admitted, merged complaints have no clocks running). */
  openComplaints(): Promise<Complaint[]>;
  /** The people a notice reaches (`notice.to`: a unit's handlers or leader, one of them, or a bureau role's holders). */
  recipients(notice: DeadlineNotice): Promise<Person[]>;
}

export interface DeadlineSweepOptions {
  port: ComplaintNoticePort;
  notifier: Pick<Notifier, 'notifyAll' | 'retryDue' | 'claimedKeys'>;
  /** The rules and the calendar in force (they are the 营商局's to edit, so read at each sweep). */
  context: () => DeadlineContext | Promise<DeadlineContext>;
  log?: NotifierLog;
}

export interface DeliveryCounts {
  sent: number;
  failed: number;
  alreadySent: number;
  unreachable: number;
}

/** What one sweep did, in counts: no names, no addresses. */
export interface SweepResult {
  at: string;
  complaints: number;
  /** Notices whose time had come (each to one or more people). */
  due: number;
  /** Reminders whose deadline had passed before they went (the platform was down): left to the 督办单. */
  stale: number;
  /** Due notices nobody receives (a unit without a leader, a role nobody holds). */
  unaddressed: number;
  /** Due notices handed out by an earlier sweep (of this instance or another): not looked at again. */
  handledBefore: number;
  deliveries: DeliveryCounts;
  retries: DeliveryCounts;
}

const REMINDERS: ReadonlySet<NoticeKind> = new Set(['reminder_before', 'reminder_due', 'leader_reminder']);

function counts(reports: readonly ChannelReport[]): DeliveryCounts {
  const of = (outcome: ChannelReport['outcome']) => reports.filter((r) => r.outcome === outcome).length;
  return { sent: of('sent'), failed: of('failed'), alreadySent: of('already_claimed'), unreachable: of('unreachable') };
}

/** One sweep as of `now`. */
export async function sweepComplaintDeadlines(options: DeadlineSweepOptions, now: Date): Promise<SweepResult> {
  const { port, notifier } = options;
  const retries = await notifier.retryDue();
  const context = await options.context();
  const complaints = (await port.openComplaints()).filter((complaint) => isOpenComplaint(complaint.state));
  const reports: ChannelReport[] = [];
  let stale = 0;
  let unaddressed = 0;
  const due: { notice: DeadlineNotice; complaint: Complaint }[] = [];
  for (const complaint of complaints) {
    for (const notice of deadlineNotices(complaint, context)) {
      if (Date.parse(notice.at) > now.getTime()) continue;
      // A reminder is for before the deadline: once it passed, the 督办单 says what there is to say.
      if (REMINDERS.has(notice.kind) && Date.parse(notice.dueAt) < now.getTime()) {
        stale += 1;
        continue;
      }
      due.push({ notice, complaint });
    }
  }
  // A notice is claimed for all its recipients at once (Notifier.notifyAll), so one claimed
  // before was handed out whole: its recipients are not looked up again at every sweep.
  const handled = await notifier.claimedKeys(due.map(({ notice }) => notice.key));
  for (const { notice, complaint } of due) {
    if (handled.has(notice.key)) continue;
    const people = uniqueActive(await port.recipients(notice));
    if (people.length === 0) unaddressed += 1;
    const text = deadlineNoticeText(notice, complaint, context.clock, now);
    reports.push(
      ...(await notifier.notifyAll(
        people.map((person) => ({
          key: notice.key,
          kind: notice.kind,
          stage: notice.stage,
          complaintNumber: notice.complaintNumber,
          dueAt: notice.dueAt,
          recipient: { id: person.id, email: person.email },
          ...text,
        })),
      )),
    );
  }
  return {
    at: now.toISOString(),
    complaints: complaints.length,
    due: due.length,
    stale,
    unaddressed,
    handledBefore: handled.size,
    deliveries: counts(reports),
    retries: counts(retries),
  };
}

/** Each active person once: a leader who is also a handler of the unit is told once. */
function uniqueActive(people: readonly Person[]): Person[] {
  const byId = new Map<string, Person>();
  for (const person of people) if (person.active && !byId.has(person.id)) byId.set(person.id, person);
  return [...byId.values()];
}

export interface DeadlineSweepTimer {
  /** Stops the timer and waits for a sweep under way to end; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Runs the sweep at once and then every `intervalMs` (a minute, in the platform) until stopped.
 * A sweep never overlaps the one before in this process: the next is scheduled when the last
 * ends (other instances are kept apart by the notifier's claims). A sweep that fails is logged
 * by its code and the timer goes on. The timer does not keep the process alive by itself.
 */
export function startDeadlineSweep(
  options: DeadlineSweepOptions & { intervalMs: number; now: () => Date; onSweep?: (result: SweepResult) => void },
): DeadlineSweepTimer {
  const log = options.log ?? SILENT_LOG;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = async (): Promise<void> => {
    const started = Date.now();
    try {
      const result = await sweepComplaintDeadlines(options, options.now());
      options.onSweep?.(result);
      if (result.deliveries.sent + result.deliveries.failed + result.retries.sent + result.retries.failed > 0) {
        log.info(
          { ...result.deliveries, retried: result.retries.sent, retryFailed: result.retries.failed, due: result.due },
          'deadline sweep',
        );
      }
    } catch (error) {
      log.warn({ code: failureCode(error) }, 'deadline sweep failed; tried again at the next');
    }
    if (stopped) return;
    timer = setTimeout(tick, Math.max(0, options.intervalMs - (Date.now() - started)));
    timer.unref();
  };
  const tick = () => {
    running = run();
  };

  tick();
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
