import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { HallNoticeRecord, HallNoticeRecords, HallNotices, NoticeIdParams, PublishNoticeRequest } from '../../contracts/notices';
import type { StaffAuth } from '../auth/staff-auth';
import type { NoticeBoard } from '../notices/notice-board';
import { requireStaff, staffOf } from './auth-guard';

export interface NoticeRouteDeps {
  notices: NoticeBoard;
  auth: StaffAuth;
}

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/**
 * Notices (通知公告). Reading the ones showing is public (the kiosk attract screen and the hall
 * display have no staff session); managing them is for supervisors, whose actions are audited.
 */
export function noticeRoutes(deps: NoticeRouteDeps): FastifyPluginAsyncZod {
  const { notices } = deps;
  const supervisors = requireStaff(deps.auth, ['supervisor']);
  return async (app) => {
    app.get('/notices', { schema: { tags: ['notices'], response: { 200: HallNotices } } }, async () => notices.current());

    app.get(
      '/notices/all',
      { preHandler: supervisors, schema: { tags: ['notices'], response: { 200: HallNoticeRecords, ...errors } } },
      async () => ({ notices: notices.all() }),
    );

    app.post(
      '/notices',
      {
        preHandler: supervisors,
        schema: { tags: ['notices'], body: PublishNoticeRequest, response: { 201: HallNoticeRecord, ...errors } },
      },
      async (req, reply) => reply.code(201).send(notices.publish(req.body, staffOf(req))),
    );

    app.delete(
      '/notices/:id',
      {
        preHandler: supervisors,
        schema: { tags: ['notices'], params: NoticeIdParams, response: { 200: HallNoticeRecord, ...errors } },
      },
      async (req) => notices.withdraw(req.params.id, staffOf(req)),
    );
  };
}
