import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

/**
 * Who may call a route, set per route as `config.access`:
 * `public` (health), `terminal` (a terminal token), `admin` (the operator token),
 * `any` (either; the OpenAPI document).
 */
export type Access = 'public' | 'terminal' | 'admin' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface TokenConfig {
  tokens: readonly string[];
  adminToken: string;
}

// Tokens are compared as sha256 digests with timingSafeEqual, and every configured token is
// checked, so response timing does not reveal how much of a guess was right.
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

/** Rejects with 401 `unauthorized` before anything else runs. Unknown routes fall through to 404. */
export function installAuth(app: FastifyInstance, config: TokenConfig): void {
  const terminal = config.tokens.map(digest);
  const admin = [digest(config.adminToken)];

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    const candidate = token === undefined ? undefined : digest(token);
    const allowed =
      candidate !== undefined &&
      ((access !== 'admin' && matchesAny(candidate, terminal)) || (access !== 'terminal' && matchesAny(candidate, admin)));
    if (!allowed) {
      reply.header('www-authenticate', 'Bearer');
      throw new ApiError(401, 'unauthorized', token === undefined ? 'missing bearer token' : 'invalid token');
    }
  });
}
