import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { buildDiagnosticsBundle, type DiagnosticsSources } from '../diagnostics/diagnostics-bundle';
import type { Db } from '../../db/open';
import { staffOf } from './auth-guard';
import { router } from './route';

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
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.diagnostics, async (req, reply) => {
      audit(deps.db, deps.clock, 'diagnostics.download', { staffId: staffOf(req).id });
      const bundle = buildDiagnosticsBundle(deps.sources);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(bundle.zip));
    });
  };
}
