import type { CreateStaffRequest, StaffAccount, StaffList, StaffPrincipal, UpdateStaffRequest } from '../../contracts/auth';
import { pageOf, type PageQuery } from '../../contracts/page';
import type { Db } from '../../db/open';
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
import { generatePin, hashPin } from './pin-hash';
import type { StaffAuth } from './staff-auth';

export interface StaffAccountsOptions {
  db: Db;
  clock: Clock;
  /** Ends the sessions of an account that is deactivated. */
  auth: Pick<StaffAuth, 'endAllSessions'>;
}

/** Who acts on the accounts: a signed-in supervisor or technician. */
export type AccountActor = Pick<StaffPrincipal, 'id' | 'role' | 'windowId'>;

/** An account, and the PIN the host made up for it when it made one (shown this once). */
export interface AccountWithPin {
  staff: StaffAccount;
  oneTimePin?: string;
}

/**
 * Staff account management (supervisors, and technicians in the console's hall settings):
 * create, update (name, role, PIN, active, usual window), reset a PIN. Each change is one
 * transaction with its audit row; the rules live here, so every caller keeps them: a usual
 * window is one of the hall's, nobody demotes or deactivates themselves, a deactivated
 * account's sessions end with it. PINs are hashed before the transaction (scrypt is slow and
 * must not hold the write lock); a PIN or hash never reaches the audit log.
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

  /** Without a PIN the host makes one up and returns it this once. */
  async create(request: CreateStaffRequest, actor: AccountActor): Promise<AccountWithPin> {
    const { db, clock } = this.o;
    this.checkWindow(request.windowNumber);
    const pin = request.pin ?? generatePin();
    const pinHash = await hashPin(pin);
    const created = db.transaction(() => {
      if (findStaffByNo(db, request.staffNo)) return null;
      const row = insertStaff(db, {
        staffNo: request.staffNo,
        name: request.name,
        role: request.role,
        pinHash,
        windowNumber: request.windowNumber ?? null,
      });
      audit(db, clock, 'staff.create', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: { targetStaffId: row.id, role: row.role },
      });
      return row;
    })();
    if (!created) throw new HostError('staff_exists', `工号已存在: ${request.staffNo}`);
    return { staff: this.account(created), ...(request.pin === undefined ? { oneTimePin: pin } : {}) };
  }

  async update(id: number, request: UpdateStaffRequest, actor: AccountActor): Promise<StaffAccount> {
    const { db, clock } = this.o;
    const { name, role, pin, active, windowNumber } = request;
    this.checkWindow(windowNumber);
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
      audit(db, clock, 'staff.update', {
        staffId: actor.id,
        windowId: actor.windowId,
        details: {
          targetStaffId: id,
          changed: Object.keys(patch),
          ...(role !== undefined ? { role } : {}),
          ...(active !== undefined ? { active } : {}),
        },
      });
      if (before.active && active === false) this.o.auth.endAllSessions(id);
      return row;
    })();
    if (!updated) throw new HostError('not_found', `没有这个账号: ${id}`);
    return this.account(updated);
  }

  /** A new PIN that exists only in this answer: the clerk is told it and the host keeps its hash. */
  async resetPin(id: number, actor: AccountActor): Promise<{ staff: StaffAccount; oneTimePin: string }> {
    const { db, clock } = this.o;
    const oneTimePin = generatePin();
    const pinHash = await hashPin(oneTimePin);
    const updated = db.transaction(() => {
      const row = updateStaff(db, id, { pinHash });
      if (!row) return null;
      audit(db, clock, 'staff.reset_pin', { staffId: actor.id, windowId: actor.windowId, details: { targetStaffId: id } });
      return row;
    })();
    if (!updated) throw new HostError('not_found', `没有这个账号: ${id}`);
    return { staff: this.account(updated), oneTimePin };
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
