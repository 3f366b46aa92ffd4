import type { HallCalendar, WeeklyHours } from '../../contracts/config';
import type { ExtendHoursRequest, HoursExtension, HoursToday, ServiceHoursToday } from '../../contracts/hours';
import { recordAudit } from '../../db/repositories/audit';
import {
  activeExtensionsFor,
  cancelHourExtension,
  findHourExtension,
  hourExtensionsOf,
  insertHourExtension,
} from '../../db/repositories/hour-extensions';
import type { Db } from '../../db/open';
import { findService, listServices, type ServiceRow } from '../../db/repositories/services';
import { findWindow } from '../../db/repositories/windows';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import { parseHours, type QueueService } from './queue-service';
import { dayKind, dayPeriods, localClock } from './schedule';

export interface HourExtensionsOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  queue: QueueService;
  timeZone: string;
  /** The hall's weekly hours and calendar, read at each use (the technician console edits them). */
  hours: () => WeeklyHours;
  calendar: () => HallCalendar;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * 延时服务: a supervisor keeps a service, or every service of a window, issuing numbers past
 * today's hours, from the manager console. Each extension is one row of the business day (it
 * expires with the day: only today's are ever read), made and cancelled in one transaction with
 * its audit row; the queue and every screen hear of it after the commit.
 *
 * The rules: an extension carries a day's last period on to its end (17:30 → 18:30); it opens no
 * day without hours (a holiday stays closed); it must end later than now and later than the day
 * already ends. A window's extension keeps open every service that window serves, since its clerk
 * stays to call them; the hall's other windows close on time.
 */
export class HourExtensions {
  private readonly inTransaction: (work: () => unknown) => unknown;

  constructor(private readonly o: HourExtensionsOptions) {
    this.inTransaction = o.db.transaction((work: () => unknown) => work());
  }

  /** Today's extensions, cancelled ones included (the record of the day). */
  list(): { businessDay: string; extensions: HoursExtension[] } {
    const businessDay = this.o.queue.businessDay();
    return { businessDay, extensions: hourExtensionsOf(this.o.db, businessDay) };
  }

  add(request: ExtendHoursRequest, staffId: number | null): HoursExtension {
    const now = this.o.clock.now();
    const businessDay = this.o.queue.businessDay(now);
    const until = request.until;
    const clock = localClock(now, this.o.timeZone);
    // Before the reset hour the business day is yesterday's: its evening is over.
    if (clock.date !== businessDay || minutesOf(until) <= clock.minutes) {
      throw new HostError('invalid_request', '延时结束时间须晚于现在', { field: 'until' });
    }
    const services = this.targetServices(request);
    const ends = services.map((s) => this.dayEnd(s, businessDay));
    if (ends.every((end) => end === null)) {
      throw new HostError('invalid_state', '今天不办理，延时服务只能延长当天的办理时间', { reason: 'closed_today' });
    }
    if (ends.every((end) => end === null || end >= minutesOf(until))) {
      throw new HostError('invalid_state', '今天本就办理到该时间之后，无需延时', { reason: 'not_later' });
    }
    const extension = this.commit(() => {
      const id = insertHourExtension(this.o.db, {
        businessDay,
        serviceCode: request.serviceCode ?? null,
        windowId: request.windowId ?? null,
        until,
        reason: request.reason?.trim() ?? '',
        createdAt: now.toISOString(),
        createdBy: staffId,
      });
      const row = this.mustFind(id);
      // The reason is free text: the audit row keeps the facts only.
      recordAudit(this.o.db, {
        at: now.toISOString(),
        staffId,
        windowId: row.windowId,
        action: 'hours.extend',
        ticketId: null,
        details: { extensionId: id, serviceCode: row.serviceCode, windowNumber: row.windowNumber, until, businessDay },
      });
      return row;
    });
    return extension;
  }

