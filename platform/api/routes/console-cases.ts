import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { ConsoleCaseService } from '../../services/console-case-service';
import { actorOf, principalOf } from '../auth';
import { transitionError } from '../case-transition';
import { consoleRouter } from '../console-route';
import { ApiError } from '../errors';

export interface ConsoleCaseRoutesOptions {
  cases: ConsoleCaseService;
}

/** Cases across halls: search, one case with its history, a status change. */
export const consoleCaseRoutes: FastifyPluginAsync<ConsoleCaseRoutesOptions> = async (plain, { cases }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());

  route(ops.searchCases, async (request) => cases.search(request.query));

  route(ops.caseDetail, async (request) => {
    const detail = await cases.detail(request.params.caseNumber);
    if (detail === undefined) throw new ApiError(404, 'case_not_found', `no case ${request.params.caseNumber}`);
    return detail;
  });

  route(ops.setCaseStatus, async (request) => {
    const { caseNumber } = request.params;
    const outcome = await cases.setStatus(caseNumber, request.body.status, request.body.note, actorOf(principalOf(request)));
    if (outcome.kind !== 'ok') throw transitionError(outcome, caseNumber, request.body.status);
    return outcome.detail;
  });
};
