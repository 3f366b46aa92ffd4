import { ComplaintDeadlineRules, DEFAULT_DEADLINE_RULES } from '../../contracts/complaint-deadlines';
import { DispatchRule } from '../../contracts/complaint-sorting';
import { DISTRICT_CALENDAR_SEED, DistrictCalendar, workCalendarOf } from '../../contracts/district-calendar';
import { DISTRICT_TIME_ZONE } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import { calendarDays, currentRules, seedCalendar, seedRules } from '../store/complaint-settings';
import type { DeadlineContext } from './complaint-deadlines';

/** How long an instance keeps the calendar and rules it read before reading them again. */
export const SETTINGS_TTL_MS = 60_000;

export interface ComplaintSettingsSnapshot {
  deadlines: DeadlineContext;
  dispatchRules: DispatchRule[];
}

/**
 * The 营商局's settings a complaint is counted by: the district calendar, the deadline rules and
 * the dispatch rules. Seeded at the first start (the calendar from `DISTRICT_CALENDAR_SEED`, the
 * default rules, no dispatch rule). Read at most once a minute per instance: registration (a
 * batch of kiosk cases above all) must not pay a read of the calendar each time, and an edit of
 * the calendar or the rules reaches every instance within that minute. A promise made (the
 * 办结期限) is fixed on the complaint, so the minute never moves one.
 */
export class ComplaintSettings {
  private cached: { at: number; snapshot: ComplaintSettingsSnapshot } | undefined;
  /** Bumped by each edit on this instance: a read begun before an edit must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** Seeds what is missing; safe with several instances starting at once. */
  async seed(): Promise<void> {
    await seedCalendar(this.sql, DISTRICT_CALENDAR_SEED);
    await seedRules(this.sql, 'complaint_deadline_rules', DEFAULT_DEADLINE_RULES, this.now());
    await seedRules(this.sql, 'complaint_dispatch_rules', [], this.now());
  }

  async current(): Promise<ComplaintSettingsSnapshot> {
    const at = this.now().getTime();
    if (this.cached !== undefined && at - this.cached.at < SETTINGS_TTL_MS && at >= this.cached.at) return this.cached.snapshot;
    const generation = this.generation;
    const [days, deadlineRules, dispatchRules] = await Promise.all([
      calendarDays(this.sql),
      currentRules(this.sql, 'complaint_deadline_rules'),
      currentRules(this.sql, 'complaint_dispatch_rules'),
    ]);
    const snapshot: ComplaintSettingsSnapshot = {
      deadlines: {
        rules: deadlineRules === undefined ? DEFAULT_DEADLINE_RULES : ComplaintDeadlineRules.parse(deadlineRules.rules),
        clock: { calendar: workCalendarOf(DistrictCalendar.parse(days)), timeZone: DISTRICT_TIME_ZONE },
      },
      dispatchRules: dispatchRules === undefined ? [] : DispatchRule.array().parse(dispatchRules.rules),
    };
    if (generation === this.generation) this.cached = { at, snapshot };
    return snapshot;
  }

  /**
   * Drops what this instance read, after an edit here committed: the next complaint registered
   * or read on this instance counts by the edit at once. Other instances read it within their
   * minute (SETTINGS_TTL_MS).
   */
  invalidate(): void {
    this.generation += 1;
    this.cached = undefined;
  }
}
