import { forgetSettledDays } from './complaint-figures';
import { ComplaintDeadlineRules } from '../../contracts/complaint-deadlines';
import { DispatchRule } from '../../contracts/complaint-sorting';
import type { BureauRole } from '../../contracts/complaints';
import { DistrictCalendar, type CalendarDay } from '../../contracts/district-calendar';
import {
  RULES_HISTORY_LIMIT,
  SETTINGS_EDITORS,
  type CalendarView,
  type DeadlineRulesView,
  type DispatchRulesView,
  type RulesVersion,
  type SaveDeadlineRulesRequest,
  type SaveDispatchRulesRequest,
  type SetCalendarDayRequest,
  type SettingsArea,
} from '../../contracts/platform-complaint-settings';
import type { Sql } from '../db/sql';
import {
  calendarDays,
  currentRules,
  deleteCalendarDay,
  insertRulesVersion,
  rulesHistory,
  upsertCalendarDay,
  type RulesTable,
  type RulesVersionRow,
} from '../store/complaint-settings';
import { insertAudit, type AuditAction } from '../store/district-audit';
import type { ComplaintDirectoryService } from './complaint-directory-service';
import type { ComplaintSettings } from './complaint-settings';

/** Who is editing: the console account's complaint person (null for the operator token) and its name for the record. */
export interface SettingsEditor {
  personId: string | null;
  /** A district username, or `admin-token`: written as the version's author and in the audit. */
  username: string;
}

export type SettingsRefusal =
  | { kind: 'not_a_person' }
  | { kind: 'wrong_role'; needs: BureauRole }
  | { kind: 'not_a_weekend'; date: string }
  | { kind: 'calendar_day_not_found'; date: string }
  | { kind: 'rules_changed'; version: number }
  | { kind: 'unit_not_found'; unitCode: string }
  | { kind: 'area_not_a_street'; unitCode: string };

export type SettingsOutcome<T> = { kind: 'ok'; value: T } | SettingsRefusal;

const versionOf = (row: RulesVersionRow): RulesVersion => ({
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
});

