import type { QueuePolicy, WeeklyHours } from '../../contracts/config';
import type { Call, DuplicateTicketDetails, Outcome, PriorityClass, Service, Ticket, Window } from '../../contracts/queue';
import { recordAudit } from '../../db/repositories/audit';
import type { Db } from '../../db/open';
import {
  findService,
  issuedCount,
  listServices,
  type ServiceRow,
  type ServiceSeedRow,
  upsertServices,
  waitingByService,
} from '../../db/repositories/services';
import { ratingSubject } from '../../db/repositories/evaluations';
import * as tickets from '../../db/repositories/tickets';
import type { TicketRow } from '../../db/repositories/tickets';
import {
  findWindow,
  listWindows,
  openWindowsFor,
  setWindowPaused,
  windowNumbersFor,
  upsertWindows,
  type WindowRow,
  type WindowSeedRow,
} from '../../db/repositories/windows';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus, NewHallEvent } from '../events/event-bus';
import { maskText } from '../log/mask-text';
import { businessDay, type OpeningState, serviceOpen, slotBounds } from './schedule';
import { chooseNext, type ServiceHeads } from './selection';
import type { NumberGuard } from './number-high-water';
import { WaitEstimator } from './wait-estimator';

export interface QueueServiceOptions {
  db: Db;
  bus: EventBus;
  clock: Clock;
  timeZone: string;
  hours: WeeklyHours;
  policy: QueuePolicy;
  /**
   * The proof of a ticket's service sent with `evaluation.requested` (a keyed HMAC of the install
   * secret, so nothing is stored); only a window evaluator's live stream passes it on.
   */
  evaluationToken?: (ticketId: number) => string;
  /**
   * The numbers printed today, kept outside the database (number-high-water.ts): a number is
   * recorded there before its ticket commits, and never given twice, even after a restore to an
   * older copy of the database. None: the database's counters alone (tests, benches).
   */
  numbers?: NumberGuard;
}

/** Who acts: the staff member (null for the kiosk or a keypad without sign-in) and where. */
export interface Actor {
  staffId: number | null;
}

export interface IssueInput {
  serviceCode: string;
  /** The card on the reader: keyed hash for the one-ticket rule, age for elder priority. */
  identity: { key: string; age: number } | null;
  /** Granted by staff (disabled, green channel) or by an appointment check-in. */
  priority?: Exclude<PriorityClass, 'normal' | 'elderly'>;
  /**
   * Appointment check-ins only: the slot was reserved when booked, so the service's daily and
   * per-slot ticket limits do not apply. Closed hours, a suspension and the end of the number
   * range still do.
   */
  bypassLimits?: boolean;
  /**
   * The staff member who granted a disabled or green-channel priority (at the kiosk with a staff
   * token, or at the counter): named in the ticket's audit row, with the window and the note.
   */
  grantedBy?: { staffId: number; windowId: number | null; note?: string };
}

export interface IssueOptions {
  /**
   * Runs inside the ticket's transaction after the insert (e.g. marking an appointment checked
   * in); if it throws, the ticket is rolled back and no event is published.
   */
  within?: (ticket: Ticket) => void;
}

type Outcomes<T> = { result: T; events: NewHallEvent[] };

/** The hall's queue: issuing, calling and every counter action, each one transaction plus events. */
export class QueueService {
  readonly estimator = new WaitEstimator();
  /**
   * Opening states of the current minute, by the service's own hours (or the hall's): hours are
   * whole minutes, so the answer holds for the minute, and every issue and kiosk refresh asks.
   */
  private readonly openings = new Map<string, OpeningState>();
  private openingsMinute = Number.NaN;
  /** One transaction wrapper for every action (better-sqlite3 builds a new one per `transaction()` call). */
  private readonly inTransaction: (work: () => unknown) => unknown;

  constructor(private o: QueueServiceOptions) {
    this.inTransaction = o.db.transaction((work: () => unknown) => work());
  }

