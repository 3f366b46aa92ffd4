import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { ConsoleCaseService } from '../../services/console-case-service';
import { actorOf, principalOf } from '../auth';
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
    if (outcome.kind === 'not_found') throw new ApiError(404, 'case_not_found', `no case ${caseNumber}`);
    if (outcome.kind === 'invalid') {
      throw new ApiError(409, 'invalid_transition', `a ${outcome.from} case cannot become ${request.body.status}`, {
        from: outcome.from,
        to: request.body.status,
        allowed: outcome.allowed,
      });
    }
    return outcome.detail;
  });
};
