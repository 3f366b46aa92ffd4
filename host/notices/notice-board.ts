import { randomUUID } from 'node:crypto';
import type { StaffPrincipal } from '../../contracts/auth';
import type { Notice, NoticesResponse } from '../../contracts/central-api';
import {
  HALL_MACHINE_TARGET,
  noticeStateAt,
  type EditNoticeRequest,
  type HallNotice,
  type HallNoticeRecord,
  type HallNoticeRecords,
  type HallNotices,
  type NoticeAudience,
  type NoticeAudienceView,
  type NoticeTerminalList,
  type PublishNoticeRequest,
} from '../../contracts/notices';
import { pageOf, type PageQuery } from '../../contracts/page';
import type { Db } from '../../db/open';
import {
  allNotices,
  allNoticesPage,
  currentNotices,
  currentNoticesFor,
  editLocalNotice,
  insertLocalNotice,
  lastNoticePull,
  noticeById,
  noticeTerminalsByIds,
  noticeTerminalsPage,
  replaceCentralNotices,
  withdrawLocalNotice,
} from '../../db/repositories/notices';
import type { CentralNoticeRow, NoticeTerminalRow, StoredNotice } from '../../db/repositories/notices';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import type { CentralResult } from '../sync/central-client';

/** The one call the board makes; CentralExtrasClient implements it, tests may stub it. */
export interface NoticeSource {
  notices(hallId: string): Promise<CentralResult<NoticesResponse>>;
}

export interface NoticeRefreshReport {
  outcome: 'updated' | 'unreachable';
  /** Status and error code only when unreachable. */
  error?: string;
}

/**
 * Which screen asks for the notices showing: the hall machine's own pages (`'hall'`), a paired
 * hall TV or secondary kiosk (its terminal id), or null for a screen no notice can choose (a
 * counter PC): it sees the notices for every screen only. See `noticeScreenOf`.
 */
export type NoticeScreen = string | null;

/** A notice to publish: everywhere when no audience is given. */
export type NoticeToPublish = Omit<PublishNoticeRequest, 'audience'> & { audience?: NoticeAudience };

export interface NoticeBoardOptions {
  db: Db;
  source: NoticeSource;
  hallId: string;
  clock: Clock;
  bus: EventBus;
}

export interface NoticeBoardTiming {
  /** How often the central API is asked. Default 5 minutes. */
  pullIntervalMs?: number;
  /** How often the board checks whether a notice started or ended. Default 1 minute. */
  tickMs?: number;
}

/**
 * The hall's notices (通知公告): the central API's, cached in SQLite so the hall shows them while
 * the central API is unreachable (the kiosk never assumes it is up), and the hall's own, which
 * supervisors publish and withdraw. Screens read `current()` and re-read it on `notices.changed`,
 * which the board publishes whenever what they show changes, including when a notice starts or
 * ends with nobody acting.
 */
export class NoticeBoard {
  private fetchedAt: string | null;
  /** Whether the last pull succeeded; false until the first one did. */
  private reachable = false;
  /** What the screens were last told they show (see `showingKey`). */
  private shown: string;
  private lastPullAtMs = Number.NEGATIVE_INFINITY;
  private pulling: Promise<NoticeRefreshReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private pullIntervalMs = 5 * 60_000;

  constructor(private readonly o: NoticeBoardOptions) {
    this.fetchedAt = lastNoticePull(o.db);
    this.shown = this.showingKey();
  }

  /**
   * The notices showing now on one screen (see `NoticeScreen`; this machine's own pages when
   * left out), newest publication first, and how fresh the central ones are.
   */
  current(screen: NoticeScreen = HALL_MACHINE_TARGET): HallNotices {
    const source = this.reachable ? 'central' : this.fetchedAt === null ? 'local-only' : 'cache';
    const notices = currentNoticesFor(this.o.db, this.nowIso(), screen).map(toHallNotice);
    return { notices, source, fetchedAt: this.fetchedAt };
  }

