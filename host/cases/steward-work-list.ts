import type { StaffPrincipal } from '../../contracts/auth';
import { pageOf } from '../../contracts/page';
import type {
  StewardAction,
  StewardFollowUpStatus,
  StewardListQuery,
  StewardNote,
  StewardRequest,
  StewardRequestDetail,
  StewardRequestList,
} from '../../contracts/steward';
import type { Db } from '../../db/open';
import { findStaffByNo } from '../../db/repositories/staff';
import {
  insertStewardNote,
  saveStewardFollowUp,
  stewardAccounts,
  stewardFollowUp,
  stewardNotes,
  stewardRequestById,
  stewardRequestsPage,
  type StewardFollowUpRow,
  type StewardRequestRow,
} from '../../db/repositories/steward';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { maskText } from '../log/mask-text';
import { addDays, businessDay, zonedInstant } from '../queue/schedule';

export interface StewardWorkListOptions {
  db: Db;
  clock: Clock;
  timeZone: string;
  /** The queue's daily reset hour: the business day of a ticketless case's submission. */
  resetHour: number;
  /** The steward service's code (config `stewardService`): its tickets are the requests. */
  serviceCode: () => string;
}

/** The assignee picker's list of stewards is short; more than this many would be a list of everyone. */
const STEWARDS_LISTED = 50;

/**
 * The steward's work list (首席服务管家): every steward request of the kiosks (the steward
 * service's tickets, with their case if one was filed; a case whose ticket could not be issued),
 * the enterprise served, and the desk's follow-up: assigned to a staff member, the enterprise
 * contacted, done with a note saying what was done. Each action is one transaction with its
 * audit row (its kind and the request, never the note's text: notes are the desk's, and the audit
 * trail is copied into support bundles). ID and mobile numbers typed in a note are masked before
 * it is stored. A done request takes notes only.
 */
export class StewardWorkList {
  constructor(private readonly o: StewardWorkListOptions) {}

  list(query: StewardListQuery): StewardRequestList {
    const today = this.today();
    const fromDay = query.from ?? today;
    const toDay = query.to ?? (query.from !== undefined && query.from > today ? query.from : today);
    if (fromDay > toDay) throw new HostError('invalid_request', '结束日期不能早于开始日期', { field: 'to' });
    const resetMinutes = this.o.resetHour * 60;
    const rows = stewardRequestsPage(this.o.db, {
      serviceCode: this.o.serviceCode(),
      fromDay,
      toDay,
      fromAt: zonedInstant(fromDay, resetMinutes, this.o.timeZone).toISOString(),
      toAt: zonedInstant(addDays(toDay, 1), resetMinutes, this.o.timeZone).toISOString(),
      status: query.status ?? null,
      assigneeNo: query.assignee ?? null,
      limit: query.limit + 1,
      offset: query.offset,
    });
    const { rows: page, next } = pageOf(rows, query);
    return {
      requests: page.map((row) => this.toRequest(row)),
      next,
      stewards: stewardAccounts(this.o.db, STEWARDS_LISTED),
    };
  }

  detail(requestId: string): StewardRequestDetail {
    const row = this.row(requestId);
    return { request: this.toRequest(row), notes: stewardNotes(this.o.db, requestId).map(toNote) };
  }

  /** One action of the desk on a request: its follow-up, its note and its audit row in one transaction. */
  act(requestId: string, action: StewardAction, staff: StaffPrincipal): StewardRequestDetail {
    const at = this.o.clock.now().toISOString();
    this.o.db.transaction(() => {
      this.row(requestId);
      const before: StewardFollowUpRow = stewardFollowUp(this.o.db, requestId) ?? {
        requestId,
        status: 'open',
        assigneeId: null,
        contactedAt: null,
        doneAt: null,
        updatedAt: at,
      };
      if (before.status === 'done' && action.action !== 'note') {
        throw new HostError('invalid_state', '该帮办请求已办结，只能补充备注', { status: before.status });
      }
      let assigneeId: number | null = null;
      let after: StewardFollowUpRow = { ...before, updatedAt: at };
      if (action.action === 'assign') {
        const assignee = findStaffByNo(this.o.db, action.staffNo);
        if (!assignee || !assignee.active) {
          throw new HostError('invalid_request', '没有这个在岗的工号', { field: 'staffNo' });
        }
        assigneeId = assignee.id;
        after = { ...after, assigneeId };
      } else if (action.action === 'contact') {
        after = { ...after, status: 'contacted', contactedAt: before.contactedAt ?? at };
      } else if (action.action === 'done') {
        after = { ...after, status: 'done', doneAt: at };
      }
      const note = 'note' in action && action.note !== undefined ? maskText(action.note) : null;
      saveStewardFollowUp(this.o.db, after);
      insertStewardNote(this.o.db, { requestId, at, staffId: staff.id, action: action.action, assigneeId, note });
      audit(this.o.db, this.o.clock, `steward.${action.action}`, {
        staffId: staff.id,
        windowId: staff.windowId,
        details: {
          requestId,
          status: after.status,
          ...(action.action === 'assign' ? { assignee: action.staffNo } : {}),
          withNote: note !== null,
        },
      });
    })();
    return this.detail(requestId);
  }

  private row(requestId: string): StewardRequestRow {
    const [kind, ...rest] = requestId.split('-');
    const id = rest.join('-');
    const row = stewardRequestById(this.o.db, {
      serviceCode: this.o.serviceCode(),
      ticketId: kind === 'ticket' ? Number(id) : null,
      caseId: kind === 'case' ? id : null,
    });
    if (!row) throw new HostError('steward_request_unknown', '没有这条帮办请求');
    return row;
  }

  private toRequest(row: StewardRequestRow): StewardRequest {
    return {
      id: row.id,
      requestedAt: row.requestedAt,
      businessDay: row.businessDay ?? this.dayOf(row.requestedAt),
      ticket:
        row.ticketNumber === null || row.ticketStatus === null
          ? null
          : { number: row.ticketNumber, status: row.ticketStatus, windowNumber: row.windowNumber, calledBy: row.calledBy },
      case:
        row.itemName === null || row.caseStatus === null
          ? null
          : {
              itemName: row.itemName,
              caseNumber: row.caseNumber,
              status: row.caseStatus,
              applicantMasked: row.applicantMasked,
              enterprise: typeof row.enterprise === 'string' && row.enterprise.trim() !== '' ? row.enterprise : null,
            },
      status: row.status satisfies StewardFollowUpStatus,
      assignee: row.assigneeNo === null || row.assigneeName === null ? null : { staffNo: row.assigneeNo, name: row.assigneeName },
      contactedAt: row.contactedAt,
      doneAt: row.doneAt,
      lastNote: row.lastNote,
    };
  }

  private today(): string {
    return this.dayOf(this.o.clock.now().toISOString());
  }

  private dayOf(iso: string): string {
    return businessDay(new Date(iso), this.o.timeZone, this.o.resetHour);
  }
}

function toNote(row: ReturnType<typeof stewardNotes>[number]): StewardNote {
  return {
    at: row.at,
    action: row.action,
    by: { staffNo: row.byNo, name: row.byName },
    assignee: row.assigneeNo === null || row.assigneeName === null ? null : { staffNo: row.assigneeNo, name: row.assigneeName },
    note: row.note,
  };
}
