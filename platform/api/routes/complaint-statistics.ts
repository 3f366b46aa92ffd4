import type { FastifyPluginAsync } from 'fastify';
import { XLSX_MEDIA_TYPE } from '../../../contracts/platform-indicators';
import {
  complaintStatisticsOperations as ops,
  type AssessmentRulesView,
  type StatisticsQuery,
} from '../../../contracts/platform-complaint-statistics';
import { mayEditAssessmentRules, type AssessmentRulesSettings } from '../../services/complaint-assessment-rules';
import type { ComplaintDirectoryService } from '../../services/complaint-directory-service';
import { readerOf, type ComplaintStatisticsService } from '../../services/complaint-statistics-service';
import { actingPersonOf } from '../acting-person';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface ComplaintStatisticsRoutesOptions {
  statistics: ComplaintStatisticsService;
  rules: AssessmentRulesSettings;
  directory: ComplaintDirectoryService;
}

const notAPerson = (): ApiError =>
  new ApiError(403, 'not_a_person', 'this account acts as no active person of the complaint directory');

/** 查询统计 and 考核 (contracts/platform-complaint-statistics.ts): translated here, decided by the services. */
export const complaintStatisticsRoutes: FastifyPluginAsync<ComplaintStatisticsRoutesOptions> = async (app, options) => {
  const { statistics, rules, directory } = options;

  const statisticsFor = async (personId: string | null, query: StatisticsQuery) => {
    const outcome = await statistics.statistics(personId, query);
    switch (outcome.kind) {
      case 'not_a_person':
        throw notAPerson();
      case 'wrong_unit':
        throw new ApiError(403, 'wrong_unit', 'a unit reads its own statistics only', { unitCode: outcome.unitCode });
      case 'ok':
        return outcome;
    }
  };

  platformRoute(app, ops.complaintStatistics, async ({ query }, request) => ({
    status: 200,
    body: (await statisticsFor(actingPersonOf(request), query)).statistics,
  }));

  platformRoute(app, ops.exportComplaintStatistics, async ({ query }, request, reply) => {
    const outcome = await statisticsFor(actingPersonOf(request), query);
    const xlsx = await outcome.workbook();
    reply.header('content-type', XLSX_MEDIA_TYPE);
    reply.header('content-disposition', `attachment; filename="complaint-statistics-${query.from}-${query.to}.xlsx"`);
    return { status: 200, body: xlsx };
  });

  const view = async (editable: boolean): Promise<AssessmentRulesView> => {
    const versions = await rules.versions();
    const [current] = versions;
    if (current === undefined) throw new Error('versions() always has one');
    return { current, versions, editable };
  };

  platformRoute(app, ops.getAssessmentRules, async (_input, request) => {
    const actor = await directory.actorOf(actingPersonOf(request));
    if (readerOf(actor) === undefined) throw notAPerson();
    return { status: 200, body: await view(mayEditAssessmentRules(actor)) };
  });

  platformRoute(app, ops.putAssessmentRules, async ({ body }, request) => {
    const actor = await directory.actorOf(actingPersonOf(request));
    if (readerOf(actor) === undefined) throw notAPerson();
    const outcome = await rules.update(actor, body.baseVersion, body.rules);
    switch (outcome.kind) {
      case 'wrong_role':
        throw new ApiError(403, 'wrong_role', 'only a 营商局 supervisor writes the 考核细则', { needs: ['supervisor'] });
      case 'version_conflict':
        throw new ApiError(409, 'assessment_rules_changed', 'the rules were changed since this edit began', {
          version: outcome.current,
        });
      case 'ok':
        return { status: 200, body: await view(true) };
    }
  });
};
