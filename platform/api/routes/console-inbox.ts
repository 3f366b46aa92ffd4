import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PersonId } from '../../../contracts/complaints';
import { platformInboxOperations as ops } from '../../../contracts/platform-inbox';
import type { NoticeInboxService } from '../../services/notice-inbox-service';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

/**
 * Which person of the complaint desk a console request is from, or null when its account is none
 * (the admin token, an account not linked to a person). The link between console accounts and
 * the desk's people belongs to the complaint services; the platform is given it.
 */
export type PersonResolver = (request: FastifyRequest) => PersonId | null | Promise<PersonId | null>;

/** Until the link exists: nobody has an inbox. */
export const NO_PERSON: PersonResolver = () => null;

export interface ConsoleInboxRoutesOptions {
  inbox: NoticeInboxService;
  personOf: PersonResolver;
}

/**
 * The signed-in person's inbox (contracts/platform-inbox.ts). The auth hook admits any console
 * session first; then the person is the resolver's, never a request field, so an inbox is its
 * owner's alone: another person's item is a 404 like a missing one.
 */
export const consoleInboxRoutes: FastifyPluginAsync<ConsoleInboxRoutesOptions> = async (app, { inbox, personOf }) => {
  const personOfRequest = async (request: FastifyRequest): Promise<PersonId> => {
    const person = await personOf(request);
    if (person === null)
      throw new ApiError(403, 'forbidden', 'this account has no inbox: it is not a person of the complaint desk');
    return person;
  };

  platformRoute(app, ops.listInbox, async ({ query }, request) => ({
    status: 200,
    body: await inbox.list(await personOfRequest(request), query),
  }));

  platformRoute(app, ops.inboxUnread, async (_input, request) => ({
    status: 200,
    body: { unread: await inbox.unread(await personOfRequest(request)) },
  }));

  platformRoute(app, ops.markInboxItemRead, async ({ params }, request) => {
    const item = await inbox.markRead(await personOfRequest(request), params.itemId);
    if (item === undefined) throw new ApiError(404, 'inbox_item_not_found', `no item ${params.itemId} in this inbox`);
    return { status: 200, body: item };
  });

  platformRoute(app, ops.markInboxRead, async (_input, request) => ({
    status: 200,
    body: { marked: await inbox.markAllRead(await personOfRequest(request)) },
  }));
};
