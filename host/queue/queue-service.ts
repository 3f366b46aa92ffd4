import type { Call, Service, Ticket, Window } from '../../contracts/queue';
import type { Db } from '../../db/open';
import { listServices, type ServiceSeedRow, upsertServices } from '../../db/repositories/services';
import { callNext, issueTicket, recentCalls, type TicketRow } from '../../db/repositories/tickets';
import { findWindow, listWindows, upsertWindows, type WindowSeedRow } from '../../db/repositories/windows';
import { type Clock, localDate } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';

export interface QueueServiceOptions {
  db: Db;
  bus: EventBus;
  clock: Clock;
  timeZone: string;
}

/** The hall's queue: issuing tickets and calling them, with an event for every change. */
export class QueueService {
  constructor(private readonly o: QueueServiceOptions) {}

  /** Applies the configured services and windows (idempotent; runs at every boot). */
  seed(services: readonly ServiceSeedRow[], windows: readonly WindowSeedRow[]): void {
    upsertServices(this.o.db, services);
    const known = new Set(services.map((s) => s.code));
    for (const w of windows) {
      const unknown = w.services.filter((code) => !known.has(code));
      if (unknown.length > 0) throw new HostError('service_unknown', `window ${w.number} names unknown services`, unknown);
    }
    upsertWindows(this.o.db, windows);
  }

  businessDay(): string {
    return localDate(this.o.clock.now(), this.o.timeZone);
  }

  services(): Service[] {
    return listServices(this.o.db, this.businessDay()).map((s) => ({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      prefix: s.prefix,
      open: s.open,
      waiting: s.waiting,
    }));
  }

  windows(): Window[] {
    return listWindows(this.o.db);
  }

  issue(serviceCode: string, identityKey: string | null): Ticket {
    const now = this.o.clock.now();
    const result = issueTicket(this.o.db, {
      serviceCode,
      businessDay: localDate(now, this.o.timeZone),
      issuedAt: now.toISOString(),
      identityKey,
    });
    if (!result.ok) throw new HostError(result.reason, ISSUE_MESSAGES[result.reason]);
    const ticket = toTicket(result.ticket, result.peopleAhead);
    this.o.bus.publish({ type: 'ticket.issued', ticket });
    this.publishCounts();
    return ticket;
  }

  callNext(windowId: number): Call {
    const now = this.o.clock.now();
    const result = callNext(this.o.db, {
      windowId,
      businessDay: localDate(now, this.o.timeZone),
      calledAt: now.toISOString(),
    });
    if (!result.ok) {
      throw new HostError(result.reason, result.reason === 'queue_empty' ? '没有等候的号码' : `窗口 ${windowId} 不存在`);
    }
    const call = toCall(result.ticket);
    this.o.bus.publish({ type: 'ticket.called', call });
    this.publishCounts();
    return call;
  }

  recentCalls(limit = 10): Call[] {
    return recentCalls(this.o.db, this.businessDay(), limit).map(toCall);
  }

  windowExists(windowId: number): boolean {
    return findWindow(this.o.db, windowId) !== undefined;
  }

  private publishCounts(): void {
    this.o.bus.publish({
      type: 'queue.counts',
      counts: this.services().map((s) => ({ serviceCode: s.code, waiting: s.waiting })),
    });
  }
}

const ISSUE_MESSAGES = {
  service_unknown: '没有这个事项',
  service_closed: '该事项暂停取号',
  daily_limit_reached: '该事项今日号码已取完',
  duplicate_ticket: '您已有该事项的号码，请勿重复取号',
} as const;

function toTicket(row: TicketRow, ahead: number): Ticket {
  return {
    id: row.id,
    number: row.number,
    serviceCode: row.serviceCode,
    serviceName: row.serviceName,
    status: row.status,
    issuedAt: row.issuedAt,
    businessDay: row.businessDay,
    peopleAhead: ahead,
    calledAt: row.calledAt,
    windowNumber: row.windowNumber,
  };
}

function toCall(row: TicketRow): Call {
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
  };
}

