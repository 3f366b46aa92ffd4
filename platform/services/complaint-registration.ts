import { randomUUID } from 'node:crypto';
import type { CreateCaseRequest } from '../../contracts/central-api';
import type { ComplaintActor } from '../../contracts/complaint-actions';
import {
  COMPLAINT_TOPIC_LABELS,
  isOpenComplaint,
  type Complaint,
  type NewComplaint,
  type StepActor,
} from '../../contracts/complaints';
import { COMPLAINT_ITEM_CODE } from '../../contracts/district-catalog';
import type { RegisteredComplaint } from '../../contracts/platform-complaints';
import { dueDateOf } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import { insertSubmittedCases, reserveCaseNumbers, type NewCase } from '../store/cases';
import { insertComplaints, type NewComplaintRow } from '../store/complaints';
import { allUnits, unitByCode } from '../store/complaint-directory';
import { insertAudit, type AuditEntry } from '../store/district-audit';
import { caseNumberDay, formatCaseNumber } from './case-number';
import { closeDueAt, stageDeadlines, type DeadlineContext } from './complaint-deadlines';
import { duplicatesOf, enterpriseKeyOf } from './complaint-duplicate-lookup';
import { complaintOfKioskCase, isComplaintCase } from './complaint-kiosk-intake';
import { registerComplaint } from './complaint-lifecycle';
import type { ComplaintSettings } from './complaint-settings';

/**
 * The hall id of the case rows of complaints that came through no hall (hotline, web form,
 * 民心网): every complaint has a case row with its number, so numbering, the console's case
 * search and the change feed treat them alike; no hall reads this pseudo-hall's feed.
 */
export const COMPLAINT_DESK_HALL_ID = 'complaint-desk';

export type RegistrationOutcome =
  | { kind: 'ok'; registered: RegisteredComplaint }
  | { kind: 'not_a_person' }
  | { kind: 'wrong_role' }
  | { kind: 'unit_not_found'; unitCode: string };

/** The earliest deadline of a complaint's open stages (the work list's overdue filter); null when none is open. */
export function stageDueAtOf(complaint: Complaint, context: DeadlineContext): string | null {
  if (!isOpenComplaint(complaint.state)) return null;
  const open = stageDeadlines(complaint, context).filter((run) => run.metAt === null);
  return open.reduce<string | null>((earliest, run) => (earliest === null || run.dueAt < earliest ? run.dueAt : earliest), null);
}

/**
 * Registration from every channel: numbered in the case-number series, the 办结期限 fixed, the
 * first step recorded, and the case row written beside it in the same transaction (the kiosk's
 * own case, or one in the complaint desk's pseudo-hall). Duplicates are flagged in the answer.
 */
export class ComplaintRegistration {
  constructor(
    private readonly sql: Sql,
    private readonly settings: ComplaintSettings,
    private readonly now: () => Date,
  ) {}

  /** A hotline call, typed by a 营商局 person with the `intake` role. */
  async hotline(
    actor: ComplaintActor | undefined,
    filed: Omit<NewComplaint, 'channel' | 'externalRef' | 'attachments'>,
  ): Promise<RegistrationOutcome> {
    if (actor === undefined || actor.kind !== 'staff') return { kind: 'not_a_person' };
    if (!actor.bureauRoles.includes('intake')) return { kind: 'wrong_role' };
    const by: StepActor = { kind: 'staff', personId: actor.personId, name: actor.name, unitCode: actor.unitCode, role: 'intake' };
    return this.one({ ...filed, channel: 'hotline', externalRef: null, attachments: [] }, by);
  }

  /** The public web form (its rate and input were checked before). */
  web(filed: Omit<NewComplaint, 'channel' | 'externalRef' | 'attachments'>): Promise<RegistrationOutcome> {
    return this.one({ ...filed, channel: 'web', externalRef: null, attachments: [] }, { kind: 'enterprise' });
  }

  /**
   * Complaints another system handed over (the 民心网 adapter), registered by the platform, in
   * input order; `audit` (who imported them) is written in the registration's transaction.
   */
  async registerImported(complaints: readonly NewComplaint[], audit?: AuditEntry): Promise<RegisteredComplaint[]> {
    // An area the district does not list is dropped rather than losing the complaint: the sorter places it.
    const areas = new Set((await allUnits(this.sql)).filter((u) => u.kind !== 'department').map((u) => u.code));
    return this.write(
      complaints.map((filed) => ({
        filed: { ...filed, area: filed.area !== null && areas.has(filed.area) ? filed.area : null },
        by: { kind: 'system' },
      })),
      audit,
    );
  }

