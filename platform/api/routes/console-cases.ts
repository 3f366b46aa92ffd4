import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { CasePageService } from '../../services/case-page-service';
import type { ConsoleCaseService } from '../../services/console-case-service';
import { actorOf, principalOf } from '../auth';
import { transitionError } from '../case-transition';
import { consoleRouter } from '../console-route';
import { ApiError } from '../errors';

export interface ConsoleCaseRoutesOptions {
  cases: ConsoleCaseService;
  /** The cases' material pages: listed for whoever may see the case, the JPEG on request. */
  pages: CasePageService;
}

/** Cases across halls: search, one case with its history, a status change. */
export const consoleCaseRoutes: FastifyPluginAsync<ConsoleCaseRoutesOptions> = async (plain, { cases, pages }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());

  route(ops.searchCases, async (request) => cases.search(request.query));

  route(ops.caseDetail, async (request) => {
    const detail = await cases.detail(request.params.caseNumber);
    if (detail === undefined) throw new ApiError(404, 'case_not_found', `no case ${request.params.caseNumber}`);
    return detail;
  });

  route(ops.casePages, async (request) => {
    const listed = await pages.pagesOf(request.params.caseNumber);
    if (listed === undefined) throw new ApiError(404, 'case_not_found', `no case ${request.params.caseNumber}`);
    return listed;
  });

  route(ops.casePageImage, async (request, reply) => {
    const { caseNumber, pageId } = request.params;
    const image = await pages.pageImage(caseNumber, pageId);
    if (image === undefined) throw new ApiError(404, 'page_not_found', 'no such page of this case, or it was purged');
    // A scan of the applicant's papers: for the reader's eyes, never a shared cache.
    void reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store');
    return image;
  });

  route(ops.setCaseStatus, async (request) => {
    const { caseNumber } = request.params;
    const outcome = await cases.setStatus(caseNumber, request.body.status, request.body.note, actorOf(principalOf(request)));
    if (outcome.kind !== 'ok') throw transitionError(outcome, caseNumber, request.body.status);
    return outcome.detail;
  });
};