  cancel(extensionId: number, staffId: number | null): HoursExtension {
    const now = this.o.clock.now();
    return this.commit(() => {
      const row = findHourExtension(this.o.db, extensionId);
      if (!row || row.businessDay !== this.o.queue.businessDay(now)) throw new HostError('not_found', '没有这条今日延时');
      if (!cancelHourExtension(this.o.db, extensionId, now.toISOString(), staffId)) {
        throw new HostError('invalid_state', '这条延时已取消', { reason: 'cancelled' });
      }
      recordAudit(this.o.db, {
        at: now.toISOString(),
        staffId,
        windowId: row.windowId,
        action: 'hours.extension_cancel',
        ticketId: null,
        details: { extensionId, serviceCode: row.serviceCode, windowNumber: row.windowNumber, until: row.until },
      });
      return this.mustFind(extensionId);
    });
  }

  /** Today's effective hours per service (holiday, 调休, extended) with the day's extensions. */
  today(): HoursToday {
    const now = this.o.clock.now();
    const businessDay = this.o.queue.businessDay(now);
    const calendar = this.o.calendar();
    const kind = dayKind(businessDay, calendar);
    const states = new Map(this.o.queue.services().map((s) => [s.code, s]));
    const services = listServices(this.o.db).map((s): ServiceHoursToday => {
      const hours = parseHours(s) ?? this.o.hours();
      const base = dayPeriods(hours, businessDay, { calendar });
      const periods = dayPeriods(hours, businessDay, this.o.queue.dayRules(s.code, now)).map((p, i) => ({
        ...p,
        extended: i >= base.length,
      }));
      const active = activeExtensionsFor(this.o.db, businessDay, s.code);
      const latest = active[0];
      const state = states.get(s.code);
      return {
        serviceCode: s.code,
        serviceName: s.name,
        serviceNameEn: s.nameEn,
        periods,
        extension:
          latest === undefined
            ? null
            : {
                until: latest.until,
                by: active.some((e) => e.windowNumber === null && e.until === latest.until) ? 'service' : 'window',
                windowNumbers: [...new Set(active.flatMap((e) => (e.windowNumber === null ? [] : [e.windowNumber])))],
              },
        open: state?.open ?? false,
        closedReason: state?.closedReason ?? 'hours',
        nextOpening: state?.nextOpening ?? null,
      };
    });
    return {
      businessDay,
      dayKind: kind,
      makeupHours: kind === 'makeup' ? calendar.makeupHours : null,
      services,
      extensions: hourExtensionsOf(this.o.db, businessDay),
    };
  }

  /** The services an extension keeps open: the one named, or those of the window named. */
  private targetServices(request: ExtendHoursRequest): ServiceRow[] {
    if (request.serviceCode !== undefined) {
      const service = findService(this.o.db, request.serviceCode);
      if (!service) throw new HostError('service_unknown', '没有这个事项');
      return [service];
    }
    const window = request.windowId === undefined ? undefined : findWindow(this.o.db, request.windowId);
    if (!window) throw new HostError('window_unknown', `窗口 ${request.windowId ?? ''} 不存在`);
    return window.services.flatMap((code) => findService(this.o.db, code) ?? []);
  }

  /** When a service's day ends without extensions (wall minutes), or null when it does not open that day. */
  private dayEnd(s: ServiceRow, date: string): number | null {
    const last = dayPeriods(parseHours(s) ?? this.o.hours(), date, { calendar: this.o.calendar() }).at(-1);
    return last === undefined ? null : minutesOf(last.to);
  }

  private mustFind(id: number): HoursExtension {
    const row = findHourExtension(this.o.db, id);
    if (!row) throw new Error(`hour extension ${id} vanished inside its own transaction`);
    return row;
  }

  /** One transaction; after its commit the queue answers afresh and the screens re-read their services. */
  private commit<T>(work: () => T): T {
    const result = this.inTransaction(work) as T;
    this.o.queue.hoursChanged();
    this.o.bus.publish({ type: 'hours.changed' });
    return result;
  }
}