  /**
   * The complaint rows of the 营商诉求 cases among a hall's new cases (case-intake.ts writes them
   * with the cases, one statement more); none, and no read, when there is no such case.
   */
  async kioskComplaintRows(cases: readonly NewCase[]): Promise<NewComplaintRow[]> {
    const complaintCases = cases.filter((c) => isComplaintCase(c.request));
    if (complaintCases.length === 0) return [];
    const { deadlines } = await this.settings.current();
    return complaintCases.map((c) =>
      this.rowOf(complaintOfKioskCase(c.request), c.caseNumber, c.receivedAt.toISOString(), { kind: 'enterprise' }, deadlines),
    );
  }

  private async one(filed: NewComplaint, by: StepActor): Promise<RegistrationOutcome> {
    if (filed.area !== null) {
      const area = await unitByCode(this.sql, filed.area);
      if (area === undefined || !area.active || area.kind === 'department')
        return { kind: 'unit_not_found', unitCode: filed.area };
    }
    const [registered] = await this.write([{ filed, by }]);
    if (registered === undefined) throw new Error('a registration wrote no complaint');
    return { kind: 'ok', registered };
  }

  private rowOf(filed: NewComplaint, number: string, at: string, by: StepActor, deadlines: DeadlineContext): NewComplaintRow {
    const complaint = registerComplaint(filed, { number, at, closeDueAt: closeDueAt(filed.topic, at, deadlines), actor: by });
    return {
      complaint,
      enterpriseKey: enterpriseKeyOf(filed.enterprise.name),
      stageDueAt: stageDueAtOf(complaint, deadlines),
      dueDate: dueDateOf(complaint.closeDueAt, deadlines.clock.timeZone),
    };
  }

  /** Numbers reserved (a statement of its own), then cases and complaints in one transaction. */
  private async write(
    items: readonly { filed: NewComplaint; by: StepActor }[],
    audit?: AuditEntry,
  ): Promise<RegisteredComplaint[]> {
    if (items.length === 0) return [];
    const { deadlines } = await this.settings.current();
    const now = this.now();
    const day = caseNumberDay(now);
    const keys = items.map(() => `complaint:${randomUUID()}`);
    const { first } = await reserveCaseNumbers(this.sql, day, keys);
    const at = now.toISOString();
    const rows = items.map(({ filed, by }, index) => this.rowOf(filed, formatCaseNumber(day, first + index), at, by, deadlines));
    const cases: NewCase[] = rows.map((row, index) => ({
      caseNumber: row.complaint.number,
      key: keys[index] ?? '',
      // A fresh random key no request ever repeats: nothing to compare a replay's body with.
      requestHash: '',
      request: deskCase(row.complaint, at),
      receivedAt: now,
    }));
    await this.sql.transaction(async (tx) => {
      await insertComplaintsAfterCases(tx, cases, rows);
      if (audit !== undefined) await insertAudit(tx, audit);
    });
    const registered: RegisteredComplaint[] = [];
    for (const { complaint } of rows) {
      registered.push({
        number: complaint.number,
        registeredAt: complaint.registeredAt,
        closeDueAt: complaint.closeDueAt,
        duplicates: await duplicatesOf(this.sql, complaint),
      });
    }
    return registered;
  }
}

/**
 * The case rows first (the complaints reference them), then the complaints. The desk's feed lock
 * the case insert takes is held over the complaints' statement too: only other desk
 * registrations wait for it, since no hall's writer takes the pseudo-hall's lock.
 */
async function insertComplaintsAfterCases(tx: Sql, cases: readonly NewCase[], rows: readonly NewComplaintRow[]): Promise<void> {
  await insertSubmittedCases(tx, COMPLAINT_DESK_HALL_ID, cases);
  await insertComplaints(tx, rows);
}

/** The case row of a complaint that came through no hall: the 营商诉求 item, the contact as applicant. */
function deskCase(complaint: Complaint, at: string): CreateCaseRequest {
  return {
    hallId: COMPLAINT_DESK_HALL_ID,
    terminalId: complaint.channel,
    itemCode: COMPLAINT_ITEM_CODE,
    itemName: '营商环境诉求',
    // No ID number: the hotline and the forms do not ask for one.
    applicant: { name: complaint.contact.name, idNumber: '', phone: complaint.contact.phone },
    form: {
      companyName: complaint.enterprise.name,
      ...(complaint.enterprise.creditCode === null ? {} : { creditCode: complaint.enterprise.creditCode }),
      topic: COMPLAINT_TOPIC_LABELS[complaint.topic][0],
      details: complaint.text,
    },
    materials: [],
    submittedAt: at,
  };
}
