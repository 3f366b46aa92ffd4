import type { StaffPrincipal } from '../../../contracts/auth';
import type { HallEvent } from '../../../contracts/events';
import type { Db } from '../../../db/open';
import { insertEvaluation } from '../../../db/repositories/evaluations';
import { insertStaff } from '../../../db/repositories/staff';
import type { WorkCalendar } from '../../../contracts/workdays';
import type { Clock } from '../../../host/clock/clock';
import { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { ReviewService } from '../../../host/reviews/review-service';

/** Staff of the test hall: clerks 1001 and 1002, supervisors 9001 and 9002 (invented). */
export interface ReviewStaff {
  clerk: StaffPrincipal;
  supervisor: StaffPrincipal;
  otherSupervisor: StaffPrincipal;
}

export function seedReviewStaff(db: Db): ReviewStaff {
  const add = (staffNo: string, role: StaffPrincipal['role']): StaffPrincipal => {
    const row = insertStaff(db, { staffNo, name: `测试${staffNo}`, role, pinHash: 'scrypt$test' });
    return { id: row.id, staffNo, name: row.name, role, windowId: null };
  };
  const clerk = add('1001', 'staff');
  add('1002', 'staff');
  return { clerk, supervisor: add('9001', 'supervisor'), otherSupervisor: add('9002', 'supervisor') };
}

export interface ReviewHarness {
  reviews: ReviewService;
  events: HallEvent[];
  /** The hall calendar the service reads (change it in place). */
  calendar: { holidays: string[]; extraWorkdays: string[] };
  settings: { rectifyWorkingDays: number };
}

export function reviewHarness(db: Db, clock: Clock, calendar: WorkCalendar = { holidays: [], extraWorkdays: [] }): ReviewHarness {
  const bus = new EventBus(2000, () => clock.now());
  const events: HallEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const cal = { holidays: [...calendar.holidays], extraWorkdays: [...calendar.extraWorkdays] };
  const settings = { rectifyWorkingDays: 5 };
  const reviews = new ReviewService({
    db,
    clock,
    bus,
    hallId: 'hall-01',
    timeZone: 'Asia/Shanghai',
    calendar: () => cal,
    rectifyWorkingDays: () => settings.rectifyWorkingDays,
  });
  return { reviews, events, calendar: cal, settings };
}

let sequence = 0;

/**
 * A 差评 of ticket A0nn served at `window` by `staff`, rated now, with its follow-up opened in the
 * same transaction (as the evaluation service does); its evaluation id.
 */
export function rateBadly(
  db: Db,
  clock: Clock,
  reviews: ReviewService,
  subject: { window?: string; staff?: string; level?: 'dissatisfied' | 'very_dissatisfied' } = {},
): string {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const now = clock.now();
  db.transaction(() => {
    insertEvaluation(db, {
      id,
      level: subject.level ?? 'very_dissatisfied',
      reason: '办理时间长',
      comment: '请联系我 13800138000',
      subject: {
        kind: 'ticket',
        ticketId: null,
        ticketNumber: `A${String(sequence).padStart(3, '0')}`,
        windowNumber: subject.window ?? '1',
        staffNumber: subject.staff ?? '1001',
      },
      callbackRequired: true,
      evaluatedAt: now.toISOString(),
    });
    reviews.open(id, now);
  })();
  return id;
}

/** The code and details of the HostError `fn` throws. */
export function refusalOf(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof HostError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a HostError');
}

/** A clock the test moves: hall time Asia/Shanghai (UTC+8, no daylight saving). */
export class HallClock implements Clock {
  private ms: number;
  constructor(beijing: string) {
    this.ms = Date.parse(`${beijing}+08:00`);
  }
  now(): Date {
    return new Date(this.ms);
  }
  /** Moves to a Beijing wall time (`2026-12-07T09:00`). */
  set(beijing: string): void {
    this.ms = Date.parse(`${beijing}+08:00`);
  }
}
