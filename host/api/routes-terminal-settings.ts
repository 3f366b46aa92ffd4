import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { TerminalSettings, TerminalSettingsView } from '../../contracts/terminal-settings';
import type { StaffAuth } from '../auth/staff-auth';
import type { TerminalSettingsStore } from '../settings/terminal-settings';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

/**
 * This terminal's settings. Reading is open (the kiosk screen needs its options before anyone
 * signs in; nothing in them is secret); changing them is a technician's, audited.
 */
export function terminalSettingsRoutes(deps: { store: TerminalSettingsStore; auth: StaffAuth }): FastifyPluginAsyncZod {
  const technician = requireStaff(deps.auth, ['technician']);
  return async (app) => {
    app.get('/terminal/settings', { schema: { tags: ['settings'], response: { 200: TerminalSettingsView } } }, async () =>
      deps.store.get(),
    );

    app.put(
      '/terminal/settings',
      {
        preHandler: technician,
        schema: { tags: ['settings'], body: TerminalSettings, response: { 200: TerminalSettingsView, ...errors } },
      },
      async (req) => deps.store.update(req.body, staffOf(req).id),
    );
  };
}