/** Saturday or Sunday: the only days a 调休 makes working days. */
function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The 营商局 edits its settings: the calendar day by day, each rules table as a whole new version
 * written on the version the editor read. Who may edit what is `SETTINGS_EDITORS` (a bureau role
 * of the signed-in person); each change and its audit row are one transaction, a refused one
 * writes nothing. Once committed, this instance's `ComplaintSettings` drops its copy, so the next
 * complaint registered here is counted by the edit (other instances within their minute). A
 * promise already made (a complaint's 办结期限) is fixed and never moves; open stages' deadlines,
 * counted when a complaint's page is read, follow the calendar.
 */
export class ComplaintSettingsEditor {
  constructor(
    private readonly sql: Sql,
    private readonly directory: ComplaintDirectoryService,
    private readonly settings: ComplaintSettings,
    private readonly now: () => Date,
  ) {}

  async calendar(): Promise<CalendarView> {
    return { days: DistrictCalendar.parse(await calendarDays(this.sql)) };
  }

  async setDay(editor: SettingsEditor, date: string, request: SetCalendarDayRequest): Promise<SettingsOutcome<CalendarView>> {
    const refused = await this.refusalFor(editor, 'calendar');
    if (refused !== undefined) return refused;
    if (request.kind === 'workday' && !isWeekend(date)) return { kind: 'not_a_weekend', date };
    const day: CalendarDay = { date, ...request };
    await this.sql.transaction(async (tx) => {
      await upsertCalendarDay(tx, day);
      await forgetSettledDays(tx);
      await this.audit(tx, editor, 'complaint-calendar.set', `calendar:${date}`, { ...request });
    });
    this.settings.invalidate();
    return { kind: 'ok', value: await this.calendar() };
  }

  async clearDay(editor: SettingsEditor, date: string): Promise<SettingsOutcome<CalendarView>> {
    const refused = await this.refusalFor(editor, 'calendar');
    if (refused !== undefined) return refused;
    const removed = await this.sql.transaction(async (tx) => {
      const day = await deleteCalendarDay(tx, date);
      if (day !== undefined) {
        await forgetSettledDays(tx);
        await this.audit(tx, editor, 'complaint-calendar.clear', `calendar:${date}`, { kind: day.kind });
      }
      return day;
    });
    if (removed === undefined) return { kind: 'calendar_day_not_found', date };
    this.settings.invalidate();
    return { kind: 'ok', value: await this.calendar() };
  }

  async deadlineRules(): Promise<DeadlineRulesView> {
    const { current, rules, history } = await this.rulesOf('complaint_deadline_rules');
    return { current, rules: ComplaintDeadlineRules.parse(rules), history };
  }

  async saveDeadlineRules(
    editor: SettingsEditor,
    request: SaveDeadlineRulesRequest,
  ): Promise<SettingsOutcome<DeadlineRulesView>> {
    const refused = await this.refusalFor(editor, 'deadlineRules');
    if (refused !== undefined) return refused;
    const saved = await this.save(
      'complaint_deadline_rules',
      editor,
      request.expectedVersion,
      request.rules,
      'complaint-rules.deadline',
    );
    return saved ?? { kind: 'ok', value: await this.deadlineRules() };
  }

  async dispatchRules(): Promise<DispatchRulesView> {
    const { current, rules, history } = await this.rulesOf('complaint_dispatch_rules');
    return { current, rules: DispatchRule.array().parse(rules), history };
  }

  async saveDispatchRules(
    editor: SettingsEditor,
    request: SaveDispatchRulesRequest,
  ): Promise<SettingsOutcome<DispatchRulesView>> {
    const refused = (await this.refusalFor(editor, 'dispatchRules')) ?? (await this.unitRefusal(request.rules));
    if (refused !== undefined) return refused;
    const saved = await this.save(
      'complaint_dispatch_rules',
      editor,
      request.expectedVersion,
      request.rules,
      'complaint-rules.dispatch',
    );
    return saved ?? { kind: 'ok', value: await this.dispatchRules() };
  }

  /** The refusal of an editor who may not change `area`, if any. */
  private async refusalFor(editor: SettingsEditor, area: SettingsArea): Promise<SettingsRefusal | undefined> {
    const actor = await this.directory.actorOf(editor.personId);
    if (actor === undefined || actor.kind !== 'staff') return { kind: 'not_a_person' };
    const needs = SETTINGS_EDITORS[area];
    return actor.bureauRoles.includes(needs) ? undefined : { kind: 'wrong_role', needs };
  }

  /** Every unit a rule names must exist (an inactive one is kept: it suggests nothing until active again); areas are streets or zones. */
  private async unitRefusal(rules: readonly DispatchRule[]): Promise<SettingsRefusal | undefined> {
    const units = new Map((await this.directory.units()).map((unit) => [unit.code, unit]));
    for (const rule of rules) {
      for (const code of [rule.leadUnit, ...rule.coUnits, ...(rule.area === null ? [] : [rule.area])]) {
        if (!units.has(code)) return { kind: 'unit_not_found', unitCode: code };
      }
      if (rule.area !== null && units.get(rule.area)?.kind === 'department')
        return { kind: 'area_not_a_street', unitCode: rule.area };
    }
    return undefined;
  }

  /** Writes the next version and its audit row; a refusal when another version was saved since `expected`. */
  private async save(
    table: RulesTable,
    editor: SettingsEditor,
    expected: number,
    rules: unknown,
    action: AuditAction,
  ): Promise<SettingsRefusal | undefined> {
    const written = await this.sql.transaction(async (tx) => {
      const version = await insertRulesVersion(tx, table, expected, rules, this.now(), editor.username);
      if (version !== undefined) {
        // The deadline rules date the stage runs the statistics count; the dispatch rules do not.
        if (table === 'complaint_deadline_rules') await forgetSettledDays(tx);
        await this.audit(tx, editor, action, `${table}:${version}`, { version });
      }
      return version;
    });
    if (written === undefined) {
      const current = await currentRules(this.sql, table);
      return { kind: 'rules_changed', version: current?.version ?? 0 };
    }
    this.settings.invalidate();
    return undefined;
  }

  private async rulesOf(table: RulesTable): Promise<{ current: RulesVersion; rules: unknown; history: RulesVersion[] }> {
    const [current, history] = await Promise.all([
      currentRules(this.sql, table),
      rulesHistory(this.sql, table, RULES_HISTORY_LIMIT),
    ]);
    // The platform seeds version 1 at its start, so a table without one is a database nobody migrated through it.
    if (current === undefined) throw new Error(`${table} has no version: the platform seeds one at start`);
    return { current: versionOf(current), rules: current.rules, history: history.map(versionOf) };
  }

  private audit(tx: Sql, editor: SettingsEditor, action: AuditAction, subject: string, detail: Record<string, unknown>) {
    return insertAudit(tx, { at: this.now(), actor: editor.username, action, subject, detail });
  }
}
