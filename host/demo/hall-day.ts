import type { EvaluationLevel } from '../../contracts/central-api';
import type { OpeningPeriod } from '../../contracts/config';
import type { Outcome, PriorityClass } from '../../contracts/queue';
import type { HistoricTicket } from '../../db/repositories/demo-history';
import { addDays, zonedInstant } from '../queue/schedule';
import type { SeededRandom } from './seeded-random';

/** A queue service as the generator needs it. */
export interface DemoService {
  code: string;
  prefix: string;
  numberStart: number;
  targetWaitMin: number;
}

/** A window with the services it serves, in its order. */
export interface DemoWindow {
  id: number;
  number: number;
  services: readonly string[];
}

/** A clerk: `quality` in [-1, 1] tilts their ratings (the window ranking needs windows that differ). */
export interface DemoClerk {
  id: number;
  staffNo: string;
  quality: number;
}

/** One business day to fill. */
export interface DayPlan {
  date: string;
  /** The hall's opening periods of that day (hall-local wall clock). */
  periods: readonly OpeningPeriod[];
  /** Tickets to issue. */
  volume: number;
}

export interface DayLayout {
  services: readonly DemoService[];
  windows: readonly DemoWindow[];
  /** Who works at a window that day. */
  clerkAt: (windowNumber: number) => DemoClerk;
  timeZone: string;
  resetHour: number;
}

export interface DayCall {
  windowId: number;
  staffId: number;
  kind: 'call' | 'recall';
  at: string;
}

export interface DayRating {
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  at: string;
  windowNumber: number;
  staffNo: string;
}

/** A ticket of the day with what happened to it. */
export interface DayTicket {
  ticket: HistoricTicket;
  calls: DayCall[];
  /** A transfer (转办) made at a window, for the audit log. */
  transfer: { at: string; windowId: number; staffId: number; toService: string } | null;
  rating: DayRating | null;
}

const MINUTE = 60_000;

/** How much busier a quarter hour is than the quietest: a morning peak, a post-lunch peak, a quiet 午休 and late afternoon. */
function intensity(minute: number, duty: boolean): number {
  const bump = (center: number, width: number, height: number) => height * Math.exp(-((minute - center) ** 2) / (2 * width ** 2));
  let w = 0.5 + bump(9 * 60 + 40, 45, 1.6) + bump(14 * 60 + 40, 40, 1.05) + bump(11 * 60, 30, 0.3);
  if (minute >= 16 * 60 + 30) w *= 0.65;
  // 午休值班: one or two windows open, few citizens come.
  if (duty) w *= 0.35;
  return w;
}

/** Median service time (minutes) of the demo config's services; anything else takes 8. */
const SERVICE_MEDIAN_MIN: Readonly<Record<string, number>> = {
  'business-startup': 13,
  'real-estate': 15,
  'social-security': 6,
  livelihood: 5,
  'business-appeal': 11,
  consulting: 2.5,
  steward: 12,
};

/** How the citizens of a day split among the services; anything else weighs 1. */
const SERVICE_SHARE: Readonly<Record<string, number>> = {
  'business-startup': 16,
  'real-estate': 19,
  'social-security': 27,
  livelihood: 21,
  'business-appeal': 3,
  consulting: 12,
  steward: 2,
};

/** Longer queues for the services whose cases take long. */
const SERVICE_WAIT_FACTOR: Readonly<Record<string, number>> = { 'real-estate': 1.25, consulting: 0.6, steward: 0.5 };

const PRIORITY: readonly (readonly [PriorityClass, number])[] = [
  ['normal', 86],
  ['elderly', 8],
  ['appointment', 4],
  ['disabled', 1],
  ['vip', 1],
];

const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['done', 86],
  ['needs_materials', 8],
  ['referred', 3],
  ['not_handled', 3],
];

const REASONS = ['办理时间长', '态度不好', '材料要求不清楚', '多次跑腿'] as const;
const COMMENTS = ['排队时间太长了', '希望多开几个窗口', '一次性告知材料就好了', '工作人员解释不够清楚'] as const;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const iso = (ms: number) => new Date(Math.round(ms)).toISOString();

