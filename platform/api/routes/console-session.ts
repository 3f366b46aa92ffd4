import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { DistrictStaffService } from '../../services/district-staff-service';
import { principalOf } from '../auth';
import { consoleRouter } from '../console-route';
import { ApiError } from '../errors';

export interface ConsoleSessionRoutesOptions {
  staff: DistrictStaffService;
}

/** Sign in, sign out, who am I: the district console's sessions. */
export const consoleSessionRoutes: FastifyPluginAsync<ConsoleSessionRoutesOptions> = async (plain, { staff }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());

  route(ops.signIn, async (request, reply) => {
    const outcome = await staff.signIn(request.body.username, request.body.password);
    if (outcome.kind === 'locked_out') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      throw new ApiError(429, 'locked_out', 'too many failed sign-ins for this name; try again later', {
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    }
    // One answer for an unknown name, a wrong password and a disabled account.
    if (outcome.kind === 'bad_credentials') throw new ApiError(401, 'unauthorized', 'wrong username or password');
    return reply.code(201).send({ token: outcome.token, staff: outcome.staff, expiresAt: outcome.expiresAt.toISOString() });
  });

  route(ops.signOut, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.via === 'session') await staff.signOut(principal.token);
    return reply.code(204).send(null);
  });

  route(ops.me, async (request) => {
    const principal = principalOf(request);
    return principal.via === 'admin-token'
      ? { staff: { username: 'admin-token', name: 'admin token', role: 'district-admin' as const }, via: 'admin-token' as const }
      : {
          staff: {
            username: principal.staff.username,
            name: principal.staff.name,
            role: principal.staff.role,
            // Only an account that acts as a complaint person says so: the others' replies stay as they were.
            ...(principal.staff.personId === null ? {} : { personId: principal.staff.personId }),
          },
          via: 'session' as const,
        };
  });
};
