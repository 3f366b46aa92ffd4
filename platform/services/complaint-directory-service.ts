import { randomUUID } from 'node:crypto';
import type { ComplaintActor } from '../../contracts/complaint-actions';
import type { BureauRole, Person, Unit, UnitDuty } from '../../contracts/complaints';
import type {
  ComplaintDirectoryView,
  CreatePersonAccountRequest,
  CreatePersonRequest,
  CreateUnitRequest,
  PersonAccount,
  UpdatePersonRequest,
  UpdateUnitRequest,
} from '../../contracts/platform-complaints';
import { sqlState, type Sql } from '../db/sql';
import {
  allPeople,
  allUnits,
  bureauPeople,
  insertPerson,
  insertUnit,
  peopleOf,
  personById,
  unitByCode,
  updatePerson,
  updateUnit,
  type UnitRow,
} from '../store/complaint-directory';
import { personIdsWithAccounts } from '../store/district-staff';
import { insertAudit, type AuditAction, type AuditEntry } from '../store/district-audit';
import type { DistrictStaffService } from './district-staff-service';

export type DirectoryRefusal =
  | { kind: 'unit_exists' }
  | { kind: 'bureau_exists' }
  | { kind: 'unit_not_found'; unitCode: string }
  | { kind: 'person_not_found' }
  | { kind: 'bureau_roles_outside_bureau' }
  | { kind: 'username_taken' }
  | { kind: 'person_has_account' };

export type DirectoryOutcome<T> = { kind: 'ok'; value: T } | DirectoryRefusal;

const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';

const unitOf = ({ code, name, kind, active }: UnitRow): Unit => ({ code, name, kind, active });

/**
 * The complaint directory (units, people, their console accounts), managed by the district admin,
 * and the look-ups the lifecycle and the notifier need. Every change is audited in its own
 * transaction, without personal data (a person is named by id).
 */
export class ComplaintDirectoryService {
  constructor(
    private readonly sql: Sql,
    private readonly staff: DistrictStaffService,
    private readonly now: () => Date,
  ) {}

  async directory(): Promise<ComplaintDirectoryView> {
    const units = await allUnits(this.sql);
    return {
      bureau: units.find((u) => u.isBureau)?.code ?? null,
      units: units.map(unitOf),
      people: await allPeople(this.sql),
      accountHolders: await personIdsWithAccounts(this.sql),
    };
  }

  async createUnit(request: CreateUnitRequest, actor: string): Promise<DirectoryOutcome<Unit>> {
    try {
      return await this.sql.transaction(async (tx): Promise<DirectoryOutcome<Unit>> => {
        const unit = { code: request.code, name: request.name, kind: request.kind, isBureau: request.bureau };
        if (!(await insertUnit(tx, unit, this.now()))) return { kind: 'unit_exists' };
        await insertAudit(
          tx,
          this.audit(actor, 'complaint-unit.create', `unit:${request.code}`, { kind: request.kind, bureau: request.bureau }),
        );
        return { kind: 'ok', value: { code: unit.code, name: unit.name, kind: unit.kind, active: true } };
      });
    } catch (error) {
      // The one-bureau index, or a bureau that is not a department.
      if (sqlState(error) === UNIQUE_VIOLATION || sqlState(error) === CHECK_VIOLATION) return { kind: 'bureau_exists' };
      throw error;
    }
  }

  updateUnit(code: string, change: UpdateUnitRequest, actor: string): Promise<DirectoryOutcome<Unit>> {
    return this.sql.transaction(async (tx): Promise<DirectoryOutcome<Unit>> => {
      const unit = await updateUnit(tx, code, change);
      if (unit === undefined) return { kind: 'unit_not_found', unitCode: code };
      await insertAudit(tx, this.audit(actor, 'complaint-unit.update', `unit:${code}`, { ...change }));
      return { kind: 'ok', value: unitOf(unit) };
    });
  }

