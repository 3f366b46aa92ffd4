import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { platformHallOperations as ops } from '../../../contracts/platform-halls';
import type { HallCredentialService } from '../../services/hall-credential-service';
import type { HallService } from '../../services/hall-service';
import { ApiError } from '../errors';
import { actorOf as principalActor, principalOf } from '../auth';
import { platformRoute } from '../operation-route';

export interface HallRoutesOptions {
  halls: HallService;
  credentials: HallCredentialService;
}

/** Who changed it, for the audit: the signed-in district admin, or `admin-token`. */
const actorOf = (request: FastifyRequest): string => principalActor(principalOf(request));

const noHall = (hallId: string): ApiError => new ApiError(404, 'hall_not_found', `no hall ${hallId}`);
const noCredential = (credentialId: string): ApiError =>
  new ApiError(404, 'credential_not_found', `no credential ${credentialId} of this hall`);

/**
 * The district's halls and credentials, declared in contracts/platform-halls.ts: the console's
 * district admin changes them (every signed-in role reads them), the operator token too.
 */
export const hallRoutes: FastifyPluginAsync<HallRoutesOptions> = async (app, { halls, credentials }) => {
  platformRoute(app, ops.listHalls, async () => ({ status: 200, body: { halls: await halls.list() } }));

  platformRoute(app, ops.getHall, async ({ params }) => {
    const hall = await halls.get(params.hallId);
    if (hall === undefined) throw noHall(params.hallId);
    return { status: 200, body: hall };
  });

  platformRoute(app, ops.createHall, async ({ body }, request) => {
    const outcome = await halls.create(body, actorOf(request));
    if (outcome.kind === 'exists') throw new ApiError(409, 'hall_exists', `hall ${body.hallId} is registered already`);
    return { status: 201, body: outcome.hall };
  });

  platformRoute(app, ops.updateHall, async ({ params, body }, request) => {
    const hall = await halls.update(params.hallId, body, actorOf(request));
    if (hall === undefined) throw noHall(params.hallId);
    return { status: 200, body: hall };
  });

  platformRoute(app, ops.listHallCredentials, async ({ params, query }) => {
    const list = await credentials.list(params.hallId, query);
    if (list.kind === 'hall_not_found') throw noHall(params.hallId);
    return { status: 200, body: { credentials: list.credentials, next: list.next } };
  });

  platformRoute(app, ops.createHallCredential, async ({ params }, request) => {
    const issued = await credentials.issue(params.hallId, actorOf(request));
    if (issued === undefined) throw noHall(params.hallId);
    return { status: 201, body: issued };
  });

  platformRoute(app, ops.rotateHallCredential, async ({ params }, request) => {
    const outcome = await credentials.rotate(params.hallId, params.credentialId, actorOf(request));
    if (outcome.kind === 'not_found') throw noCredential(params.credentialId);
    if (outcome.kind === 'inactive') {
      throw new ApiError(409, 'credential_inactive', `a ${outcome.state} credential cannot be rotated: rotate the active one`, {
        state: outcome.state,
      });
    }
    return { status: 201, body: outcome.rotated };
  });

  platformRoute(app, ops.revokeHallCredential, async ({ params }, request) => {
    const revoked = await credentials.revoke(params.hallId, params.credentialId, actorOf(request));
    if (revoked === undefined) throw noCredential(params.credentialId);
    return { status: 200, body: revoked };
  });
};
