import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { complaintOperations as ops } from '../../../contracts/platform-complaints-api';
import type { ComplaintDirectoryService, DirectoryOutcome } from '../../services/complaint-directory-service';
import { actorOf, principalOf } from '../auth';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface ComplaintDirectoryRoutesOptions {
  directory: ComplaintDirectoryService;
}

const who = (request: FastifyRequest): string => actorOf(principalOf(request));

/** The answer of a directory change, or its refusal as an ApiError. */
function valueOf<T>(outcome: DirectoryOutcome<T>): T {
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'unit_exists':
      throw new ApiError(409, 'unit_exists', 'a unit has this code already');
    case 'bureau_exists':
      throw new ApiError(409, 'bureau_exists', 'the 营商局 is registered already, and it must be a department');
    case 'unit_not_found':
      throw new ApiError(404, 'unit_not_found', `no unit ${outcome.unitCode}`);
    case 'person_not_found':
      throw new ApiError(404, 'person_not_found', 'no such person');
    case 'bureau_roles_outside_bureau':
      throw new ApiError(400, 'invalid_request', 'bureau roles are for people of the 营商局');
    case 'username_taken':
      throw new ApiError(409, 'username_taken', 'this username is taken');
    case 'person_has_account':
      throw new ApiError(409, 'person_has_account', 'this person has a console account already');
  }
}

/** The complaint directory: every signed-in account reads it, the district admin changes it. */
export const complaintDirectoryRoutes: FastifyPluginAsync<ComplaintDirectoryRoutesOptions> = async (app, { directory }) => {
  platformRoute(app, ops.complaintDirectory, async () => ({ status: 200, body: await directory.directory() }));

  platformRoute(app, ops.createComplaintUnit, async ({ body }, request) => ({
    status: 201,
    body: valueOf(await directory.createUnit(body, who(request))),
  }));

  platformRoute(app, ops.updateComplaintUnit, async ({ params, body }, request) => ({
    status: 200,
    body: valueOf(await directory.updateUnit(params.code, body, who(request))),
  }));

  platformRoute(app, ops.createComplaintPerson, async ({ body }, request) => ({
    status: 201,
    body: valueOf(await directory.createPerson(body, who(request))),
  }));

  platformRoute(app, ops.updateComplaintPerson, async ({ params, body }, request) => ({
    status: 200,
    body: valueOf(await directory.updatePerson(params.personId, body, who(request))),
  }));

  platformRoute(app, ops.createComplaintPersonAccount, async ({ params, body }, request) => ({
    status: 201,
    body: valueOf(await directory.createAccount(params.personId, body, who(request))),
  }));
};
