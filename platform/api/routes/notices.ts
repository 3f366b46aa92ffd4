import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CentralErrorBody, CreateNoticeRequest, Notice, NoticesQuery, NoticesResponse } from '../../../contracts/central-api';
import type { NoticeService } from '../../services/notice-service';

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
        summary: "A hall's current notices (all=true: past and future ones too), newest first",
        tags: ['notices'],
        security: [{ terminalToken: [] }],
        querystring: NoticesQuery,
        response: { 200: NoticesResponse, 400: CentralErrorBody, 401: CentralErrorBody, 503: CentralErrorBody },
      },
    },
    async (request) => ({ notices: await notices.list(request.query.hall, request.query.all ?? false) }),
  );

  app.post(
    '/v1/admin/notices',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Publish a notice (without hallId: every hall)',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: CreateNoticeRequest,
        response: { 201: Notice, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await notices.create(request.body)),
  );
};
