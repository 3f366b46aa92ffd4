import { ApiError } from '../../contracts/errors';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StaffAuth } from '../auth/staff-auth';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { buildDiagnosticsBundle, type DiagnosticsSources } from '../diagnostics/diagnostics-bundle';
import type { Db } from '../../db/open';
import { requireStaff, staffOf } from './auth-guard';

/**
 * The diagnostics bundle (a zip, see host/diagnostics): technicians only, and every download
 * is audited. The audit row is written before the zip is built, so it is the bundle's last row.
 */
export function diagnosticsRoutes(deps: {
  sources: DiagnosticsSources;
  auth: StaffAuth;
  db: Db;
  clock: Clock;
}): FastifyPluginAsyncZod {
  const technician = requireStaff(deps.auth, ['technician']);
  return async (app) => {
    app.get(
      '/diagnostics',
      {
        preHandler: technician,
        schema: {
          tags: ['diagnostics'],
          response: {
            200: {
              description: 'The diagnostics bundle (zip): host facts, masked logs, audit tail, devices, sync, database checks.',
              content: { 'application/zip': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) } },
            },
            401: ApiError,
            403: ApiError,
          },
        },
      },
      async (req, reply) => {
        audit(deps.db, deps.clock, 'diagnostics.download', { staffId: staffOf(req).id });
        const bundle = buildDiagnosticsBundle(deps.sources);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(bundle.zip));
      },
    );
  };
}
