import type {
  CreateStaffRequest,
  RoleGrant,
  StaffAccount,
  StaffList,
  StaffPrincipal,
  UpdateStaffRequest,
} from '../../contracts/auth';
import { pageOf, type PageQuery } from '../../contracts/page';
import type { Db } from '../../db/open';
import {
  decideRoleGrant,
  insertRoleGrant,
  openRoleGrant,
  openRoleGrants,
  type RoleGrantRow,
} from '../../db/repositories/role-grants';
import {
  findStaffById,
  findStaffByNo,
  insertStaff,
  listStaff,
  listStaffPage,
  updateStaff,
  type StaffPatch,
  type StaffRow,
} from '../../db/repositories/staff';
import { listWindows } from '../../db/repositories/windows';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { generatePin } from './pin-hash';
import { grantPath, isConfirmedRole, mayManage } from './role-rules';
import type { StaffAuth } from './staff-auth';

export interface StaffAccountsOptions {
  db: Db;
  clock: Clock;
  /**
   * Hashes PINs with the install's pepper, ends the sessions of an account that is deactivated
   * or whose PIN changed, and forgets its failed sign-ins.
   */
  auth: Pick<StaffAuth, 'hashPin' | 'endAllSessions' | 'forgetFailures'>;
}

/** Who acts on the accounts: a signed-in supervisor or technician. */
export type AccountActor = Pick<StaffPrincipal, 'id' | 'role' | 'windowId'>;

/** An account, the PIN the host made up for it (shown this once) and a grant still to confirm. */
export interface AccountWithPin {
  staff: StaffAccount;
  oneTimePin?: string;
  pendingGrant?: RoleGrant;
}

const ABOVE_OWN = '不能授予或管理与自己同级或更高级别的账号';

/**
 * Staff account management (supervisors, and technicians in the console's hall settings):
 * create, update (name, role, PIN, active, usual window), reset a PIN, and the grants of
 * supervisor or technician that a second supervisor confirms (role-rules.ts says who may do
 * what). Each change is one transaction with its audit row; the rules live here, so every caller
 * keeps them: a usual window is one of the hall's, nobody demotes or deactivates themselves, a
 * deactivated account's sessions end with it, and so do those of an account whose PIN changed.
 * PINs are hashed before the transaction (scrypt is slow and must not hold the write lock); a
 * PIN or hash never reaches the audit log.
 */
export class StaffAccounts {
  constructor(private readonly o: StaffAccountsOptions) {}

  list(): StaffAccount[] {
    return listStaff(this.o.db).map((row) => this.account(row));
  }

  /** One page of the accounts by staff number (the list route: never the whole table). */
  page(page: PageQuery): StaffList {
    const { rows, next } = pageOf(listStaffPage(this.o.db, { limit: page.limit + 1, offset: page.offset }), page);
    return { staff: rows.map((row) => this.account(row)), next };
  }

  grants(): RoleGrant[] {
    return openRoleGrants(this.o.db);
  }