  /**
   * Opening hours and queue rules changed in the technician console: the next issue, call or
   * skip follows them (tickets already issued keep their class and place).
   */
  setRules(rules: { hours: WeeklyHours; policy: QueuePolicy }): void {
    this.o = { ...this.o, hours: rules.hours, policy: rules.policy };
    this.openings.clear();
  }

  /** Applies the configured services and windows (idempotent; runs at every boot). */
  seed(services: readonly ServiceSeedRow[], windows: readonly WindowSeedRow[]): void {
    const known = new Set([...services.map((s) => s.code), ...listServices(this.o.db).map((s) => s.code)]);
    for (const w of windows) {
      const unknown = w.services.filter((code) => !known.has(code));
      if (unknown.length > 0) throw new HostError('service_unknown', `window ${w.number} names unknown services`, unknown);
    }
    upsertServices(this.o.db, services);
    upsertWindows(this.o.db, windows);
  }

  businessDay(at: Date = this.o.clock.now()): string {
    return businessDay(at, this.o.timeZone, this.o.policy.dailyResetHour);
  }

  // ── reading ────────────────────────────────────────────────────────────

  services(): Service[] {
    const now = this.o.clock.now();
    const day = this.businessDay(now);
    const waiting = new Map(waitingByService(this.o.db, day).map((c) => [c.serviceCode, c.waiting]));
    return listServices(this.o.db).map((s) => {
      const closedReason = this.closedReason(s, now, day);
      const count = waiting.get(s.code) ?? 0;
      return {
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        prefix: s.prefix,
        open: closedReason === null,
        closedReason,
        waiting: count,
        estimatedWaitMinutes: this.estimateMinutes(s.code, count),
        materials: s.materials,
        hours: parseHours(s) ?? this.o.hours,
        nextOpening: this.nextIssuing(s, closedReason, now),
      };
    });
  }

  /**
   * When a closed service issues numbers again, so the kiosk can say so instead of a grey tile:
   * the next opening after closed hours, or after today's close when today's numbers are gone.
   * Unknown (null) while a supervisor has it suspended, or with no opening in the coming week.
   */
  private nextIssuing(s: ServiceRow, closed: Service['closedReason'], now: Date): string | null {
    if (closed !== 'hours' && closed !== 'sold_out') return null;
    const state = this.openingOf(s, now);
    if (closed === 'hours') return state.nextOpening?.toISOString() ?? null;
    if (!state.closesAt) return null;
    return serviceOpen(this.o.hours, parseHours(s), state.closesAt, this.o.timeZone).nextOpening?.toISOString() ?? null;
  }

  windows(): Window[] {
    return listWindows(this.o.db).map((w) => this.toWindow(w));
  }

  window(windowId: number): Window {
    return this.toWindow(this.mustWindow(windowId));
  }

  /** Tickets waiting for a window, in the order it would call them (priority first, then time). */
  waitingFor(windowId: number): Ticket[] {
    const w = this.mustWindow(windowId);
    const rows = tickets.waitingFor(this.o.db, this.businessDay(), w.services, w.id);
    // The list holds the whole line of each of the window's services in calling order (priority
    // first, then by key), so a ticket's place among its own service's is its count ahead: one
    // pass, not a count per ticket (thousands of them on a busy day).
    const placed = new Map<string, number>();
    const openWindows = new Map<string, number>();
    return rows.map((row) => {
      if (row.targetWindowId !== null) return this.toTicket(row);
      const ahead = placed.get(row.serviceCode) ?? 0;
      placed.set(row.serviceCode, ahead + 1);
      let open = openWindows.get(row.serviceCode);
      if (open === undefined) {
        open = openWindowsFor(this.o.db, row.serviceCode);
        openWindows.set(row.serviceCode, open);
      }
      return this.toTicket(row, { ahead, openWindows: open });
    });
  }

  ticket(ticketId: number): Ticket {
    return this.toTicket(this.mustTicket(ticketId));
  }