  /** Every notice, past, future and withdrawn ones too: the supervisor's list. */
  all(): HallNoticeRecord[] {
    return this.records(allNotices(this.o.db));
  }

  /** One page of every notice, newest first (the supervisors' list route: never the whole table). */
  page(page: PageQuery): HallNoticeRecords {
    const { rows, next } = pageOf(allNoticesPage(this.o.db, { limit: page.limit + 1, offset: page.offset }), page);
    return { notices: this.records(rows), next };
  }

  /** A page of the screens a notice may choose besides this machine: live hall TVs and secondary kiosks. */
  terminals(page: PageQuery): NoticeTerminalList {
    const { rows, next } = pageOf(noticeTerminalsPage(this.o.db, { limit: page.limit + 1, offset: page.offset }), page);
    return { terminals: rows, next };
  }

  /**
   * Pulls this hall's notices from the central API and replaces the cached central set; never
   * throws for a network or server failure. A pull already under way is joined, not repeated.
   */
  refresh(): Promise<NoticeRefreshReport> {
    this.pulling ??= this.pull().finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  /** Once a minute: pull when due, otherwise only tell the screens about notices that started or ended. */
  async tick(): Promise<void> {
    if (this.o.clock.now().getTime() - this.lastPullAtMs >= this.pullIntervalMs) await this.refresh();
    else this.announceIfChanged();
  }

  /** Pulls now, then ticks every `tickMs` (pulling every `pullIntervalMs`). Idempotent. */
  start(timing: NoticeBoardTiming = {}): void {
    if (this.timer) return;
    this.stopped = false;
    this.pullIntervalMs = timing.pullIntervalMs ?? this.pullIntervalMs;
    void this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.tick().catch(() => undefined), timing.tickMs ?? 60_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    // A pull still in flight lands after the host closed its database: it must not write.
    this.stopped = true;
  }

  /** A supervisor's notice: stored with its screens and its audit entry in one transaction. */
  publish(request: NoticeToPublish, staff: StaffPrincipal): HallNoticeRecord {
    const now = this.nowIso();
    const startsAt = request.startsAt === undefined ? now : utc(request.startsAt);
    const endsAt = this.checkedEnd(request.endsAt, startsAt, now);
    const id = randomUUID();
    this.o.db.transaction(() => {
      const targets = this.checkedTargets(request.audience ?? { scope: 'all' });
      insertLocalNotice(this.o.db, {
        id,
        title: request.title,
        body: request.body,
        publishedAt: now,
        startsAt,
        endsAt,
        createdBy: staff.staffNo,
        targets,
      });
      audit(this.o.db, this.o.clock, 'notice.publish', {
        staffId: staff.id,
        windowId: staff.windowId,
        details: { noticeId: id, title: request.title, startsAt, endsAt, screens: targets ?? 'all' },
      });
    })();
    this.announceIfChanged();
    return this.record(id);
  }

  /**
   * A hall notice edited: title, text, window of time and screens, stamped and audited (the
   * fields that changed, not their text) in one transaction. Central notices are the central
   * API's; a withdrawn notice is history and stays as it was.
   */
  edit(id: string, request: EditNoticeRequest, staff: StaffPrincipal): HallNoticeRecord {
    const now = this.nowIso();
    this.o.db.transaction(() => {
      const before = noticeById(this.o.db, id);
      if (!before) throw new HostError('notice_unknown', '没有这条公告');
      if (before.source !== 'local') throw new HostError('notice_not_local', '上级发布的公告只能由上级修改');
      if (before.withdrawnAt !== null) throw new HostError('invalid_state', '已撤回的公告不能修改');
      const startsAt = request.startsAt === undefined ? before.startsAt : utc(request.startsAt);
      const endsAt = this.checkedEnd(request.endsAt, startsAt, now);
      const targets = this.checkedTargets(request.audience);
      const after = { title: request.title, body: request.body, startsAt, endsAt, targets };
      editLocalNotice(this.o.db, id, { ...after, editedAt: now, editedBy: staff.staffNo });
      audit(this.o.db, this.o.clock, 'notice.edit', {
        staffId: staff.id,
        windowId: staff.windowId,
        details: { noticeId: id, changed: changedFields(before, after), screens: targets ?? 'all' },
      });
    })();
    this.announceIfChanged();
    return this.record(id);
  }

  /**
   * Withdraws a local notice. Withdrawing one already withdrawn answers with it unchanged (a
   * retried request is not an error); central notices are the central API's to withdraw.
   */
  withdraw(id: string, staff: StaffPrincipal): HallNoticeRecord {
    this.o.db.transaction(() => {
      const notice = noticeById(this.o.db, id);
      if (!notice) throw new HostError('notice_unknown', '没有这条公告');
      if (notice.source !== 'local') throw new HostError('notice_not_local', '上级发布的公告只能由上级撤回');
      if (!withdrawLocalNotice(this.o.db, id, this.nowIso())) return;
      audit(this.o.db, this.o.clock, 'notice.withdraw', {
        staffId: staff.id,
        windowId: staff.windowId,
        details: { noticeId: id },
      });
    })();
    this.announceIfChanged();
    return this.record(id);
  }

  private async pull(): Promise<NoticeRefreshReport> {
    // Timed from the attempt, so a pull that hangs until its timeout does not shift the schedule.
    this.lastPullAtMs = this.o.clock.now().getTime();
    const reply = await this.o.source.notices(this.o.hallId);
    if (this.stopped) return { outcome: 'unreachable', error: 'stopped' };
    if (!reply.ok) {
      // Keep showing the cached copy; current() now says it may be stale.
      this.reachable = false;
      this.announceIfChanged();
      return { outcome: 'unreachable', error: reply.message };
    }
    const now = this.nowIso();
    replaceCentralNotices(this.o.db, reply.body.notices.flatMap(toCentralRow), now);
    this.fetchedAt = now;
    this.reachable = true;
    this.announceIfChanged();
    return { outcome: 'updated' };
  }

  /** Publishes `notices.changed` when what the screens show differs from what they were last told. */
  private announceIfChanged(): void {
    const showing = this.showingKey();
    if (showing === this.shown) return;
    this.shown = showing;
    this.o.bus.publish({ type: 'notices.changed' });
  }

  /**
   * Everything a screen renders of the notices showing now, on any screen; an edited title, or
   * a notice moved to other screens, counts as a change (each screen then reads its own list).
   */
  private showingKey(): string {
    return JSON.stringify(
      currentNotices(this.o.db, this.nowIso()).map((n) => [
        n.id,
        n.title,
        n.body,
        n.publishedAt,
        n.endsAt,
        n.audience,
        n.targets,
      ]),
    );
  }

  /**
   * The end of a notice being written: null (until withdrawn), or after its start and after
   * now: a notice that could never show is a mistake to point out, not one to store. The
   * contract checks a given start; a defaulted or kept one is only known here.
   */
  private checkedEnd(requested: string | undefined, startsAt: string, now: string): string | null {
    if (requested === undefined) return null;
    const endsAt = utc(requested);
    if (endsAt <= startsAt) throw new HostError('invalid_request', '结束时间须晚于开始时间', { field: 'endsAt' });
    if (endsAt <= now) throw new HostError('invalid_request', '结束时间须晚于现在', { field: 'endsAt' });
    return endsAt;
  }

  /** The stored targets of an audience (null: every screen); each terminal must be a live TV or secondary kiosk. */
  private checkedTargets(audience: NoticeAudience): string[] | null {
    if (audience.scope === 'all') return null;
    const live = new Set(
      noticeTerminalsByIds(this.o.db, audience.terminalIds)
        .filter((t) => !t.revoked)
        .map((t) => t.id),
    );
    const unknown = audience.terminalIds.filter((id) => !live.has(id));
    if (unknown.length > 0) {
      throw new HostError('invalid_request', '所选的屏幕或终端不存在或已撤销', {
        field: 'audience.terminalIds',
        terminalIds: unknown,
      });
    }
    return [...(audience.hall ? [HALL_MACHINE_TARGET] : []), ...audience.terminalIds];
  }

  /** Notices as supervisors read them, their chosen terminals named (one lookup for the whole list). */
  private records(notices: readonly StoredNotice[]): HallNoticeRecord[] {
    const ids = [...new Set(notices.flatMap((n) => n.targets.filter((t) => t !== HALL_MACHINE_TARGET)))];
    const terminals = new Map(noticeTerminalsByIds(this.o.db, ids).map((t) => [t.id, t]));
    const now = this.o.clock.now().getTime();
    return notices.map((n) => toRecord(n, audienceView(n, terminals), now));
  }

  private stored(id: string): StoredNotice {
    const notice = noticeById(this.o.db, id);
    if (!notice) throw new HostError('notice_unknown', '没有这条公告');
    return notice;
  }

  private record(id: string): HallNoticeRecord {
    const [record] = this.records([this.stored(id)]);
    if (!record) throw new HostError('notice_unknown', '没有这条公告');
    return record;
  }

  private nowIso(): string {
    return this.o.clock.now().toISOString();
  }
}

/**
 * Normalised to toISOString's form: the stored times are compared as text, and "…00Z" sorts after
 * "…00.000Z" although they are the same instant.
 */
function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * A central notice as stored, or none: one that ends before it starts is never shown, and storing
 * it would break the table's CHECK and with it the whole replacement.
 */
function toCentralRow(notice: Notice): CentralNoticeRow[] {
  const startsAt = utc(notice.startsAt);
  const endsAt = notice.endsAt === undefined ? null : utc(notice.endsAt);
  if (endsAt !== null && endsAt <= startsAt) return [];
  return [{ id: notice.id, title: notice.title, body: notice.body, publishedAt: utc(notice.publishedAt), startsAt, endsAt }];
}

function toHallNotice(n: StoredNotice): HallNotice {
  return {
    id: n.id,
    source: n.source,
    title: n.title,
    body: n.body,
    publishedAt: n.publishedAt,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
  };
}

function toRecord(n: StoredNotice, audience: NoticeAudienceView, nowMs: number): HallNoticeRecord {
  return {
    ...toHallNotice(n),
    withdrawnAt: n.withdrawnAt,
    createdBy: n.createdBy,
    audience,
    editedAt: n.editedAt,
    editedBy: n.editedBy,
    state: noticeStateAt(n, nowMs),
  };
}

/** A notice's screens with their names; a target whose terminal row is gone is left out. */
function audienceView(n: StoredNotice, terminals: ReadonlyMap<string, NoticeTerminalRow>): NoticeAudienceView {
  if (n.audience === 'all') return { scope: 'all' };
  return {
    scope: 'chosen',
    hall: n.targets.includes(HALL_MACHINE_TARGET),
    // By name, as the list of screens to choose from is.
    terminals: n.targets.flatMap((t) => terminals.get(t) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** Which of an edit's fields differ from the notice before it (their names only: the audit keeps no text). */
function changedFields(
  before: StoredNotice,
  after: { title: string; body: string; startsAt: string; endsAt: string | null; targets: readonly string[] | null },
): string[] {
  const targetsBefore = before.audience === 'all' ? null : before.targets;
  const targetsAfter = after.targets === null ? null : [...after.targets].sort();
  return [
    ...(before.title === after.title ? [] : ['title']),
    ...(before.body === after.body ? [] : ['body']),
    ...(before.startsAt === after.startsAt ? [] : ['startsAt']),
    ...(before.endsAt === after.endsAt ? [] : ['endsAt']),
    ...(JSON.stringify(targetsBefore) === JSON.stringify(targetsAfter) ? [] : ['screens']),
  ];
}
