import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { localDate, type Clock } from '../clock/clock';
import type { ConfigTransfer } from '../settings/config-transfer';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * Export and import of the hall's configuration (technicians only). The export is a download
 * (`hall-kiosk-config-<hallId>-<date>.json`); an import is a dry run unless `dryRun=false`.
 */
export function configTransferRoutes(deps: {
  transfer: ConfigTransfer;
  auth: StaffAuth;
  clock: Clock;
  timeZone: string;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.exportConfig, async (_req, reply) => {
      const file = deps.transfer.export();
      const day = localDate(deps.clock.now(), deps.timeZone);
      return reply
        .header('content-disposition', `attachment; filename="hall-kiosk-config-${file.hallId}-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(file);
    });

    route(operations.importConfig, async (req) =>
      req.query.dryRun ? deps.transfer.plan(req.body, staffOf(req)) : deps.transfer.apply(req.body, staffOf(req)),
    );
  };
}
