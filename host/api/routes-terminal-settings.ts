import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { TerminalSettingsStore } from '../settings/terminal-settings';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * This terminal's settings. Reading is open (the kiosk screen needs its options before anyone
 * signs in; nothing in them is secret); changing them is a technician's, audited; the update
 * feed only from this machine's own shell (`atMachine`, the store decides), the backup folder only
 * from this machine (`backupFolderHere`).
 */
export function terminalSettingsRoutes(deps: {
  store: TerminalSettingsStore;
  auth: StaffAuth;
  atMachine: (req: FastifyRequest) => boolean;
  /** Whether the request may change the backup folder (the store's `backupFolderHere`). */
  backupFolderHere: (req: FastifyRequest) => boolean;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.terminalSettings, async () => deps.store.get());

    route(operations.saveTerminalSettings, async (req) =>
      deps.store.update(req.body, {
        staffId: staffOf(req).id,
        atMachine: deps.atMachine(req),
        backupFolderHere: deps.backupFolderHere(req),
      }),
    );
  };
}