/** The windows that serve a service, favouring those that list it first. */
function windowFor(service: string, windows: readonly DemoWindow[], rng: SeededRandom, except?: number): DemoWindow | undefined {
  const candidates = windows
    .filter((w) => w.id !== except)
    .flatMap((w) => {
      const position = w.services.indexOf(service);
      return position < 0 ? [] : [[w, 1 / (1 + position * 1.2)] as const];
    });
  if (candidates.length > 0) return rng.weighted(candidates, candidates[0]?.[0]);
  const any = windows.filter((w) => w.id !== except);
  return any.length === 0 ? undefined : any[rng.int(any.length)];
}

/** The rating a citizen gives: mostly satisfied; worse after a wait over target or from a weaker clerk. */
function ratingLevel(rng: SeededRandom, overTarget: boolean, quality: number): EvaluationLevel {
  const bad = (overTarget ? 2.6 : 1) * (1 - 0.55 * quality);
  return rng.weighted<EvaluationLevel>(
    [
      ['very_satisfied', 66 * (overTarget ? 0.72 : 1) * (1 + 0.18 * quality)],
      ['satisfied', 24],
      ['basic', 7 * (overTarget ? 1.6 : 1)],
      ['dissatisfied', 1.6 * bad],
      ['very_dissatisfied', 0.7 * bad],
    ],
    'satisfied',
  );
}

/**
 * One business day of the hall: `plan.volume` citizens arriving through the opening hours (a
 * morning peak, a smaller one after lunch, few during the 午休 duty), each served at a window that
 * handles their service by the clerk working there, with waits that grow with the crowd
 * (log-normal, as queues are), service times by service, some no-shows, recalls, transfers and
 * cancellations, and ratings, fewer of them glowing after a long wait. Pure: the same random
 * source gives the same day.
 */
