import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { NoticeService } from '../../services/notice-service';
import { actorOf, principalOf } from '../auth';
import { consoleRouter } from '../console-route';
import { ApiError } from '../errors';

export interface ConsoleNoticeRoutesOptions {
  notices: NoticeService;
}

/** Notices to every hall or some: list, publish, withdraw. */
export const consoleNoticeRoutes: FastifyPluginAsync<ConsoleNoticeRoutesOptions> = async (plain, { notices }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());

  route(ops.listNotices, async (request) =>
    notices.page(request.query.after === undefined ? undefined : Number(request.query.after), request.query.limit),
  );

  route(ops.createNotice, async (request, reply) => {
    const result = await notices.publish(request.body, actorOf(principalOf(request)));
    if (result.kind === 'unknown_halls') {
      throw new ApiError(404, 'hall_not_found', `no hall ${result.hallIds.join(', ')}`, { hallIds: result.hallIds });
    }
    return reply.code(201).send(result.notice);
  });

  route(ops.withdrawNotice, async (request) => {
    const notice = await notices.withdraw(Number(request.params.noticeId), actorOf(principalOf(request)));
    if (notice === undefined) throw new ApiError(404, 'notice_not_found', `no notice ${request.params.noticeId}`);
    return notice;
  });
};
