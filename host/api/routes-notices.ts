import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { callerOf } from '../lan/caller';
import type { NoticeBoard } from '../notices/notice-board';
import { noticeScreenOf } from '../notices/notice-screen';
import type { ScreenNotices } from '../notices/screen-notices';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface NoticeRouteDeps {
  notices: NoticeBoard;
  /** What each screen shows (on a secondary kiosk: its hall's notices). */
  screens: ScreenNotices;
  auth: StaffAuth;
}

/**
 * Notices (通知公告). Reading the ones showing is public (the kiosk attract screen and the hall
 * display have no staff session): each screen gets those targeted at it, told by who it is.
 * Managing them is for supervisors, whose actions are audited.
 */
export function noticeRoutes(deps: NoticeRouteDeps): FastifyPluginAsyncZod {
  const { notices, screens } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.notices, async (req) => screens.showing(noticeScreenOf(callerOf(req))));

    route(operations.allNotices, async (req) => notices.page(req.query));

    route(operations.noticeTerminals, async (req) => notices.terminals(req.query));

    route(operations.publishNotice, async (req, reply) => reply.code(201).send(notices.publish(req.body, staffOf(req))));

    route(operations.editNotice, async (req) => notices.edit(req.params.id, req.body, staffOf(req)));

    route(operations.withdrawNotice, async (req) => notices.withdraw(req.params.id, staffOf(req)));
  };
}
