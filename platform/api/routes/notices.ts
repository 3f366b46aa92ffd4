import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CentralErrorBody, CreateNoticeRequest, Notice, NoticesQuery, NoticesResponse } from '../../../contracts/central-api';
import type { NoticeService } from '../../services/notice-service';
import { ApiError } from '../errors';
import { callerHall } from '../hall-scope';

export interface NoticeRoutesOptions {
  notices: NoticeService;
}

/** Notices (通知公告) shown in the hall; operators publish them. */
export const noticeRoutes: FastifyPluginAsyncZod<NoticeRoutesOptions> = async (app, { notices }) => {
  app.get(
    '/v1/notices',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "The calling hall's current notices and those to every hall (all=true: past and future too), newest first",
        tags: ['notices'],
        security: [{ terminalToken: [] }],
        querystring: NoticesQuery,
        response: {
          200: NoticesResponse,
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request) => ({ notices: await notices.list(callerHall(request).hallId, request.query.all ?? false) }),
  );

  app.post(
    '/v1/admin/notices',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Publish a notice to one registered hall, or (without hallId) to every hall',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: CreateNoticeRequest,
        response: { 201: Notice, 400: CentralErrorBody, 401: CentralErrorBody, 404: CentralErrorBody },
      },
    },
    async (request, reply) => {
      const notice = await notices.create(request.body);
      if (notice === undefined) throw new ApiError(404, 'hall_not_found', `no hall ${request.body.hallId ?? ''}`);
      return reply.code(201).send(notice);
    },
  );
};