export function hallDay(plan: DayPlan, layout: DayLayout, rng: SeededRandom): DayTicket[] {
  const slots = plan.periods.flatMap((p) => {
    const list: { minute: number; weight: number }[] = [];
    for (let m = minutesOf(p.from); m < minutesOf(p.to); m += 15) list.push({ minute: m, weight: intensity(m, p.duty) });
    return list;
  });
  if (slots.length === 0 || layout.windows.length === 0 || layout.services.length === 0) return [];
  const peak = Math.max(...slots.map((s) => s.weight));
  const closeMinute = Math.max(...plan.periods.map((p) => minutesOf(p.to)));
  const closeMs = zonedInstant(plan.date, closeMinute, layout.timeZone).getTime();
  const expiredAt = iso(zonedInstant(addDays(plan.date, 1), layout.resetHour * 60, layout.timeZone).getTime());
  const slotStart = new Map<number, number>();
  const startOf = (minute: number) => {
    let ms = slotStart.get(minute);
    if (ms === undefined) {
      ms = zonedInstant(plan.date, minute, layout.timeZone).getTime();
      slotStart.set(minute, ms);
    }
    return ms;
  };
  // A busier day queues longer everywhere (Mondays).
  const crowd = Math.max(0.4, plan.volume / 300) ** 1.4;
  const shares = layout.services.map((s) => [s, SERVICE_SHARE[s.code] ?? 1] as const);
  const slotEntries = slots.map((s) => [s, s.weight] as const);

  const arrivals = Array.from({ length: plan.volume }, () => {
    const slot = rng.weighted(slotEntries, slots[0] ?? { minute: 0, weight: 1 });
    return { at: startOf(slot.minute) + rng.next() * 15 * MINUTE, load: slot.weight / peak };
  }).sort((a, b) => a.at - b.at);

  const seqs = new Map<string, number>();
  const day: DayTicket[] = [];
  for (const arrival of arrivals) {
    const service = rng.weighted(shares, layout.services[0] ?? { code: '', prefix: 'A', numberStart: 1, targetWaitMin: 20 });
    const seq = (seqs.get(service.code) ?? 0) + 1;
    seqs.set(service.code, seq);
    const priorityClass = rng.weighted(PRIORITY, 'normal');
    const ticket: HistoricTicket = {
      businessDay: plan.date,
      issuedService: service.code,
      serviceCode: service.code,
      seq,
      number: `${service.prefix}${String(service.numberStart + seq - 1).padStart(3, '0')}`,
      status: 'cancelled',
      priorityClass,
      issuedAt: iso(arrival.at),
      firstCalledAt: null,
      calledAt: null,
      windowId: null,
      staffId: null,
      recallCount: 0,
      finishedAt: expiredAt,
      outcome: null,
      printStatus: rng.chance(0.003) ? 'failed' : 'printed',
      evaluationRequestedAt: null,
    };
    const entry: DayTicket = { ticket, calls: [], transfer: null, rating: null };
    day.push(entry);
    // Some leave before they are called; the daily reset cancels their ticket.
    if (rng.chance(0.012 + 0.012 * arrival.load)) continue;

    const priorityFactor = priorityClass === 'normal' ? 1 : priorityClass === 'appointment' ? 0.5 : 0.35;
    const medianWait = (3 + 17 * arrival.load ** 1.5) * crowd * (SERVICE_WAIT_FACTOR[service.code] ?? 1) * priorityFactor;
    const waitMs = Math.min(150, Math.max(0.3, rng.logNormal(medianWait, 0.55))) * MINUTE;
    const firstCalled = Math.min(arrival.at + waitMs, Math.max(arrival.at + MINUTE, closeMs + 10 * MINUTE));
    const first = windowFor(service.code, layout.windows, rng);
    if (!first) continue;
    const firstClerk = layout.clerkAt(first.number);
    ticket.firstCalledAt = iso(firstCalled);
    ticket.calledAt = ticket.firstCalledAt;
    ticket.windowId = first.id;
    ticket.staffId = firstClerk.id;
    entry.calls.push({ windowId: first.id, staffId: firstClerk.id, kind: 'call', at: ticket.firstCalledAt });
    const waitedMin = (firstCalled - arrival.at) / MINUTE;

    // 过号: called (and called again) but not there; more likely after a long wait.
    if (rng.chance(0.02 + 0.05 * Math.min(1, waitedMin / 60))) {
      const recall = firstCalled + rng.between(60, 150) * 1000;
      ticket.calledAt = iso(recall);
      ticket.recallCount = 1;
      entry.calls.push({ windowId: first.id, staffId: firstClerk.id, kind: 'recall', at: ticket.calledAt });
      ticket.status = 'no_show';
      ticket.finishedAt = iso(recall + rng.between(60, 180) * 1000);
      continue;
    }

    let servingWindow = first;
    let clerk = firstClerk;
    let servedFrom = firstCalled;
    const other = layout.services.filter((s) => s.code !== service.code);
    if (other.length > 0 && rng.chance(0.025)) {
      // 转办: the first window sends the citizen to another service's window.
      const toService = other[rng.int(other.length)] ?? service;
      const transferAt = firstCalled + rng.between(2, 6) * MINUTE;
      entry.transfer = { at: iso(transferAt), windowId: first.id, staffId: firstClerk.id, toService: toService.code };
      ticket.serviceCode = toService.code;
      servingWindow = windowFor(toService.code, layout.windows, rng, first.id) ?? first;
      clerk = layout.clerkAt(servingWindow.number);
      servedFrom = transferAt + Math.min(60, rng.logNormal(6, 0.6)) * MINUTE;
      ticket.calledAt = iso(servedFrom);
      ticket.windowId = servingWindow.id;
      ticket.staffId = clerk.id;
      entry.calls.push({ windowId: servingWindow.id, staffId: clerk.id, kind: 'call', at: ticket.calledAt });
    } else if (rng.chance(0.06)) {
      // 重呼: the citizen came at the second call.
      servedFrom = firstCalled + rng.between(40, 120) * 1000;
      ticket.calledAt = iso(servedFrom);
      ticket.recallCount = 1;
      entry.calls.push({ windowId: first.id, staffId: firstClerk.id, kind: 'recall', at: ticket.calledAt });
    }
    const serviceMin = Math.min(90, Math.max(0.5, rng.logNormal(SERVICE_MEDIAN_MIN[ticket.serviceCode] ?? 8, 0.5)));
    const finished = servedFrom + serviceMin * MINUTE;
    ticket.status = 'finished';
    ticket.outcome = rng.weighted(OUTCOMES, 'done');
    ticket.finishedAt = iso(finished);
    ticket.evaluationRequestedAt = ticket.finishedAt;

    if (rng.chance(0.38)) {
      const level = ratingLevel(rng, waitedMin > service.targetWaitMin, clerk.quality);
      const bad = level === 'dissatisfied' || level === 'very_dissatisfied';
      entry.rating = {
        level,
        reason: bad ? (waitedMin > service.targetWaitMin ? REASONS[0] : rng.pick(REASONS)) : null,
        comment: bad && rng.chance(0.4) ? rng.pick(COMMENTS) : null,
        at: iso(finished + rng.between(20, 180) * 1000),
        windowNumber: servingWindow.number,
        staffNo: clerk.staffNo,
      };
    }
  }
  return day;
}
