import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleAccess } from '../../contracts/platform-console-api';
import type { PlatformAccess } from '../../contracts/platform-operation';
import type { DistrictStaffService, SignedInStaff } from '../services/district-staff-service';
import type { CallerHall, SignIn, SignInRefusal } from '../services/hall-credential-service';
import { ApiError } from './errors';

/**
 * Who may call a route, set per route as `config.access` (contracts/platform-operation.ts):
 * `public` (health), `terminal` (a hall's credential), `admin` (the operator token),
 * `any` (either; the OpenAPI document). The console's routes set `config.consoleAccess`
 * instead (contracts/platform-console-api.ts): `public` (signing in), `signedIn` (a district
 * staff session of any role) or `{ roles }` (a session of one of these roles). The admin token
 * passes every console check: it is what scripts and tests drive the platform with.
 */
export type Access = PlatformAccess;

/** Who a console request comes from, once the guard admitted it. */
export type Principal = { via: 'admin-token' } | { via: 'session'; staff: SignedInStaff; token: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    consoleAccess?: ConsoleAccess;
  }
  interface FastifyRequest {
    /** The hall a `terminal` (or `any`) request signed in as; null before sign-in and for the operator. */
    hall: CallerHall | null;
    /** Set by the guard on console routes (`signedIn`, `{ roles }`). */
    principal?: Principal;
  }
}

/** How a token becomes a hall (services/hall-credential-service.ts). */
export interface HallSignIn {
  signIn(token: string): Promise<SignIn>;
  signInAsHall(hallId: string): Promise<SignIn>;
}

export interface AuthConfig {
  /** Static dev tokens: each signs in as `staticTokenHall` (the demo hall). */
  tokens: readonly string[];
  staticTokenHall: string;
  adminToken: string;
  halls: HallSignIn;
  /** District staff sessions, for the console's routes. */
  staff: DistrictStaffService;
}

/** The principal the guard admitted; a console handler that runs has one. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new ApiError(401, 'unauthorized', 'not signed in');
  return request.principal;
}

/** Who did something, for a record (a notice's publisher). */
export function actorOf(principal: Principal): string {
  return principal.via === 'admin-token' ? 'admin-token' : principal.staff.username;
}

// Static and admin tokens are compared as sha256 digests with timingSafeEqual, and every one is
// checked, so response timing does not reveal how much of a guess was right. Hall credentials
// are looked up by their sha256 (services/hall-credential-service.ts says why that is safe).
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function matchesAny(candidate: Buffer, allowed: readonly Buffer[]): boolean {
  let found = false;
  for (const token of allowed) found = timingSafeEqual(candidate, token) || found;
  return found;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

const REFUSALS: Readonly<Record<SignInRefusal, string>> = {
  unknown: 'invalid token',
  revoked: 'this credential was revoked',
  expired: 'this credential was rotated and its overlap has ended: use its successor',
  hall_inactive: 'this hall is deactivated',
};

function refuse(reply: FastifyReply, message: string): ApiError {
  reply.header('www-authenticate', 'Bearer');
  return new ApiError(401, 'unauthorized', message);
}

/**
 * Rejects with 401 `unauthorized` (403 `forbidden` for a console role not admitted) before
 * anything else runs, and sets `request.hall` for a hall's credential: the one source of the
 * request's hall. Unknown routes fall through to 404.
 */
export function installAuth(app: FastifyInstance, config: AuthConfig): void {
  const staticTokens = config.tokens.map(digest);
  const admin = [digest(config.adminToken)];
  app.decorateRequest('hall', null);

  app.addHook('onRequest', async (request, reply) => {
    const consoleAccess = request.routeOptions.config?.consoleAccess;
    if (consoleAccess !== undefined && consoleAccess !== 'public') {
      request.principal = await consolePrincipal(request, reply, consoleAccess);
      return;
    }
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw refuse(reply, 'missing bearer token');
    const candidate = digest(token);
    if (access !== 'terminal' && matchesAny(candidate, admin)) return;
    if (access === 'admin') throw refuse(reply, 'invalid token');
    const signIn = matchesAny(candidate, staticTokens)
      ? await config.halls.signInAsHall(config.staticTokenHall)
      : await config.halls.signIn(token);
    if (signIn.kind === 'refused') throw refuse(reply, REFUSALS[signIn.reason]);
    request.hall = signIn.hall;
  });

  /** The admin token, or a live staff session of a role `access` admits; hall credentials never open the console. */
  async function consolePrincipal(request: FastifyRequest, reply: FastifyReply, access: ConsoleAccess): Promise<Principal> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw refuse(reply, 'missing bearer token');
    if (matchesAny(digest(token), admin)) return { via: 'admin-token' };
    const staff = await config.staff.authenticate(token);
    if (staff === undefined) throw refuse(reply, 'invalid token');
    if (typeof access === 'object' && !access.roles.includes(staff.role)) {
      throw new ApiError(403, 'forbidden', `a ${staff.role} may not do this`);
    }
    return { via: 'session', staff, token };
  }
}
