import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { downloadDiagnosticsBundle, type DiagnosticsSources } from '../diagnostics/diagnostics-bundle';
import { staffOf } from './auth-guard';
import { router } from './route';

/** The diagnostics bundle (a zip, see host/diagnostics): technicians only, and every download is audited. */
export function diagnosticsRoutes(deps: { sources: DiagnosticsSources; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.diagnostics, async (req, reply) => {
      const bundle = downloadDiagnosticsBundle(deps.sources, staffOf(req).id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(bundle.zip));
    });
  };
}
