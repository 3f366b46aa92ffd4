import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConfigExport, ImportQuery, ImportResult } from '../../contracts/config-transfer';
import { ApiError } from '../../contracts/errors';
import type { StaffAuth } from '../auth/staff-auth';
import { localDate, type Clock } from '../clock/clock';
import type { ConfigTransfer } from '../settings/config-transfer';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

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
  const technician = requireStaff(deps.auth, ['technician']);
  return async (app) => {
    app.get(
      '/config/export',
      { preHandler: technician, schema: { tags: ['settings'], response: { 200: ConfigExport, ...errors } } },
      async (_req, reply) => {
        const file = deps.transfer.export();
        const day = localDate(deps.clock.now(), deps.timeZone);
        return reply
          .header('content-disposition', `attachment; filename="hall-kiosk-config-${file.hallId}-${day}.json"`)
          .header('cache-control', 'no-store')
          .send(file);
      },
    );

    app.post(
      '/config/import',
      {
        preHandler: technician,
        schema: { tags: ['settings'], querystring: ImportQuery, body: ConfigExport, response: { 200: ImportResult, ...errors } },
      },
      async (req) =>
        req.query.dryRun ? deps.transfer.plan(req.body, staffOf(req)) : deps.transfer.apply(req.body, staffOf(req)),
    );
  };
}
