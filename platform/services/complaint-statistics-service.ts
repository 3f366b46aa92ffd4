import type { AssessmentPeriod, UnitFigures } from '../../contracts/complaint-assessment';
import { addUnitFigures, emptyUnitFigures } from '../../contracts/complaint-assessment';
import type { ComplaintActor } from '../../contracts/complaint-actions';
import type { ComplaintStatistics, StatisticsQuery } from '../../contracts/platform-complaint-statistics';
import type { Sql } from '../db/sql';
import { countedUnitFigures } from './complaint-figures';
import type { UnitRow } from '../store/complaint-directory';
import { assessUnits, roundedMeasuresOf } from './complaint-assessment';
import type { AssessmentRulesSettings } from './complaint-assessment-rules';
import { assessmentWorkbook } from './complaint-assessment-workbook';
import type { ComplaintDirectoryService } from './complaint-directory-service';

/** Which units a reader sees: every one (a 营商局 role), or their own. */
export type StatisticsReader = { scope: 'all' } | { scope: 'unit'; unitCode: string };

export type StatisticsOutcome =
  | { kind: 'ok'; statistics: ComplaintStatistics; workbook: () => Promise<Buffer> }
  | { kind: 'not_a_person' }
  | { kind: 'wrong_unit'; unitCode: string };

/** A person with any 营商局 role reads every unit; anyone else of the desk, their own unit. */
export function readerOf(actor: ComplaintActor | undefined): StatisticsReader | undefined {
  if (actor?.kind !== 'staff') return undefined;
  return actor.bureauRoles.length > 0 ? { scope: 'all' } : { scope: 'unit', unitCode: actor.unitCode };
}

function sumFigures(all: readonly UnitFigures[]): UnitFigures {
  const total = emptyUnitFigures('district');
  for (const f of all) addUnitFigures(total, f);
  return total;
}

/**
 * 查询统计 and 考核 of a period: every unit's figures (the store's SQL), scored and ranked under
 * the 考核细则 in force among all the units, then narrowed to what the reader may see. The
 * ranking is always made among every unit, so a unit's rank is the same whoever reads it. A unit
 * no longer active is listed only when it had something to count in the period.
 */
export class ComplaintStatisticsService {
  constructor(
    private readonly sql: Sql,
    private readonly directory: ComplaintDirectoryService,
    private readonly rules: AssessmentRulesSettings,
    private readonly now: () => Date,
  ) {}

  async statistics(personId: string | null, query: StatisticsQuery): Promise<StatisticsOutcome> {
    const reader = readerOf(await this.directory.actorOf(personId));
    if (reader === undefined) return { kind: 'not_a_person' };
    if (reader.scope === 'unit' && query.unit !== undefined && query.unit !== reader.unitCode) {
      return { kind: 'wrong_unit', unitCode: query.unit };
    }
    const only = reader.scope === 'unit' ? reader.unitCode : query.unit;
    const period: AssessmentPeriod = { from: query.from, to: query.to, label: query.label ?? `${query.from}至${query.to}` };
    const now = this.now();
    const [figures, units, rules] = await Promise.all([
      countedUnitFigures(this.sql, period, now),
      this.directory.units(),
      this.rules.current(),
    ]);
    const unitOf = new Map<string, UnitRow>(units.map((u) => [u.code, u]));
    const result = assessUnits(rules.rules, period, figures);
    const figuresOf = new Map(figures.map((f) => [f.unitCode, f]));
    const shown = result.units.filter((score) => {
      const unit = unitOf.get(score.unitCode);
      if (unit === undefined) return false;
      if (only !== undefined) return score.unitCode === only;
      return unit.active || score.active;
    });
    const lines = shown.flatMap((score) => {
      const unit = unitOf.get(score.unitCode);
      const f = figuresOf.get(score.unitCode);
      return unit === undefined || f === undefined
        ? []
        : [{ unitCode: unit.code, name: unit.name, kind: unit.kind, figures: f, score }];
    });
    const district = sumFigures(figures);
    const statistics: ComplaintStatistics = {
      period,
      rules: { version: rules.version, name: rules.rules.name, total: rules.rules.total },
      scope: reader.scope,
      units: lines,
      rankedUnits: result.units.filter((u) => u.rank !== null).length,
      district: { figures: district, measures: roundedMeasuresOf(district) },
      generatedAt: now.toISOString(),
    };
    const workbook = () =>
      assessmentWorkbook({
        rules: rules.rules,
        result: { ...result, units: shown },
        figures: lines.map((line) => line.figures),
        units: lines.map(({ unitCode, name, kind }) => ({ code: unitCode, name, kind })),
        generatedAt: now.toISOString(),
      });
    return { kind: 'ok', statistics, workbook };
  }
}