  async createPerson(request: CreatePersonRequest, actor: string): Promise<DirectoryOutcome<Person>> {
    const person: Person = { id: randomUUID(), ...request, active: true };
    return this.writePerson(actor, 'complaint-person.create', person, (tx) => insertPerson(tx, person, this.now()));
  }

  async updatePerson(id: string, change: UpdatePersonRequest, actor: string): Promise<DirectoryOutcome<Person>> {
    const before = await personById(this.sql, id);
    if (before === undefined) return { kind: 'person_not_found' };
    const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const person: Person = { ...before, ...defined };
    return this.writePerson(actor, 'complaint-person.update', person, (tx) => updatePerson(tx, person));
  }

  /** A console account acting as the person; its password is the admin's to hand over. */
  async createAccount(
    personId: string,
    request: CreatePersonAccountRequest,
    actor: string,
  ): Promise<DirectoryOutcome<PersonAccount>> {
    const person = await personById(this.sql, personId);
    if (person === undefined) return { kind: 'person_not_found' };
    let added: boolean;
    try {
      added = await this.staff.addAccount({ ...request, name: person.name, personId });
    } catch (error) {
      // district_staff.person_id is unique: one account acts as one person.
      if (sqlState(error) === UNIQUE_VIOLATION) return { kind: 'person_has_account' };
      throw error;
    }
    if (!added) return { kind: 'username_taken' };
    await insertAudit(
      this.sql,
      this.audit(actor, 'complaint-person.account', `person:${personId}`, { username: request.username, role: request.role }),
    );
    return { kind: 'ok', value: { username: request.username, personId, role: request.role } };
  }

  personById(id: string): Promise<Person | undefined> {
    return personById(this.sql, id);
  }

  peopleOf(unitCode: string, duty: UnitDuty): Promise<Person[]> {
    return peopleOf(this.sql, unitCode, duty);
  }

  bureauPeople(role: BureauRole): Promise<Person[]> {
    return bureauPeople(this.sql, role);
  }

  unit(code: string): Promise<UnitRow | undefined> {
    return unitByCode(this.sql, code);
  }

  units(): Promise<UnitRow[]> {
    return allUnits(this.sql);
  }

  /** The lifecycle's actor for a person: only an active person of an active unit acts. */
  async actorOf(personId: string | null): Promise<ComplaintActor | undefined> {
    if (personId === null) return undefined;
    const person = await personById(this.sql, personId);
    if (person === undefined || !person.active) return undefined;
    const unit = await unitByCode(this.sql, person.unitCode);
    if (unit === undefined || !unit.active) return undefined;
    return {
      kind: 'staff',
      personId: person.id,
      name: person.name,
      unitCode: person.unitCode,
      duty: person.duty,
      bureauRoles: person.bureauRoles,
    };
  }

  private async writePerson(
    actor: string,
    action: AuditAction,
    person: Person,
    write: (tx: Sql) => Promise<Person | undefined>,
  ): Promise<DirectoryOutcome<Person>> {
    try {
      return await this.sql.transaction(async (tx): Promise<DirectoryOutcome<Person>> => {
        const written = await write(tx);
        if (written === undefined) return { kind: 'unit_not_found', unitCode: person.unitCode };
        await insertAudit(
          tx,
          this.audit(actor, action, `person:${person.id}`, {
            unitCode: person.unitCode,
            duty: person.duty,
            bureauRoles: person.bureauRoles,
            active: person.active,
          }),
        );
        return { kind: 'ok', value: written };
      });
    } catch (error) {
      // The table's own rule: bureau roles only for people of the 营商局.
      if (sqlState(error) === CHECK_VIOLATION) return { kind: 'bureau_roles_outside_bureau' };
      throw error;
    }
  }

  private audit(actor: string, action: AuditAction, subject: string, detail: Record<string, unknown>): AuditEntry {
    return { at: this.now(), actor, action, subject, detail };
  }
}
