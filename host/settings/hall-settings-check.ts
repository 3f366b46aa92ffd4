import type { WeeklyHours } from '../../contracts/config';
import type { HallSettings, HallSettingsIssue, HallSettingsReason } from '../../contracts/hall-settings';
import type { Db } from '../../db/open';
import { findService, listServices, openTicketCount, prefixIssuedBy, issuedCount } from '../../db/repositories/services';
import { listWindows, windowUsage } from '../../db/repositories/windows';

type Values = Record<string, string | number>;

/** Builds one issue; `message` is English for logs and API users, the console words its own from `reason`. */
export function issue(
  path: (string | number)[],
  reason: HallSettingsReason,
  message: string,
  values: Values = {},
): HallSettingsIssue {
  return { path: path.join('.'), reason, message, values };
}

/** Issues under `prefix` (an import holds the hall settings under `hall`). */
export function under(prefix: string, issues: HallSettingsIssue[]): HallSettingsIssue[] {
  return issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
}

/** Every entry whose key was already seen earlier in the list. */
function duplicates<T>(items: readonly T[], key: (item: T) => string | number): number[] {
  const seen = new Set<string | number>();
  const repeated: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) repeated.push(i);
    seen.add(k);
  });
  return repeated;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Periods must end after they start and not overlap (the schedule would otherwise ignore them silently). */
function hoursIssues(hours: WeeklyHours, path: (string | number)[]): HallSettingsIssue[] {
  const issues: HallSettingsIssue[] = [];
  for (const day of DAYS) {
    const periods = hours[day].map((p, i) => ({ from: minutes(p.from), to: p.to === '00:00' ? 24 * 60 : minutes(p.to), i }));
    for (const p of periods)
      if (p.to <= p.from) issues.push(issue([...path, day, p.i, 'to'], 'period_order', 'the period must end after it starts'));
    const sorted = periods.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
    for (let k = 1; k < sorted.length; k++) {
      const before = sorted[k - 1];
      const p = sorted[k];
      if (before && p && p.from < before.to)
        issues.push(issue([...path, day, p.i, 'from'], 'period_overlap', 'the period overlaps another one of the day'));
    }
  }
  return issues;
}

/** What makes a well-formed settings document not hold together (no database needed). */
export function settingsIssues(settings: HallSettings): HallSettingsIssue[] {
  const issues: HallSettingsIssue[] = [];
  const { services, windows } = settings;
  for (const i of duplicates(services, (s) => s.code))
    issues.push(issue(['services', i, 'code'], 'duplicate', 'another service has this code', { code: services[i]?.code ?? '' }));
  for (const i of duplicates(services, (s) => s.prefix))
    issues.push(
      issue(['services', i, 'prefix'], 'duplicate', 'another service has this prefix', { prefix: services[i]?.prefix ?? '' }),
    );
  services.forEach((s, i) => {
    if (s.numberEnd <= s.numberStart)
      issues.push(issue(['services', i, 'numberEnd'], 'number_range', 'the last number must be above the first'));
    if ((s.slotMinutes === undefined) !== (s.slotLimit === undefined)) {
      const missing = s.slotMinutes === undefined ? 'slotMinutes' : 'slotLimit';
      issues.push(
        issue(['services', i, missing], 'slot_pair', 'a slot limit needs both the slot minutes and the tickets per slot'),
      );
    }
    if (s.hours) issues.push(...hoursIssues(s.hours, ['services', i, 'hours']));
  });

  const codes = new Set(services.map((s) => s.code));
  for (const i of duplicates(windows, (w) => w.number))
    issues.push(
      issue(['windows', i, 'number'], 'duplicate', 'another window has this number', { number: windows[i]?.number ?? 0 }),
    );
  windows.forEach((w, i) => {
    w.services.forEach((code, j) => {
      if (!codes.has(code)) issues.push(issue(['windows', i, 'services', j], 'unknown_service', 'no such service', { code }));
    });
    for (const j of duplicates(w.services, (code) => code))
      issues.push(issue(['windows', i, 'services', j], 'duplicate', 'the window lists this service twice'));
  });

  issues.push(...hoursIssues(settings.hours, ['hours']));
  const holidays = new Set(settings.calendar.holidays);
  settings.calendar.extraWorkdays.forEach((date, i) => {
    if (holidays.has(date))
      issues.push(issue(['calendar', 'extraWorkdays', i], 'calendar_conflict', 'the date is also a holiday', { date }));
  });
  return issues;
}

/**
 * What the new settings would break in today's queue: a service taken out with citizens still
 * waiting, a window taken out while in use, a letter another service numbered today, a first
 * number lowered under numbers already issued. Run inside the transaction that applies them.
 */
export function queueConflicts(db: Db, next: HallSettings, businessDay: string): HallSettingsIssue[] {
  const issues: HallSettingsIssue[] = [];
  const keptServices = new Set(next.services.map((s) => s.code));
  for (const s of listServices(db)) {
    if (keptServices.has(s.code)) continue;
    const open = openTicketCount(db, businessDay, s.code);
    if (open > 0)
      issues.push(
        issue(['services'], 'open_tickets', 'a removed service still has open tickets today', { code: s.code, count: open }),
      );
  }
  next.services.forEach((s, i) => {
    const other = prefixIssuedBy(db, businessDay, s.prefix, s.code);
    if (other !== undefined)
      issues.push(
        issue(['services', i, 'prefix'], 'prefix_used_today', 'numbers with this letter were issued today by another service', {
          prefix: s.prefix,
          code: other,
        }),
      );
    const current = findService(db, s.code);
    if (current && s.numberStart < current.numberStart && issuedCount(db, businessDay, s.code) > 0)
      issues.push(
        issue(
          ['services', i, 'numberStart'],
          'number_start_lowered',
          'numbers were issued today: the first number cannot go down',
          {
            from: current.numberStart,
          },
        ),
      );
  });
  const keptWindows = new Set(next.windows.map((w) => w.number));
  for (const w of listWindows(db)) {
    if (keptWindows.has(w.number)) continue;
    const usage = windowUsage(db, w.id, businessDay);
    if (usage.signedIn || usage.serving > 0 || usage.targeted > 0)
      issues.push(issue(['windows'], 'window_in_use', 'a removed window is still in use', { number: w.number }));
  }
  return issues;
}