  /**
   * The open ticket a card holds for a service today, for its holder to print again; the card
   * is the proof, so a lost paper ticket costs no second number.
   */
  mineFor(serviceCode: string, identityKey: string): Ticket {
    const ticket = this.openTicketFor(serviceCode, identityKey);
    if (ticket === null) throw new HostError('ticket_unknown', '您今天没有该事项未办结的号码');
    return ticket;
  }

  /** A card's open ticket for a service today (the one the one-ticket rule protects), or null. */
  openTicketFor(serviceCode: string, identityKey: string): Ticket | null {
    const id = tickets.openTicketOf(this.o.db, this.businessDay(), serviceCode, identityKey);
    return id === undefined ? null : this.ticket(id);
  }

  /** The windows that serve a service (printed on its tickets: where to look for the call). */
  windowNumbersFor(serviceCode: string): number[] {
    return windowNumbersFor(this.o.db, serviceCode);
  }

  /** The staff member signed in at a window (keypads act on their behalf), or null. */
  signedInStaff(windowId: number): number | null {
    return this.mustWindow(windowId).staffId;
  }

  markPrinted(ticketId: number, printed: boolean): Ticket {
    tickets.setPrintStatus(this.o.db, ticketId, printed ? 'printed' : 'failed');
    this.o.bus.publish({ type: 'ticket.printed', ticketId, printed });
    return this.ticket(ticketId);
  }

  recentCalls(limit = 10): Call[] {
    return tickets
      .recentCalls(this.o.db, this.businessDay(), limit)
      .map((t) => toCall(t, tickets.recallsSinceCall(this.o.db, t.id)));
  }

  // ── issuing ────────────────────────────────────────────────────────────

  issue(input: IssueInput, options: IssueOptions = {}): Ticket {
    const now = this.o.clock.now();
    const day = this.businessDay(now);
    const { result } = this.commit(() => {
      const service = findService(this.o.db, input.serviceCode);
      if (!service) throw new HostError('service_unknown', '没有这个事项');
      const closed = this.closedReason(service, now, day);
      if (closed === 'suspended' || closed === 'hours') {
        const state = this.openingOf(service, now);
        throw new HostError('service_closed', '该事项当前不在取号时间', {
          reason: closed,
          nextOpening: state.nextOpening?.toISOString(),
        });
      }
      if (closed === 'sold_out' && !(input.bypassLimits && this.numbersLeft(service, day))) {
        throw new HostError('daily_limit_reached', '该事项今日号码已取完');
      }
      if (!input.bypassLimits && service.slotMinutes !== null && service.slotLimit !== null) {
        const slot = slotBounds(now, service.slotMinutes, this.o.timeZone);
        if (
          tickets.issuedBetween(this.o.db, service.code, slot.start.toISOString(), slot.end.toISOString()) >= service.slotLimit
        ) {
          throw new HostError('slot_full', '本时段号码已取完，请稍后再来', { nextSlot: slot.end.toISOString() });
        }
      }
      if (
        input.identity &&
        this.o.policy.onePerIdentityPerService &&
        tickets.hasOpenTicket(this.o.db, day, service.code, input.identity.key)
      ) {
        // The card's holder is told which number they hold and where it stands, so the kiosk can
        // show it and offer a reprint instead of a bare refusal.
        throw new HostError('duplicate_ticket', '您已有该事项的号码，请勿重复取号', {
          ticket: this.openTicketFor(service.code, input.identity.key),
        } satisfies DuplicateTicketDetails);
      }
      const seq = this.nextNumber(service, day);
      const number = `${service.prefix}${String(service.numberStart + seq - 1).padStart(3, '0')}`;
      const id = tickets.insertTicket(this.o.db, {
        businessDay: day,
        serviceCode: service.code,
        seq,
        number,
        priorityClass: this.priorityFor(input),
        issuedAt: now.toISOString(),
        identityKey: input.identity?.key ?? null,
      });
      const ticket = this.toTicket(tickets.mustGetTicket(this.o.db, id));
      if (input.grantedBy) this.auditGrant(input.grantedBy, ticket);
      options.within?.(ticket);
      // Last before the commit: a ticket refused on the way (a damaged page, a used appointment)
      // leaves no record behind, and a recorded number is never given twice.
      this.o.numbers?.record(day, service.prefix, service.numberStart + seq - 1);
      return { result: ticket, events: [{ type: 'ticket.issued', ticket }, this.countsEvent(day)] };
    });
    return result;
  }

