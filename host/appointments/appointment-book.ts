import type { AppointmentOverview, CheckedInAppointment, CheckInRequest, TodayAppointments } from '../../contracts/appointments';
import { pageOf, type PageQuery } from '../../contracts/page';
import type { AppointmentsResponse, CatalogCategory, CatalogItem } from '../../contracts/central-api';
import { OPEN_TICKET_STATUSES, type Ticket } from '../../contracts/queue';
import type { Db } from '../../db/open';
import {
  type AppointmentRow,
  appointmentByCode,
  appointmentDay,
  appointmentsOfHolder,
  appointmentsOn,
  lastPullOf,
  markCheckedIn,
  type PulledAppointmentRow,
  purgeAppointmentsBefore,
  replaceAppointmentsForDate,
} from '../../db/repositories/appointments';
import { findService } from '../../db/repositories/services';
import { maskName } from '../../hardware/idcard';
import { ageOn, type Clock, localDate } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { overviewRows, slotCounts } from './day-overview';
import type { CitizenCard } from '../identity/identity-sessions';
import type { QueueService } from '../queue/queue-service';
import type { CentralResult } from '../sync/central-client';

/** The one call the book makes; CentralExtrasClient implements it, tests may stub it. */
export interface AppointmentSource {
  appointments(hallId: string, date: string): Promise<CentralResult<AppointmentsResponse>>;
}

/** Where a catalog item's appointments queue when the booking names an item, not a queue service. */
export const DEFAULT_CATEGORY_SERVICES: Readonly<Record<CatalogCategory, string>> = {
  'startup-bundle': 'business-startup',
  livelihood: 'livelihood',
  complaint: 'business-appeal',
  other: 'consulting',
};

export interface AppointmentBookOptions {
  db: Db;
  source: AppointmentSource;
  queue: QueueService;
  clock: Clock;
  hallId: string;
  timeZone: string;
  /** The identity keyer's hash (IdentityKeyer.keyOf): the same key POST /tickets uses for the one-ticket rule. */
  keyOf: (idNumber: string) => string;
  /** The booking tag of an ID number (AppointmentMatchingKey.tagOf): what the central API sends. */
  tagOf: (idNumber: string) => string;
  /** Names and categories of catalog items, for bookings made for an item (事项) rather than a queue service. */
  catalog?: { item(code: string): CatalogItem | undefined };
  categoryServices?: Partial<Record<CatalogCategory, string>>;
  /** Check-in opens this long before the slot starts (and closes when the slot ends). Default 60. */
  opensBeforeMinutes?: number;
  /** From this local hour on, tomorrow's list is pulled too (early arrivals, staff planning). Default 18. */
  tomorrowFromHour?: number;
  /** Dates older than this many days are purged from the cache. Default 7. */
  retentionDays?: number;
}

export interface AppointmentRefreshReport {
  outcome: 'updated' | 'unreachable';
  dates: string[];
  /** Status and error code only (never a body) when a pull failed. */
  error?: string;
}

/** Who checks in, as keyed hashes: the booking's tag and the queue's key and age. */
export interface CheckInHolder {
  idTag: string;
  caller: { key: string; age: number };
}

export interface CheckInResult {
  appointment: CheckedInAppointment;
  ticket: Ticket;
  alreadyCheckedIn: boolean;
}

/** A miss may be a booking made minutes ago: ask the central API again, but not more often than this. */
const MISS_REFRESH_MIN_GAP_MS = 30_000;
/** How long a check-in waits for that extra pull before answering from the cache. */
const MISS_REFRESH_WAIT_MS = 3_000;

/**
 * Today's appointments of this hall (and tomorrow's in the evening), pulled from the central API
 * on start and every few minutes and cached in SQLite, so the kiosk checks citizens in while the
 * central API is unreachable. A check-in issues a priority ticket ('appointment') and records
 * the check-in in the same transaction.
 */
export class AppointmentBook {
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<AppointmentRefreshReport> | null = null;
  /** Whether each date's last pull reached the central API (absent: not asked since boot). */
  private readonly reached = new Map<string, boolean>();
  private lastAttemptMs = Number.NEGATIVE_INFINITY;
  private readonly hourFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;

