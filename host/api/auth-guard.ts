import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { StaffPrincipal, StaffRole } from '../../contracts/auth';
import type { StaffAuth } from '../auth/staff-auth';
import { HostError } from '../errors/host-error';
import { terminalToken } from '../lan/lan-guard';
import type { Pairing } from '../lan/pairing';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireStaff` on the routes it guards. */
    staff?: StaffPrincipal;
  }
}

/**
 * Declares `request.staff` on the root instance so every route plugin shares
 * one request shape. Call once, next to installErrorHandling.
 */
export function installStaffRequest(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('staff')) app.decorateRequest('staff', undefined);
}

/**
 * Whether an account of `role` may call a route open to `allowed`. Supervisors
 * may do what staff do; technicians are a separate line and get only routes
 * that name them. No list means any signed-in account.
 */
export function roleAllows(role: StaffRole, allowed?: readonly StaffRole[]): boolean {
  if (!allowed) return true;
  return allowed.includes(role) || (role === 'supervisor' && allowed.includes('staff'));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** A preHandler: 401 without a valid session, 403 for a role the route does not admit. */
export function requireStaff(auth: StaffAuth, roles?: readonly StaffRole[]): preHandlerHookHandler {
  return (req, _reply, done) => {
    const token = bearerToken(req);
    const principal = token === null ? null : auth.verify(token);
    if (!principal) {
      done(new HostError('unauthorized', '请先登录'));
      return;
    }
    if (!roleAllows(principal.role, roles)) {
      done(new HostError('forbidden', '当前账号无权执行此操作'));
      return;
    }
    req.staff = principal;
    done();
  };
}

/** The principal `requireStaff` attached; throws when a route forgot the guard. */
export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new HostError('unauthorized', '请先登录');
  return req.staff;
}

/**
 * The caller if a valid bearer token came with the request, else null: for
 * routes open to everyone that do more for signed-in staff.
 */
export function optionalStaff(auth: StaffAuth, req: FastifyRequest): StaffPrincipal | null {
  const token = bearerToken(req);
  return token === null ? null : auth.verify(token);
}

/**
 * A preHandler: only a paired host terminal, whatever its address (loopback included). The hall's
 * `/terminal/*` routes take a queue key and age as given, which only a kiosk holding the hall's
 * queue keyer can compute.
 */
export function requireHostTerminal(pairing: Pairing): preHandlerHookHandler {
  return (req, _reply, done) => {
    const token = terminalToken(req);
    const terminal = token === undefined ? undefined : pairing.verify(token);
    if (terminal === undefined || terminal.kind !== 'host') {
      done(new HostError('terminal_unpaired', '此终端尚未与大厅配对'));
      return;
    }
    done();
  };
}
