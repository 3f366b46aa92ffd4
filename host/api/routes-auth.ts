import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAccount } from '../../contracts/auth';
import type { Db } from '../../db/open';
import { listAudit } from '../../db/repositories/audit';
import { listWindows } from '../../db/repositories/windows';
import {
  findStaffById,
  findStaffByNo,
  insertStaff,
  listStaff,
  updateStaff,
  type StaffPatch,
  type StaffRow,
} from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import { generatePin, hashPin } from '../auth/pin-hash';
import type { StaffAuth } from '../auth/staff-auth';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { bearerToken, staffOf } from './auth-guard';
import { router } from './route';

export interface AuthRouteDeps {
  auth: StaffAuth;
  db: Db;
  clock: Clock;
}

/**
 * Sign-in, sign-out, the caller's identity, account management (supervisors, and technicians in
 * the console's hall settings) and the audit log.
 */
export function authRoutes({ auth, db, clock }: AuthRouteDeps): FastifyPluginAsyncZod {
  const account = (row: StaffRow): StaffAccount => ({
    id: row.id,
    staffNo: row.staffNo,
    name: row.name,
    role: row.role,
    active: row.active,
    // A lock that has run out is no lock, even before the next sign-in clears it.
    lockedUntil: row.lockedUntil !== null && row.lockedUntil > clock.now().toISOString() ? row.lockedUntil : null,
    windowNumber: row.windowNumber,
  });
  /** A usual window must be one of the hall's windows. */
  const checkWindow = (windowNumber: number | null | undefined) => {
    if (windowNumber !== null && windowNumber !== undefined && !listWindows(db).some((w) => w.number === windowNumber))
      throw new HostError('window_unknown', `没有这个窗口: ${windowNumber}`);
  };

  return async (app) => {
    const route = router(app, { auth });

    route(operations.signIn, async (req) => auth.signIn(req.body.staffNo, req.body.pin, req.body.windowId));

    route(operations.signOut, async (req) => {
      const token = bearerToken(req);
      if (token !== null) auth.signOut(token);
      return { ok: true as const };
    });

    route(operations.me, async (req) => ({
      staff: staffOf(req),
    }));

    route(operations.staffAccounts, async () => ({
      staff: listStaff(db).map(account),
    }));

    route(operations.createStaff, async (req, reply) => {
      const actor = staffOf(req);
      checkWindow(req.body.windowNumber);
      // Without a PIN the host makes one up and shows it this once.
      const pin = req.body.pin ?? generatePin();
      const oneTimePin = req.body.pin === undefined ? pin : undefined;
      const pinHash = await hashPin(pin);
      const created = db.transaction(() => {
        if (findStaffByNo(db, req.body.staffNo)) return null;
        const row = insertStaff(db, {
          staffNo: req.body.staffNo,
          name: req.body.name,
          role: req.body.role,
          pinHash,
          windowNumber: req.body.windowNumber ?? null,
        });
        audit(db, clock, 'staff.create', {
          staffId: actor.id,
          windowId: actor.windowId,
          details: { targetStaffId: row.id, role: row.role },
        });
        return row;
      })();
      if (!created) throw new HostError('staff_exists', `工号已存在: ${req.body.staffNo}`);
      return reply.code(201).send({ staff: account(created), ...(oneTimePin === undefined ? {} : { oneTimePin }) });
    });

    route(operations.updateStaff, async (req) => {
      const actor = staffOf(req);
      const { id } = req.params;
      const { name, role, pin, active, windowNumber } = req.body;
      checkWindow(windowNumber);
      // Guard against a hall with no supervisor left: nobody demotes or deactivates themselves.
      if (id === actor.id && ((role !== undefined && role !== actor.role) || active === false)) {
        throw new HostError('forbidden', '不能停用自己的账号或修改自己的角色');
      }
      const patch: StaffPatch = {
        ...(name !== undefined ? { name } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(active !== undefined ? { active } : {}),
        ...(windowNumber !== undefined ? { windowNumber } : {}),
        ...(pin !== undefined ? { pinHash: await hashPin(pin) } : {}),
      };
      const updated = db.transaction(() => {
        const before = findStaffById(db, id);
        if (!before) return null;
        const row = updateStaff(db, id, patch) ?? before;
        // Field names only (the PIN appears as 'pinHash'), never values.
        const changed = Object.keys(patch);
        audit(db, clock, 'staff.update', {
          staffId: actor.id,
          windowId: actor.windowId,
          details: {
            targetStaffId: id,
            changed,
            ...(role !== undefined ? { role } : {}),
            ...(active !== undefined ? { active } : {}),
          },
        });
        if (before.active && active === false) auth.endAllSessions(id);
        return row;
      })();
      if (!updated) throw new HostError('not_found', `没有这个账号: ${id}`);
      return { staff: account(updated) };
    });

    route(operations.resetStaffPin, async (req) => {
      const actor = staffOf(req);
      const { id } = req.params;
      // The new PIN exists only in this answer: the clerk is told it and the host keeps its hash.
      const oneTimePin = generatePin();
      const pinHash = await hashPin(oneTimePin);
      const updated = db.transaction(() => {
        const row = updateStaff(db, id, { pinHash });
        if (!row) return null;
        audit(db, clock, 'staff.reset_pin', { staffId: actor.id, windowId: actor.windowId, details: { targetStaffId: id } });
        return row;
      })();
      if (!updated) throw new HostError('not_found', `没有这个账号: ${id}`);
      return { staff: account(updated), oneTimePin };
    });

    route(operations.audit, async (req) => ({
      entries: listAudit(db, { sinceId: req.query.sinceId, limit: req.query.limit }),
    }));
  };
}
