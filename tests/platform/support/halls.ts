import type { InjectOptions } from 'fastify';
import {
  platformUrl,
  type PlatformInput,
  type PlatformOperation,
  type PlatformReply,
} from '../../../contracts/platform-operation';
import { IssuedCredential, platformHallOperations, type CreateHallInput } from '../../../contracts/platform-halls';
import type { Platform } from '../../../platform/server';
import { adminAuth } from './platform';

/**
 * Calls an operation of the platform's table the way a client built on the declaration does
 * (contracts/platform-operation.ts): method and URL from `op`, the body as given.
 */
export function callOperation<O extends PlatformOperation>(
  api: Platform,
  op: O,
  input: PlatformInput<O>,
  headers: Record<string, string> = adminAuth,
) {
  const options: InjectOptions = {
    method: op.method,
    url: platformUrl(op, { params: input.params, query: input.query }),
    headers,
    ...(input.body === undefined ? {} : { payload: input.body as object }),
  };
  return api.app.inject(options);
}

/** The body of a 2xx answer, parsed by the schema the operation declares for its status. */
export function replyOf<O extends PlatformOperation>(op: O, res: { statusCode: number; json(): unknown }): PlatformReply<O> {
  const schema = op.responses[res.statusCode];
  if (schema === undefined || res.statusCode >= 300)
    throw new Error(`${op.name} answered ${res.statusCode}: ${JSON.stringify(res.json())}`);
  // The schema is the one `op` declares for this 2xx status: its output is the operation's reply.
  return schema.parse(res.json()) as PlatformReply<O>;
}

/** Issues a credential of a registered hall (the demo district's hall-02…05) and returns it, token included. */
export async function issueCredential(api: Platform, hallId: string): Promise<IssuedCredential> {
  const op = platformHallOperations.createHallCredential;
  return IssuedCredential.parse(replyOf(op, await callOperation(api, op, { params: { hallId } })));
}

/** The Authorization header of a hall credential's token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** A fresh credential of `hallId`, as request headers. */
export async function hallAuth(api: Platform, hallId: string): Promise<Record<string, string>> {
  return bearer((await issueCredential(api, hallId)).token);
}

/** Weekdays 09:00–12:00 and 14:00–17:30: a community centre's usual hours. */
const communityWeekday = [
  { from: '09:00', to: '12:00' },
  { from: '14:00', to: '17:30' },
];

/** A community centre's registration as the console sends it (the benches' many halls). */
export function communityCentre(hallId: string, name: string): CreateHallInput {
  return {
    hallId,
    name,
    level: 'community-centre',
    address: `${name}大楼1层`,
    hours: { mon: communityWeekday, tue: communityWeekday, wed: communityWeekday, thu: communityWeekday, fri: communityWeekday },
    windows: 6,
  };
}

/**
 * Registers `hall` through the admin API (`createHall`) and issues its first credential
 * (`createHallCredential`), as a district does before the hall's hosts go live; returns the
 * credential, token included. `headers` authorise both calls (default: the tests' admin token).
 */
export async function registerHallWithCredential(
  api: Platform,
  hall: CreateHallInput,
  headers: Record<string, string> = adminAuth,
): Promise<IssuedCredential> {
  const create = platformHallOperations.createHall;
  replyOf(create, await callOperation(api, create, { body: hall }, headers));
  const issue = platformHallOperations.createHallCredential;
  return IssuedCredential.parse(replyOf(issue, await callOperation(api, issue, { params: { hallId: hall.hallId } }, headers)));
}
