import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { StaffPrincipal, StaffRole } from '../../contracts/auth';
import type { StaffAuth } from '../auth/staff-auth';
import { HostError } from '../errors/host-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the staff guard (`staffRefusal`) on the routes it guards. */
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

/** Signs the request's staff session in (`req.staff`), or the refusal: 401 without one, 403 for a role not admitted. */
export function staffRefusal(
  auth: StaffAuth,
  roles: readonly StaffRole[] | undefined,
  req: FastifyRequest,
): HostError | undefined {
  const token = bearerToken(req);
  const principal = token === null ? null : auth.verify(token);
  if (!principal) return new HostError('unauthorized', '请先登录');
  if (!roleAllows(principal.role, roles)) return new HostError('forbidden', '当前账号无权执行此操作');
  req.staff = principal;
  return undefined;
}

/** A hook: 401 without a valid session, 403 for a role the route does not admit. */
export function requireStaff(auth: StaffAuth, roles?: readonly StaffRole[]): preHandlerHookHandler {
  return (req, _reply, done) => {
    const refused = staffRefusal(auth, roles, req);
    if (refused) done(refused);
    else done();
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
 * The signed-in account acting at window `windowId`: staff at the window they signed in at,
 * supervisors at any (403 otherwise). For the counter's window actions.
 */
export function staffAtWindow(req: FastifyRequest, windowId: number): StaffPrincipal {
  const staff = staffOf(req);
  if (staff.role !== 'supervisor' && staff.windowId !== windowId) {
    throw new HostError('forbidden', `您没有在 ${windowId} 号窗口签到`);
  }
  return staff;
}