  constructor(private readonly o: AppointmentBookOptions) {
    this.hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: o.timeZone, hour: '2-digit', hourCycle: 'h23' });
    this.timeFormat = new Intl.DateTimeFormat('zh-CN', {
      timeZone: o.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  // ── pulling ────────────────────────────────────────────────────────────

  /** Pulls today's list (and tomorrow's after the evening hour); never throws, concurrent calls share one pull. */
  refresh(): Promise<AppointmentRefreshReport> {
    if (!this.inflight) {
      this.inflight = this.pullAll().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  /** Refreshes now and then every `intervalMs`. Idempotent. */
  start(intervalMs = 5 * 60_000): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async pullAll(): Promise<AppointmentRefreshReport> {
    const now = this.o.clock.now();
    this.lastAttemptMs = now.getTime();
    const today = localDate(now, this.o.timeZone);
    const dates = [today];
    if (Number(this.hourFormat.format(now)) >= (this.o.tomorrowFromHour ?? 18)) dates.push(addDays(today, 1));
    const errors: string[] = [];
    for (const date of dates) {
      const error = await this.pull(date);
      if (error !== null) errors.push(`${date}: ${error}`);
    }
    try {
      purgeAppointmentsBefore(this.o.db, addDays(today, -(this.o.retentionDays ?? 7)));
    } catch {
      // Housekeeping only: the next pull tries again.
    }
    return errors.length === 0 ? { outcome: 'updated', dates } : { outcome: 'unreachable', dates, error: errors.join('; ') };
  }

  /** One date's pull; the error text (status and code only) or null. */
  private async pull(date: string): Promise<string | null> {
    let reply: CentralResult<AppointmentsResponse>;
    try {
      reply = await this.o.source.appointments(this.o.hallId, date);
    } catch {
      reply = { ok: false, kind: 'retryable', message: 'source failed' };
    }
    if (!reply.ok) {
      // Keep the cached list: check-ins go on from it.
      this.reached.set(date, false);
      return reply.message;
    }
    const rows: PulledAppointmentRow[] = reply.body.appointments
      // A list is per hall; anything else would let another hall's bookings check in here.
      .filter((a) => a.hallId === this.o.hallId)
      .map((a) => ({
        id: a.id,
        serviceCode: a.serviceCode,
        slotStart: new Date(a.slotStart).toISOString(),
        slotEnd: new Date(a.slotEnd).toISOString(),
        // The central API sends the name as booked; the hall keeps only what its screens show.
        applicantMasked: maskName(a.applicantName),
        // A keyed tag only: no masked number beside it, nothing to narrow a guess with.
        idTag: a.idNumberTag,
        code: normalizeCode(a.code),
      }));
    try {
      replaceAppointmentsForDate(this.o.db, date, rows, this.o.clock.now().toISOString());
    } catch (error) {
      // e.g. a code clashing with a cached row of another date: keep the old copy, report it.
      this.reached.set(date, false);
      return `store failed (${error instanceof Error ? error.name : 'error'})`;
    }
    this.reached.set(date, true);
    return null;
  }

  /** One more pull when a check-in finds nothing, bounded in time: the citizen is waiting at the kiosk. */
  private async refreshOnMiss(): Promise<void> {
    if (this.o.clock.now().getTime() - this.lastAttemptMs < MISS_REFRESH_MIN_GAP_MS) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, MISS_REFRESH_WAIT_MS);
      timer.unref();
    });
    await Promise.race([this.refresh().then(() => undefined), timeout]);
    clearTimeout(timer);
  }

  // ── reading ────────────────────────────────────────────────────────────

  /** Today's list for hall staff: masked data only, with each check-in's ticket number. */
  today(): TodayAppointments {
    const date = this.todayDate();
    return {
      date,
      source: this.reached.get(date) === true ? 'central' : 'cache',
      fetchedAt: lastPullOf(this.o.db, date),
      appointments: appointmentsOn(this.o.db, date).map((row) => {
        const service = this.serviceFor(row.serviceCode);
        return {
          id: row.id,
          serviceCode: row.serviceCode,
          ...(service.name === undefined ? {} : { serviceName: service.name }),
          queueService: service.queueCode,
          slotStart: row.slotStart,
          slotEnd: row.slotEnd,
          applicantMasked: row.applicantMasked,
          checkedInAt: row.checkedInAt,
          ticketNumber: row.ticketNumber,
        };
      }),
    };
  }

  /**
   * Today's bookings for the manager's desk: each with where it stands (booked, checked in,
   * no-show, cancelled) and its ticket, counts per slot over the whole day, one page of the list.
   */
  overview(page: PageQuery): AppointmentOverview {
    const date = this.todayDate();
    // A day has hundreds of bookings and a handful of services: each name is looked up once.
    const names = new Map<string, string | undefined>();
    const nameOf = (code: string) => {
      if (!names.has(code)) names.set(code, this.serviceFor(code).name);
      return names.get(code);
    };
    const rows = overviewRows(appointmentDay(this.o.db, date), this.o.clock.now(), nameOf);
    const { rows: shown, next } = pageOf(rows.slice(page.offset, page.offset + page.limit + 1), page);
    return {
      date,
      source: this.reached.get(date) === true ? 'central' : 'cache',
      fetchedAt: lastPullOf(this.o.db, date),
      slots: slotCounts(rows),
      appointments: shown,
      next,
    };
  }

  // ── check-in ───────────────────────────────────────────────────────────

  /**
   * Checks a citizen in by the card on the reader or by the booking's QR code, issuing an
   * appointment-priority ticket. `card` is the card on the reader (or null): it is tagged here
   * to match the booking and keyed for the queue's one-ticket rule, and is not kept.
   */
  async checkIn(request: CheckInRequest, card: CitizenCard | null): Promise<CheckInResult> {
    return this.checkInHolder(request, card === null ? null : this.holderOf(card));
  }

  /** The card as a check-in needs it: the booking tag and the queue's key and age. Not kept. */
  holderOf(card: CitizenCard): CheckInHolder {
    return {
      idTag: this.o.tagOf(card.idNumber),
      caller: { key: this.o.keyOf(card.idNumber), age: ageOn(card.birthDate, localDate(this.o.clock.now(), this.o.timeZone)) },
    };
  }

  /**
   * Check-in by a holder computed where the card is (this kiosk, or a secondary kiosk of the
   * hall, which sends keyed hashes only), or by the booking's QR code alone (null holder).
   */
  async checkInHolder(request: CheckInRequest, holder: CheckInHolder | null): Promise<CheckInResult> {
    const today = this.todayDate();
    if (request.by === 'code') {
      const code = normalizeCode(request.code);
      let row = appointmentByCode(this.o.db, code);
      if (!row) {
        await this.refreshOnMiss();
        row = appointmentByCode(this.o.db, code);
      }
      // Another hall's code is not in this hall's list either: unknown here.
      if (!row) throw new HostError('appointment_unknown', '没有找到该预约，请核对预约码');
      if (row.businessDate !== today) {
        throw new HostError('appointment_other_day', `该预约不是今天的（${row.businessDate}）`, { date: row.businessDate });
      }
      // The QR alone is enough; but a different card on the reader means someone else's code.
      if (holder !== null && holder.idTag !== row.idTag) {
        throw new HostError('appointment_not_yours', '预约码与读卡器上的身份证不符');
      }
      return this.admit(row, holder);
    }

    if (holder === null) throw new HostError('no_identity', '请先刷身份证');
    const tag = holder.idTag;
    let rows = appointmentsOfHolder(this.o.db, today, tag);
    if (rows.length === 0) {
      await this.refreshOnMiss();
      rows = appointmentsOfHolder(this.o.db, today, tag);
    }
    const chosen = this.choose(rows, this.o.clock.now());
    if (!chosen) throw new HostError('appointment_unknown', '没有找到您今天的预约');
    return this.admit(chosen, holder);
  }

  /**
   * Which of a holder's appointments today a card check-in is for: one whose check-in window
   * is open; else one already checked in with its ticket still open (the same ticket again);
   * else the next one (refused as too early), else a past one (refused as expired or used).
   */
  private choose(rows: readonly AppointmentRow[], now: Date): AppointmentRow | undefined {
    const t = now.getTime();
    const pending = rows.filter((r) => r.ticketId === null);
    return (
      pending.find((r) => this.opensAt(r).getTime() <= t && t < Date.parse(r.slotEnd)) ??
      rows.find((r) => r.ticketId !== null && OPEN_TICKET_STATUSES.has(this.o.queue.ticket(r.ticketId).status)) ??
      pending.find((r) => t < this.opensAt(r).getTime()) ??
      pending[0] ??
      rows[0]
    );
  }

  private admit(row: AppointmentRow, holder: CheckInHolder | null): CheckInResult {
    const now = this.o.clock.now();
    const service = this.serviceFor(row.serviceCode);
    const appointment: CheckedInAppointment = {
      id: row.id,
      serviceCode: row.serviceCode,
      ...(service.name === undefined ? {} : { serviceName: service.name }),
      slotStart: row.slotStart,
      slotEnd: row.slotEnd,
      applicantMasked: row.applicantMasked,
    };

    if (row.ticketId !== null) {
      const ticket = this.o.queue.ticket(row.ticketId);
      if (OPEN_TICKET_STATUSES.has(ticket.status)) return { appointment, ticket, alreadyCheckedIn: true };
      throw new HostError('appointment_used', `该预约已签到并办理（${ticket.number}）`);
    }

    const opensAt = this.opensAt(row);
    if (now < opensAt) {
      throw new HostError('appointment_too_early', `请于 ${this.timeFormat.format(opensAt)} 后签到`, {
        opensAt: opensAt.toISOString(),
        slotStart: row.slotStart,
      });
    }
    if (now.getTime() >= Date.parse(row.slotEnd)) {
      throw new HostError('appointment_expired', '预约时段已过，请重新预约或现场取号', { slotEnd: row.slotEnd });
    }
    if (service.queueCode === null) throw new HostError('service_unknown', '本厅没有办理该预约事项的队列');

    const identity = holder === null ? null : holder.caller;
    const ticket = this.o.queue.issue(
      // The slot was reserved when booked: the day's and the slot's ticket limits do not apply.
      { serviceCode: service.queueCode, identity, priority: 'appointment', bypassLimits: true },
      {
        within: (issued) => {
          // Same transaction as the ticket: a crash leaves neither, a race leaves one.
          if (!markCheckedIn(this.o.db, row.id, issued.id, now.toISOString())) {
            throw new HostError('invalid_state', '该预约刚刚已签到，请重试');
          }
        },
      },
    );
    return { appointment, ticket, alreadyCheckedIn: false };
  }

  private opensAt(row: AppointmentRow): Date {
    return new Date(Date.parse(row.slotStart) - (this.o.opensBeforeMinutes ?? 60) * 60_000);
  }

  /** The queue service a booking's ticket goes to, and the name to show for it. */
  private serviceFor(serviceCode: string): { queueCode: string | null; name: string | undefined } {
    const direct = findService(this.o.db, serviceCode);
    if (direct) return { queueCode: direct.code, name: direct.name };
    const item = this.o.catalog?.item(serviceCode);
    if (!item) return { queueCode: null, name: undefined };
    const mapped = { ...DEFAULT_CATEGORY_SERVICES, ...this.o.categoryServices }[item.category];
    const queueCode = mapped !== undefined && findService(this.o.db, mapped) ? mapped : null;
    return { queueCode, name: item.name };
  }

  private todayDate(): string {
    return localDate(this.o.clock.now(), this.o.timeZone);
  }
}

/** Codes are upper-case; one typed by hand (when a QR reader fails) may not be. */
function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** YYYY-MM-DD plus `days` (calendar arithmetic; the date has no time zone). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