  /**
   * Without a PIN the host makes one up and returns it this once. An account of a role that
   * needs a second supervisor is made disabled, with its grant waiting.
   */
  async create(request: CreateStaffRequest, actor: AccountActor): Promise<AccountWithPin> {
    const { db, clock } = this.o;
    const path = grantPath(actor.role, request.role);
    if (path === 'refused') throw new HostError('forbidden', ABOVE_OWN);
    this.checkWindow(request.windowNumber);
    const pin = request.pin ?? generatePin();
    const pinHash = await this.o.auth.hashPin(pin);
    const created = db.transaction(() => {
      if (findStaffByNo(db, request.staffNo)) return null;
      const row = insertStaff(db, {
        staffNo: request.staffNo,
        name: request.name,
        role: request.role,
        pinHash,
        active: path === 'direct',
        windowNumber: request.windowNumber ?? null,
      });
      audit(db, clock, 'staff.create', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: { targetStaffId: row.id, role: row.role, ...(path === 'confirmed' ? { awaitsConfirmation: true } : {}) },
      });
      const grant =
        path === 'confirmed' && isConfirmedRole(request.role) ? this.requestGrant(row, request.role, true, actor) : null;
      return { row, grant };
    })();
    if (!created) throw new HostError('staff_exists', `工号已存在: ${request.staffNo}`);
    return {
      staff: this.account(created.row),
      ...(request.pin === undefined ? { oneTimePin: pin } : {}),
      ...(created.grant ? { pendingGrant: created.grant } : {}),
    };
  }

  async update(id: number, request: UpdateStaffRequest, actor: AccountActor): Promise<AccountWithPin> {
    const { db, clock } = this.o;
    const { name, pin, windowNumber } = request;
    this.checkWindow(windowNumber);
    const self = id === actor.id;
    // Guard against a hall with no supervisor left: nobody demotes or deactivates themselves.
    if (self && ((request.role !== undefined && request.role !== actor.role) || request.active === false)) {
      throw new HostError('forbidden', '不能停用自己的账号或修改自己的角色');
    }
    const pinHash = pin !== undefined ? await this.o.auth.hashPin(pin) : undefined;
    const outcome = db.transaction(() => {
      const before = findStaffById(db, id);
      if (!before) return null;
      const role = request.role !== undefined && request.role !== before.role ? request.role : undefined;
      const enables = request.active === true && !before.active;
      // Someone else's PIN or role: only below the actor's own rank.
      if (!self && (pinHash !== undefined || role !== undefined) && !mayManage(actor.role, before.role))
        return { refused: ABOVE_OWN } as const;
      // Raising a clerk to supervisor or technician, or re-enabling such an account, is a grant:
      // it waits for a second supervisor (and one above the actor's line is refused).
      const raisedTo = role ?? before.role;
      const path = role !== undefined || enables ? grantPath(actor.role, raisedTo) : 'direct';
      if (path === 'refused') return { refused: ABOVE_OWN } as const;
      const patch: StaffPatch = {
        ...(name !== undefined ? { name } : {}),
        ...(role !== undefined && path === 'direct' ? { role } : {}),
        ...(request.active === false || (enables && path === 'direct') ? { active: enables } : {}),
        ...(windowNumber !== undefined ? { windowNumber } : {}),
        ...(pinHash !== undefined ? { pinHash } : {}),
      };
      const row = updateStaff(db, id, patch) ?? before;
      // Field names only (the PIN appears as 'pinHash'), never values.
      audit(db, clock, 'staff.update', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: {
          targetStaffId: id,
          changed: Object.keys(patch),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        },
      });
      const grant = path === 'confirmed' && isConfirmedRole(raisedTo) ? this.requestGrant(row, raisedTo, enables, actor) : null;
      // A new PIN or a disabled account: whoever held its sessions is signed out at once.
      if ((before.active && request.active === false) || pinHash !== undefined) this.o.auth.endAllSessions(id);
      return { row, grant };
    })();
    if (!outcome) throw new HostError('not_found', `没有这个账号: ${id}`);
    if ('refused' in outcome) throw new HostError('forbidden', outcome.refused);
    if (pinHash !== undefined) this.o.auth.forgetFailures(outcome.row.staffNo);
    return { staff: this.account(outcome.row), ...(outcome.grant ? { pendingGrant: outcome.grant } : {}) };
  }

  /**
   * A new PIN that exists only in this answer: the clerk is told it and the host keeps its hash.
   * Only for an account below the actor's rank; every session of that account ends.
   */
  async resetPin(id: number, actor: AccountActor): Promise<{ staff: StaffAccount; oneTimePin: string }> {
    const { db, clock } = this.o;
    const target = findStaffById(db, id);
    if (!target) throw new HostError('not_found', `没有这个账号: ${id}`);
    if (!mayManage(actor.role, target.role)) throw new HostError('forbidden', ABOVE_OWN);
    const oneTimePin = generatePin();
    const pinHash = await this.o.auth.hashPin(oneTimePin);
    const updated = db.transaction(() => {
      // The role is read again: a confirmed grant may have raised it while the PIN was hashed.
      const current = findStaffById(db, id);
      if (!current || !mayManage(actor.role, current.role)) return null;
      const row = updateStaff(db, id, { pinHash });
      if (!row) return null;
      this.o.auth.endAllSessions(id);
      audit(db, clock, 'staff.reset_pin', { staffId: actor.id, windowId: actor.windowId, details: { targetStaffId: id } });
      return row;
    })();
    if (!updated) throw new HostError('forbidden', ABOVE_OWN);
    this.o.auth.forgetFailures(updated.staffNo);
    return { staff: this.account(updated), oneTimePin };
  }

  /** A second supervisor (neither the requester nor the account itself) confirms a grant. */
  confirmGrant(grantId: number, actor: AccountActor): AccountWithPin {
    const { db, clock } = this.o;
    if (actor.role !== 'supervisor') throw new HostError('forbidden', '只有主管可以确认授权');
    const outcome = db.transaction(() => {
      const grant = openRoleGrant(db, grantId);
      if (!grant) return null;
      if (grant.requestedBy === actor.id || grant.targetStaffId === actor.id)
        return { refused: '授权须由另一位主管确认' } as const;
      decideRoleGrant(db, grantId, 'confirmed', actor.id, clock.now().toISOString());
      const row = updateStaff(db, grant.targetStaffId, { role: grant.role, ...(grant.activates ? { active: true } : {}) });
      audit(db, clock, 'staff.grant_confirm', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: { grantId, targetStaffId: grant.targetStaffId, role: grant.role, requestedBy: grant.requestedBy },
      });
      return row ? { row } : null;
    })();
    if (!outcome) throw new HostError('not_found', `没有待确认的授权: ${grantId}`);
    if ('refused' in outcome) throw new HostError('forbidden', outcome.refused);
    return { staff: this.account(outcome.row) };
  }

  /** Withdrawn or refused: the account keeps its role (a new one stays disabled). */
  refuseGrant(grantId: number, actor: AccountActor): RoleGrant[] {
    const { db, clock } = this.o;
    const found = db.transaction(() => {
      const grant = openRoleGrant(db, grantId);
      if (!grant) return false;
      // A supervisor refuses any grant; a technician only withdraws one it asked for itself.
      if (actor.role !== 'supervisor' && grant.requestedBy !== actor.id) return 'forbidden';
      decideRoleGrant(db, grantId, 'refused', actor.id, clock.now().toISOString());
      audit(db, clock, 'staff.grant_refuse', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: { grantId, targetStaffId: grant.targetStaffId, role: grant.role },
      });
      return true;
    })();
    if (!found) throw new HostError('not_found', `没有待确认的授权: ${grantId}`);
    if (found === 'forbidden') throw new HostError('forbidden', '只能撤回自己提出的授权；其他授权由值班主任拒绝');
    return this.grants();
  }

  /**
   * Inside the caller's transaction: opens the grant and audits the request. Public for the
   * configuration import (host/settings/config-transfer.ts), which grants through it too.
   */
  requestGrant(target: StaffRow, role: RoleGrantRow['role'], activates: boolean, actor: AccountActor): RoleGrant {
    const grant = insertRoleGrant(this.o.db, {
      targetStaffId: target.id,
      role,
      activates,
      requestedBy: actor.id,
      requestedAt: this.o.clock.now().toISOString(),
    });
    audit(this.o.db, this.o.clock, 'staff.grant_request', {
      staffId: actor.id,
      windowId: actor.windowId,
      details: { grantId: grant.id, targetStaffId: target.id, role },
    });
    return grant;
  }

  private account(row: StaffRow): StaffAccount {
    return {
      id: row.id,
      staffNo: row.staffNo,
      name: row.name,
      role: row.role,
      active: row.active,
      // A lock that has run out is no lock, even before the next sign-in clears it.
      lockedUntil: row.lockedUntil !== null && row.lockedUntil > this.o.clock.now().toISOString() ? row.lockedUntil : null,
      windowNumber: row.windowNumber,
    };
  }

  /** A usual window must be one of the hall's windows. */
  private checkWindow(windowNumber: number | null | undefined): void {
    if (windowNumber !== null && windowNumber !== undefined && !listWindows(this.o.db).some((w) => w.number === windowNumber))
      throw new HostError('window_unknown', `没有这个窗口: ${windowNumber}`);
  }
}
