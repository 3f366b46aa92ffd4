import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { NoticeBoard } from '../notices/notice-board';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface NoticeRouteDeps {
  notices: NoticeBoard;
  auth: StaffAuth;
}

/**
 * Notices (通知公告). Reading the ones showing is public (the kiosk attract screen and the hall
 * display have no staff session); managing them is for supervisors, whose actions are audited.
 */
export function noticeRoutes(deps: NoticeRouteDeps): FastifyPluginAsyncZod {
  const { notices } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.notices, async () => notices.current());

    route(operations.allNotices, async (req) => notices.page(req.query));

    route(operations.publishNotice, async (req, reply) => reply.code(201).send(notices.publish(req.body, staffOf(req))));

    route(operations.withdrawNotice, async (req) => notices.withdraw(req.params.id, staffOf(req)));
  };
}