  // ── calling ────────────────────────────────────────────────────────────

  callNext(windowId: number, actor: Actor): Call {
    return this.commit(() => {
      const w = this.callableWindow(windowId);
      const day = this.businessDay();
      const next = chooseNext(
        tickets.targetedAt(this.o.db, day, w.id),
        this.headsInOrder(w, day),
        () => tickets.priorityStreak(this.o.db, w.id, this.o.policy.priorityBurst),
        this.o.policy.priorityBurst,
      );
      if (!next) throw new HostError('queue_empty', '没有等候的号码');
      return this.callInside(w, next.id, actor);
    }).result;
  }

  /** Calls a chosen waiting ticket (staff picked it from the waiting list). */
  callTicket(windowId: number, ticketId: number, actor: Actor): Call {
    return this.commit(() => {
      const w = this.callableWindow(windowId);
      const t = this.mustTicket(ticketId);
      if (t.status !== 'waiting' || t.businessDay !== this.businessDay())
        throw new HostError('invalid_state', `${t.number} 不在等候中`);
      if (t.targetWindowId !== null && t.targetWindowId !== w.id)
        throw new HostError('invalid_state', `${t.number} 已转给其他窗口`);
      return this.callInside(w, t.id, actor);
    }).result;
  }

  recall(windowId: number, actor: Actor): Call {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.currentOf(w);
      const at = this.nowIso();
      tickets.markRecalled(this.o.db, t.id, at);
      tickets.recordCall(this.o.db, { ticketId: t.id, windowId: w.id, staffId: actor.staffId, kind: 'recall', at });
      this.audit(actor, w, 'ticket.recall', t.id);
      const call = toCall(tickets.mustGetTicket(this.o.db, t.id), tickets.recallsSinceCall(this.o.db, t.id));
      return { result: call, events: [{ type: 'ticket.recalled', call }] };
    }).result;
  }

  /**
   * 过号: the citizen did not come. Re-queued behind N waiting tickets while the policy allows,
   * else a no-show. A priority ticket goes behind them too, in the normal line (it keeps its class
   * for the record): left in the priority line, which is served first, it would be called straight back.
   */
  skip(windowId: number, actor: Actor): Ticket {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.currentOf(w);
      const { skipRequeue } = this.o.policy;
      const requeued = skipRequeue.enabled && t.skipCount < skipRequeue.maxTimes;
      if (requeued) tickets.requeue(this.o.db, t.id, { queueKey: this.skipPlace(t, skipRequeue.afterPlaces), countSkip: true });
      else {
        tickets.markFinished(this.o.db, t.id, 'no_show', null, this.nowIso());
      }
      this.audit(actor, w, requeued ? 'ticket.skip_requeue' : 'ticket.no_show', t.id);
      const ticket = this.toTicket(tickets.mustGetTicket(this.o.db, t.id));
      return { result: ticket, events: [{ type: 'ticket.skipped', ticket, requeued }, this.countsEvent(t.businessDay)] };
    }).result;
  }

  /**
   * Where a skipped ticket waits again: behind `places` waiting tickets in calling order, whatever
   * its class. A priority ticket stays in the priority line when that many priority tickets wait
   * (normal tickets the fairness rule calls in between only add to those ahead of it); else it
   * joins the normal line behind the rest of the places, so it cannot come straight back at the
   * head of an empty priority line. A normal ticket goes behind `places` normal tickets: the
   * fairness rule may call a normal ticket before waiting priority ones, so they do not count.
   */
  private skipPlace(t: TicketRow, places: number): number {
    const { db } = this.o;
    if (t.priorityClass !== 'normal') {
      const priorityWaiting = tickets.waitingInLine(db, t.businessDay, t.serviceCode, 'priority');
      if (priorityWaiting >= places) return tickets.keyAfterPlaces(db, t.businessDay, t.serviceCode, places, 'priority');
      tickets.leavePriorityLine(db, t.id);
      return tickets.keyAfterPlaces(db, t.businessDay, t.serviceCode, places - priorityWaiting, 'normal');
    }
    return tickets.keyAfterPlaces(db, t.businessDay, t.serviceCode, places, 'normal');
  }

  /** 挂起: set the current citizen aside (e.g. fetching a document) and serve others meanwhile. */
  hold(windowId: number, actor: Actor): Ticket {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.currentOf(w);
      tickets.markHeld(this.o.db, t.id);
      this.audit(actor, w, 'ticket.hold', t.id);
      const ticket = this.toTicket(tickets.mustGetTicket(this.o.db, t.id));
      return { result: ticket, events: [{ type: 'ticket.held', ticket }] };
    }).result;
  }

  resume(windowId: number, ticketId: number, actor: Actor): Call {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.mustTicket(ticketId);
      if (t.status !== 'held' || t.windowId !== w.id) throw new HostError('invalid_state', `${t.number} 没有在本窗口挂起`);
      if (tickets.currentAt(this.o.db, w.id)) throw new HostError('window_busy', '请先完成或挂起当前号码');
      const at = this.nowIso();
      tickets.markCalled(this.o.db, t.id, w.id, actor.staffId, at);
      tickets.recordCall(this.o.db, { ticketId: t.id, windowId: w.id, staffId: actor.staffId, kind: 'resume', at });
      this.audit(actor, w, 'ticket.resume', t.id);
      const call = toCall(tickets.mustGetTicket(this.o.db, t.id), tickets.recallsSinceCall(this.o.db, t.id));
      return { result: call, events: [{ type: 'ticket.resumed', call }] };
    }).result;
  }

  /** Sends the current ticket to another service's queue or to a named window. */
  transfer(windowId: number, to: { toService?: string; toWindowId?: number }, actor: Actor): Ticket {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.currentOf(w);
      let toWindowNumber: number | null = null;
      if (to.toService !== undefined && !findService(this.o.db, to.toService))
        throw new HostError('service_unknown', '没有这个事项');
      if (to.toWindowId !== undefined) {
        const target = findWindow(this.o.db, to.toWindowId);
        if (!target) throw new HostError('window_unknown', `窗口 ${to.toWindowId} 不存在`);
        if (target.id === w.id) throw new HostError('invalid_state', '不能转给本窗口');
        toWindowNumber = target.number;
      }
      const queueKey = this.o.policy.transferKeepsTime ? t.queueKey : tickets.endQueueKey(this.o.db, t.businessDay);
      tickets.requeue(this.o.db, t.id, {
        queueKey,
        ...(to.toService !== undefined ? { serviceCode: to.toService } : {}),
        targetWindowId: to.toWindowId ?? null,
      });
      this.audit(actor, w, 'ticket.transfer', t.id, { toService: to.toService ?? null, toWindow: toWindowNumber });
      const ticket = this.toTicket(tickets.mustGetTicket(this.o.db, t.id));
      return {
        result: ticket,
        events: [
          { type: 'ticket.transferred', ticket, toService: to.toService ?? null, toWindowNumber },
          this.countsEvent(t.businessDay),
        ],
      };
    }).result;
  }

  finish(windowId: number, outcome: Outcome, actor: Actor): Ticket {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const t = this.currentOf(w);
      const ticket = this.finishInside(w, t, outcome, actor);
      return { result: ticket, events: [{ type: 'ticket.finished', ticket }] };
    }).result;
  }

  /** Asks the citizen at the window to rate the service (the evaluation pad or kiosk shows it). */
  requestEvaluation(windowId: number, actor: Actor): { ticketId: number } {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      const ticketId = tickets.latestServedAt(this.o.db, w.id);
      if (ticketId === undefined) throw new HostError('invalid_state', '本窗口没有可评价的号码');
      return { result: { ticketId }, events: [this.evaluationInside(w, ticketId, actor)] };
    }).result;
  }

  setPaused(windowId: number, paused: boolean, actor: Actor): Window {
    return this.commit(() => {
      const w = this.mustWindow(windowId);
      setWindowPaused(this.o.db, w.id, paused, this.nowIso());
      this.audit(actor, w, paused ? 'window.pause' : 'window.resume', null);
      return { result: this.window(w.id), events: [{ type: 'window.paused', windowNumber: w.number, paused }] };
    }).result;
  }

  /** The daily reset: open tickets of earlier business days are cancelled. Safe to run any time. */
  expireOldTickets(): number {
    return this.commit(() => {
      const day = this.businessDay();
      const n = tickets.expireBefore(this.o.db, day, this.nowIso());
      if (n > 0)
        recordAudit(this.o.db, {
          at: this.nowIso(),
          staffId: null,
          windowId: null,
          action: 'queue.daily_reset',
          ticketId: null,
          details: { expired: n, day },
        });
      return { result: n, events: n > 0 ? [this.countsEvent(day)] : [] };
    }).result;
  }

  // ── internals ──────────────────────────────────────────────────────────

  /** Runs `work` in one SQLite transaction and publishes its events only after the commit. */
  private commit<T>(work: () => Outcomes<T>): Outcomes<T> {
    const outcome = this.inTransaction(work) as Outcomes<T>;
    for (const event of outcome.events) this.o.bus.publish(event);
    return outcome;
  }

  private callInside(w: WindowRow, ticketId: number, actor: Actor): Outcomes<Call> {
    const events: NewHallEvent[] = [];
    // Calling the next citizen while one is served (a keypad's 下一位, which has no outcome key)
    // ends their visit with the usual outcome and asks them for a rating, as the counter page
    // does after its outcome dialog: never a silent 办结 that skips the evaluator.
    const current = tickets.currentAt(this.o.db, w.id);
    if (current) {
      events.push({ type: 'ticket.finished', ticket: this.finishInside(w, current, 'done', actor, { by: 'call_next' }) });
      events.push(this.evaluationInside(w, current.id, actor));
    }
    const at = this.nowIso();
    tickets.markCalled(this.o.db, ticketId, w.id, actor.staffId, at);
    tickets.recordCall(this.o.db, { ticketId, windowId: w.id, staffId: actor.staffId, kind: 'call', at });
    this.audit(actor, w, 'ticket.call', ticketId);
    const row = tickets.mustGetTicket(this.o.db, ticketId);
    // A call, never a recall: a ticket back from 过号 or a transfer may have been recalled before.
    const call = toCall(row, 0);
    events.push({ type: 'ticket.called', call }, this.countsEvent(row.businessDay));
    return { result: call, events };
  }

  private finishInside(w: WindowRow, t: TicketRow, outcome: Outcome, actor: Actor, how?: { by: 'call_next' }): Ticket {
    const at = this.o.clock.now();
    tickets.markFinished(this.o.db, t.id, 'finished', outcome, at.toISOString());
    if (t.calledAt) this.estimator.observe(t.serviceCode, Math.max(0, (at.getTime() - Date.parse(t.calledAt)) / 1000));
    this.audit(actor, w, 'ticket.finish', t.id, { outcome, ...how });
    // The row as just written (not read back): status, outcome and time are all that changed.
    return this.toTicket({ ...t, status: 'finished', outcome, finishedAt: at.toISOString() });
  }

  /**
   * Asks the citizen of `ticketId` for a rating (the evaluation pad or kiosk shows it). With the
   * token, the service as the counter showed it: the pads bound to the window get both.
   */
  private evaluationInside(w: WindowRow, ticketId: number, actor: Actor): NewHallEvent {
    tickets.markEvaluationRequested(this.o.db, ticketId, this.nowIso());
    this.audit(actor, w, 'ticket.evaluation_request', ticketId);
    const token = this.o.evaluationToken?.(ticketId);
    const subject = ratingSubject(this.o.db, ticketId);
    if (!subject) throw new HostError('ticket_unknown', `号码 ${ticketId} 不存在`);
    return {
      type: 'evaluation.requested',
      ticketId,
      ticketNumber: subject.ticketNumber,
      windowNumber: w.number,
      ...(token === undefined ? {} : { token }),
      service: { serviceName: subject.serviceName, staffNo: subject.staffNumber, staffName: subject.staffName },
    };
  }

  /**
   * Who granted a priority ticket, where, and the note: the note is the clerk's words for the
   * audit log, so ID and mobile numbers typed in it are masked before it is kept.
   */
  private auditGrant(grant: NonNullable<IssueInput['grantedBy']>, ticket: Ticket): void {
    recordAudit(this.o.db, {
      at: this.nowIso(),
      staffId: grant.staffId,
      windowId: grant.windowId,
      action: 'ticket.priority_grant',
      ticketId: ticket.id,
      details: {
        priority: ticket.priorityClass,
        number: ticket.number,
        ...(grant.note === undefined ? {} : { note: maskText(grant.note) }),
      },
    });
  }

  /** The heads of a window's services in its order, read one service at a time as chooseNext asks. */
  private *headsInOrder(w: WindowRow, day: string): Generator<ServiceHeads> {
    for (const code of w.services) yield tickets.heads(this.o.db, day, code);
  }

  private callableWindow(windowId: number): WindowRow {
    const w = this.mustWindow(windowId);
    if (w.paused) throw new HostError('window_paused', '窗口已暂停，请先恢复');
    return w;
  }

  private currentOf(w: WindowRow): TicketRow {
    const t = tickets.currentAt(this.o.db, w.id);
    if (!t) throw new HostError('invalid_state', '本窗口当前没有号码');
    return t;
  }

  private mustWindow(windowId: number): WindowRow {
    const w = findWindow(this.o.db, windowId);
    if (!w) throw new HostError('window_unknown', `窗口 ${windowId} 不存在`);
    return w;
  }

  private mustTicket(ticketId: number): TicketRow {
    const t = tickets.getTicket(this.o.db, ticketId);
    if (!t) throw new HostError('ticket_unknown', `号码 ${ticketId} 不存在`);
    return t;
  }

  private closedReason(s: ServiceRow, now: Date, day: string): Service['closedReason'] {
    if (s.suspended) return 'suspended';
    if (!this.openingOf(s, now).open) return 'hours';
    const issued = issuedCount(this.o.db, day, s.code);
    if (issued >= s.dailyLimit || s.numberStart + issued > s.numberEnd) return 'sold_out';
    return null;
  }

  private openingOf(s: ServiceRow, now: Date): OpeningState {
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.openingsMinute) {
      this.openings.clear();
      this.openingsMinute = minute;
    }
    const key = s.hoursJson ?? '';
    let state = this.openings.get(key);
    if (!state) {
      state = serviceOpen(this.o.hours, parseHours(s), now, this.o.timeZone);
      this.openings.set(key, state);
    }
    return state;
  }

  /** Whether the service's number range has a number left today (a limit bypass cannot go past it). */
  /**
   * The day's next sequence number of a service. A number the guard says was printed already (the
   * database was restored to an older copy since, or the service came back under its old prefix)
   * is skipped: numbering goes on after the highest printed. issue() records the new number
   * durably just before the ticket's transaction commits; if it cannot, the ticket is refused.
   */
  private nextNumber(s: ServiceRow, day: string): number {
    let seq = tickets.nextSeq(this.o.db, day, s.code);
    const guard = this.o.numbers;
    if (guard === undefined) return seq;
    const printed = guard.highest(day, s.prefix);
    if (s.numberStart + seq - 1 <= printed) {
      seq = printed - s.numberStart + 2;
      if (s.numberStart + seq - 1 > s.numberEnd) throw new HostError('daily_limit_reached', '该事项今日号码已取完');
      tickets.setSeq(this.o.db, day, s.code, seq);
    }
    return seq;
  }

  private numbersLeft(s: ServiceRow, day: string): boolean {
    return s.numberStart + issuedCount(this.o.db, day, s.code) <= s.numberEnd;
  }

  private priorityFor(input: IssueInput): PriorityClass {
    if (input.priority) return input.priority;
    if (input.identity && input.identity.age >= this.o.policy.elderAge) return 'elderly';
    return 'normal';
  }

  private estimateMinutes(serviceCode: string, peopleAhead: number, openWindows?: number): number {
    const windows = openWindows ?? openWindowsFor(this.o.db, serviceCode);
    return Math.ceil(this.estimator.estimateSeconds(serviceCode, peopleAhead, windows) / 60);
  }

  /** `known`: the count ahead and open windows when the caller already has them (the waiting list). */
  private toTicket(row: TicketRow, known?: { ahead: number; openWindows: number }): Ticket {
    const ahead = row.status === 'waiting' ? (known?.ahead ?? tickets.countAhead(this.o.db, row)) : 0;
    return {
      id: row.id,
      number: row.number,
      serviceCode: row.serviceCode,
      serviceName: row.serviceName,
      status: row.status,
      priorityClass: row.issuedPriorityClass,
      issuedAt: row.issuedAt,
      businessDay: row.businessDay,
      peopleAhead: ahead,
      estimatedWaitMinutes: row.status === 'waiting' ? this.estimateMinutes(row.serviceCode, ahead, known?.openWindows) : 0,
      calledAt: row.calledAt,
      windowNumber: row.windowNumber,
      recallCount: row.recallCount,
      skipCount: row.skipCount,
      outcome: row.outcome,
      printStatus: row.printStatus,
    };
  }

  private toWindow(w: WindowRow): Window {
    const current = tickets.currentAt(this.o.db, w.id);
    return {
      id: w.id,
      number: w.number,
      name: w.name,
      services: w.services,
      paused: w.paused,
      staffName: w.staffName,
      current: current ? this.toTicket(current) : null,
      held: tickets.heldAt(this.o.db, w.id).map((t) => this.toTicket(t)),
    };
  }

  private countsEvent(day: string): NewHallEvent {
    return { type: 'queue.counts', counts: waitingByService(this.o.db, day) };
  }

  private audit(actor: Actor, w: WindowRow, action: string, ticketId: number | null, details?: Record<string, unknown>): void {
    recordAudit(this.o.db, {
      at: this.nowIso(),
      staffId: actor.staffId,
      windowId: w.id,
      action,
      ticketId,
      ...(details ? { details } : {}),
    });
  }

  private nowIso(): string {
    return this.o.clock.now().toISOString();
  }
}

function parseHours(s: ServiceRow): WeeklyHours | undefined {
  return s.hoursJson === null ? undefined : (JSON.parse(s.hoursJson) as WeeklyHours);
}

/** `recall`: recalls since the ticket's latest call (0 for a call). */
function toCall(row: TicketRow, recall: number): Call {
  if (row.calledAt === null || row.windowNumber === null || row.windowName === null) {
    throw new Error(`ticket ${row.id} has not been called`);
  }
  return {
    ticketId: row.id,
    ticketNumber: row.number,
    serviceCode: row.serviceCode,
    serviceName: row.serviceName,
    windowNumber: row.windowNumber,
    windowName: row.windowName,
    calledAt: row.calledAt,
    recall,
  };
}
