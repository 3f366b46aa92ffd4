import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { BackupService } from '../backup/backup-service';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * Backups of this host's database (docs/backup.md): the list for technicians and supervisors; a
 * backup now, the dry run of a restore and the restore for technicians. A restore answers 202 and
 * the host restarts on the restored database right after (host/main.ts).
 */
export function backupRoutes(deps: { backups: BackupService; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.backups, async () => deps.backups.list());

    route(operations.backUpNow, async (req) => deps.backups.backUpNow(staffOf(req).id));

    route(operations.previewRestore, async (req) => deps.backups.preview(req.params.name));

    route(operations.restoreBackup, async (req, reply) => {
      const staff = staffOf(req);
      const started = await deps.backups.restore(req.params.name, {
        acceptUnreadableCurrent: req.body.acceptUnreadableCurrent,
        staffId: staff.id,
        staffNo: staff.staffNo,
      });
      return reply.code(202).send(started);
    });
  };
}
