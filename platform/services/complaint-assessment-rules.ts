import { AssessmentRules, DEFAULT_ASSESSMENT_RULES } from '../../contracts/complaint-assessment';
import type { ComplaintActor } from '../../contracts/complaint-actions';
import type { AssessmentRulesVersion } from '../../contracts/platform-complaint-statistics';
import type { Sql } from '../db/sql';
import { insertRulesVersion, rulesVersions, seedRules } from '../store/complaint-settings';

export type RulesEditOutcome =
  { kind: 'ok'; version: AssessmentRulesVersion } | { kind: 'wrong_role' } | { kind: 'version_conflict'; current: number };

/** Who writes the 考核细则: the 营商局's supervisors, who answer for the assessment of the units. */
export function mayEditAssessmentRules(actor: ComplaintActor | undefined): boolean {
  return actor?.kind === 'staff' && actor.bureauRoles.includes('supervisor');
}

/**
 * 考核细则 as a versioned setting (migration 010), like the deadline rules: seeded with
 * `DEFAULT_ASSESSMENT_RULES` at the first start, the newest version in force, each edit a new
 * version over the one the editor started from, older versions kept (what a past period was
 * scored by). Read on each request: the statistics are asked for rarely, the rules are one row.
 */
export class AssessmentRulesSettings {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  seed(): Promise<void> {
    return seedRules(this.sql, 'complaint_assessment_rules', DEFAULT_ASSESSMENT_RULES, this.now());
  }

  /** Every version, newest first; the defaults as version 1 when nothing was ever stored. */
  async versions(): Promise<AssessmentRulesVersion[]> {
    const rows = await rulesVersions(this.sql, 'complaint_assessment_rules');
    if (rows.length === 0) {
      return [{ version: 1, rules: DEFAULT_ASSESSMENT_RULES, createdAt: this.now().toISOString(), createdBy: 'seed' }];
    }
    return rows.map((row) => ({
      version: row.version,
      rules: AssessmentRules.parse(row.rules),
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    }));
  }

  /** The version in force. */
  async current(): Promise<AssessmentRulesVersion> {
    const [current] = await this.versions();
    if (current === undefined) throw new Error('versions() always has one');
    return current;
  }

  /** A new version by a supervisor, over `baseVersion`; refused when another version came first. */
  async update(actor: ComplaintActor | undefined, baseVersion: number, rules: AssessmentRules): Promise<RulesEditOutcome> {
    if (actor?.kind !== 'staff' || !mayEditAssessmentRules(actor)) return { kind: 'wrong_role' };
    const current = await this.current();
    if (current.version !== baseVersion) return { kind: 'version_conflict', current: current.version };
    const at = this.now();
    const version = await insertRulesVersion(this.sql, 'complaint_assessment_rules', baseVersion, rules, at, actor.name);
    if (version === undefined) return { kind: 'version_conflict', current: baseVersion + 1 };
    return { kind: 'ok', version: { version, rules, createdAt: at.toISOString(), createdBy: actor.name } };
  }
}
