import { randomUUID } from 'node:crypto';
import { CreateCaseResponse } from '../../contracts/central-api';
import type { CaseChange, CatalogItem, CreateCaseRequest } from '../../contracts/central-api';
import { SubmitCaseRequest } from '../../contracts/cases';
import type {
  CaseDeadline,
  CaseProgress,
  CaseSteward,
  LocalCase,
  LocalCaseProgress,
  SubmitCaseInput,
} from '../../contracts/cases';
import type { WorkCalendar } from '../../contracts/workdays';
import { checkpointWal, type Db } from '../../db/open';
import {
  caseById,
  caseByNumber,
  casesByApplicantKey,
  deleteUndeliveredCases,
  insertCase,
  bufferEarlyChange,
  purgeCases,
  purgeEarlyChanges,
  setCaseNumber,
  setStewardTicket,
  stewardOfTicket,
  takeEarlyChanges,
  updateCaseStatus,
} from '../../db/repositories/cases';
import type { CaseRow } from '../../db/repositories/cases';
import { purgePages } from '../../db/repositories/material-pages';
import type { OutboxEntry } from '../../db/repositories/outbox';
import { purgeDelivered } from '../../db/repositories/outbox';
import { maskIdNumber, maskName } from '../../hardware/idcard';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { enqueueCase } from '../sync/enqueue-case';
import { enqueuePageChunks } from '../sync/enqueue-pages';
import type { MaterialPages } from './material-pages';
import { withChange } from './case-history';
import { checkForm } from './case-form';
import { caseDeadlines } from './deadlines';
import type { PrefillCard } from './case-form';

const DAY_MS = 86_400_000;
/** Days an undelivered case waits for the central API when the hall settings do not say. */
const DEFAULT_UNDELIVERED_RETENTION_DAYS = 90;

/** What one purge removed: delivered cases cleared, their outbox payloads, undelivered cases deleted. */
export interface PurgeReport {
  cases: number;
  outboxPayloads: number;
  undelivered: number;
  /** Material pages whose bytes were cleared with their case's personal data. */
  pages: number;
}
const anythingPurged = (report: PurgeReport): boolean =>
  report.cases + report.outboxPayloads + report.undelivered + report.pages > 0;

/** How long a change of an unknown case number waits for its case (a re-send takes minutes). */
const EARLY_CHANGE_DAYS = 3;

export interface CaseServiceOptions {
  db: Db;
  catalog: { item(code: string): CatalogItem | undefined };
  clock: Clock;
  /** The keyed hash of an ID number (IdentityKeyer.keyOf): the same key identityKey() gives. */
  keyOf: (idNumber: string) => string;
  hallId: string;
  terminalId: string;
  /** The hall's time zone and working-day calendar, for promised deadlines. */
  timeZone: string;
  calendar: WorkCalendar;
  /** Days a delivered case keeps its personal data. Default 30. */
  retentionDays?: number;
  /**
   * Days a case that never reached the central API (pending, or failed for good) is kept before
   * it is deleted: the hall settings' `timeouts.personalDataRetentionDays`, read at each purge.
   * Default 90.
   */
  undeliveredRetentionDays?: () => number;
  /** Days `casesForCard` looks back. Default 30. */
  recentDays?: number;
  /** Local case ids (uuid); injected by tests. */
  newId?: () => string;
}

/**
 * Cases submitted at the kiosk. A case is saved with its outbox entry in one transaction
 * (it reaches the central API or it was never confirmed to the citizen), gets its central
 * case number when the sync delivers it, follows the central status through the change
 * feed, and loses its personal data once delivered and past retention.
 */
export class CaseService {
  private readonly newId: () => string;

  constructor(private readonly o: CaseServiceOptions) {
    this.newId = o.newId ?? randomUUID;
  }

  /**
   * Validates, prefills from the card and saves the case with its outbox entry; the captured
   * pages it names (checked by `pages` against the card session) are attached in the same
   * transaction and queued after the case, so a refused page saves nothing.
   */
  submit(input: SubmitCaseInput, card: PrefillCard, pages?: MaterialPages): LocalCase {
    const request = SubmitCaseRequest.parse(input);
    if (request.submissionId !== undefined) {
      const saved = caseById(this.o.db, request.submissionId);
      if (saved) {
        // The same submission again (its reply was lost): the case it made, never a second one.
        if (saved.applicantKey !== this.o.keyOf(card.idNumber)) throw new HostError('invalid_state', '该提交编号已被使用');
        return this.toLocalCase(saved);
      }
    }
    const item = this.o.catalog.item(request.itemCode);
    if (!item) throw new HostError('item_unknown', '没有这个事项');
    const checked = checkForm(item, request.form, request.materials, card);
    if (!checked.ok) throw new HostError('form_invalid', '表单填写不完整或有误', { problems: checked.problems });
    if (request.pages.length > 0 && pages === undefined) throw new HostError('page_unknown', '本机不收材料页');
    const toAttach = pages?.check(request.pages, new Set(item.materials.map((material) => material.code))) ?? [];

    const now = this.o.clock.now();
    const submittedAt = now.toISOString();
    const id = request.submissionId ?? this.newId();
    const phoneField = item.formFields.find((f) => f.type === 'phone');
    const phone = phoneField ? checked.form[phoneField.key] : undefined;
    const central: CreateCaseRequest = {
      hallId: this.o.hallId,
      terminalId: this.o.terminalId,
      itemCode: item.code,
      itemName: item.name,
      applicant: { name: card.name, idNumber: card.idNumber, ...(phone === undefined ? {} : { phone }) },
      form: checked.form,
      materials: checked.materials,
      submittedAt,
    };
    this.o.db.transaction(() => {
      insertCase(this.o.db, {
        id,
        itemCode: item.code,
        itemName: item.name,
        applicantName: card.name,
        applicantIdNumber: card.idNumber,
        applicantPhone: phone ?? null,
        applicantKey: this.o.keyOf(card.idNumber),
        maskedName: maskName(card.name),
        maskedIdNumber: maskIdNumber(card.idNumber),
        form: checked.form,
        materials: checked.materials,
        submittedAt,
        status: 'submitted',
        statusHistory: [{ status: 'submitted', at: submittedAt }],
        stewardRequested: request.stewardRequested,
      });
      // The case id doubles as the Idempotency-Key: one submission per case, for ever.
      enqueueCase(this.o.db, { localCaseId: id, request: central, now, idempotencyKey: id });
      if (toAttach.length > 0) {
        pages?.attach(id, toAttach);
        // After the case's own entry, in its ordering key: the central API has the case first.
        enqueuePageChunks(this.o.db, { localCaseId: id, pages: toAttach, now });
      }
    })();
    return this.localCase(id);
  }

  /**
   * For SyncEngine `onDelivered` (runs inside its transaction): stores the central case
   * number on the case. Ignores other kinds; throws on a reply it cannot read, which
   * leaves the entry pending for a re-send (answered as a replay).
   */
  onDelivered(entry: OutboxEntry, response: unknown): void {
    if (entry.kind !== 'case') return;
    const reply = CreateCaseResponse.parse(response);
    const row = caseById(this.o.db, entry.recordId);
    if (!row || row.caseNumber !== null) return;
    // Changes pulled before we knew this case's number (its first reply was lost) are
    // the case's real history; a replayed reply only gives the latest status.
    const early = takeEarlyChanges(this.o.db, reply.caseNumber);
    let history = row.statusHistory;
    for (const change of early) history = withChange(history, change) ?? history;
    if (early.length === 0) history = withChange(history, { status: reply.status, at: reply.receivedAt }) ?? history;
    setCaseNumber(this.o.db, row.id, {
      caseNumber: reply.caseNumber,
      status: early.at(-1)?.status ?? reply.status,
      statusHistory: history,
      at: this.o.clock.now().toISOString(),
    });
  }

  /**
   * For SyncEngine `onChange`: applies a central status change to the local case. Applying
   * the same change again changes nothing. Changes of case numbers not known here (another
   * hall's, or ours with the delivery reply still outstanding) are buffered for a few days.
   */
  applyChange(change: CaseChange): boolean {
    const row = caseByNumber(this.o.db, change.caseNumber);
    if (!row) {
      // Possibly ours with its delivery reply still outstanding: keep it for onDelivered.
      bufferEarlyChange(this.o.db, change, this.o.clock.now().toISOString());
      return false;
    }
    const history = withChange(row.statusHistory, change);
    if (!history) return false;
    updateCaseStatus(this.o.db, row.id, { status: change.status, statusHistory: history, at: this.o.clock.now().toISOString() });
    return true;
  }

  /** The status of a case by its number: no personal data. */
  progress(caseNumber: string): CaseProgress {
    const row = caseByNumber(this.o.db, caseNumber);
    if (!row || row.caseNumber === null) throw new HostError('case_unknown', '没有查到这个办件');
    return { ...this.toProgress(row), caseNumber: row.caseNumber };
  }

  /**
   * The status of a case by its local id, the capability printed in the receipt's QR code
   * (a random uuid): works before the central API gave the case its number.
   */
  progressById(id: string): LocalCaseProgress {
    const row = caseById(this.o.db, id);
    if (!row) throw new HostError('case_unknown', '没有查到这个办件');
    return this.toProgress(row);
  }

  /** Links the ticket a steward request issued for this case (首席服务管家). */
  linkStewardTicket(id: string, ticketId: number): void {
    setStewardTicket(this.o.db, id, ticketId);
  }

  private toProgress(row: CaseRow): LocalCaseProgress {
    return {
      caseNumber: row.caseNumber,
      itemCode: row.itemCode,
      itemName: row.itemName,
      status: row.status,
      statusHistory: row.statusHistory,
      deadlines: this.deadlinesOf(row),
      steward: this.stewardOf(row),
      updatedAt: row.updatedAt,
    };
  }

  private deadlinesOf(row: CaseRow): CaseDeadline[] {
    return caseDeadlines({
      submittedAt: row.submittedAt,
      history: row.statusHistory,
      promisedWorkingDays: this.o.catalog.item(row.itemCode)?.promisedWorkingDays ?? null,
      calendar: this.o.calendar,
      timeZone: this.o.timeZone,
      now: this.o.clock.now(),
    });
  }

  private stewardOf(row: CaseRow): CaseSteward | null {
    if (!row.stewardRequested) return null;
    const found = row.stewardTicketId === null ? undefined : stewardOfTicket(this.o.db, row.stewardTicketId);
    return {
      ticketNumber: found?.ticketNumber ?? null,
      ticketStatus: found?.ticketStatus ?? null,
      name: found?.name ?? null,
      phone: found?.phone ?? null,
      windowNumber: found?.windowNumber ?? null,
    };
  }

  /** Cases submitted recently with the card whose keyed hash this is, newest first. */
  casesForCard(identityKey: string, limit = 20): LocalCase[] {
    const since = new Date(this.o.clock.now().getTime() - (this.o.recentDays ?? 30) * DAY_MS).toISOString();
    return casesByApplicantKey(this.o.db, identityKey, since, limit).map((row) => this.toLocalCase(row));
  }

  /** One case by its local id (for the kiosk's confirmation screen). */
  localCase(id: string): LocalCase {
    const row = caseById(this.o.db, id);
    if (!row) throw new HostError('case_unknown', '没有查到这个办件');
    return this.toLocalCase(row);
  }

  /**
   * Clears the personal data of cases the central API has had since before `olderThan`
   * (default: the retention period ago), and the payloads of outbox entries delivered
   * before then, which hold the same data, and the bytes of their material pages; case numbers
   * and statuses stay. Deletes the cases
   * that never reached it within the hall's retention period. Audited with the counts when
   * anything went, then the WAL is checkpointed so no copy of the purged pages stays in it.
   */
  purge(olderThan?: Date): PurgeReport {
    const now = this.o.clock.now();
    const cutoff = olderThan ?? new Date(now.getTime() - (this.o.retentionDays ?? 30) * DAY_MS);
    const undeliveredDays = this.o.undeliveredRetentionDays?.() ?? DEFAULT_UNDELIVERED_RETENTION_DAYS;
    const undeliveredCutoff = new Date(now.getTime() - undeliveredDays * DAY_MS);
    const report = this.o.db.transaction((): PurgeReport => {
      purgeEarlyChanges(this.o.db, new Date(now.getTime() - EARLY_CHANGE_DAYS * DAY_MS).toISOString());
      const cases = purgeCases(this.o.db, cutoff.toISOString(), now.toISOString());
      const purged: PurgeReport = {
        cases,
        outboxPayloads: purgeDelivered(this.o.db, cutoff, now),
        undelivered: deleteUndeliveredCases(this.o.db, undeliveredCutoff.toISOString()),
        // After the cases: the pages of every case purged (now or before) lose their bytes.
        pages: purgePages(this.o.db, now.toISOString()),
      };
      if (anythingPurged(purged)) {
        // Counts only: which cases went is exactly what must not be kept.
        audit(this.o.db, this.o.clock, 'cases.personal_data_purged', {
          details: { ...purged, retentionDays: undeliveredDays },
        });
      }
      return purged;
    })();
    if (anythingPurged(report)) checkpointWal(this.o.db);
    return report;
  }

  private toLocalCase(row: CaseRow): LocalCase {
    return {
      id: row.id,
      itemCode: row.itemCode,
      itemName: row.itemName,
      caseNumber: row.caseNumber,
      status: row.status,
      statusHistory: row.statusHistory,
      maskedName: row.maskedName,
      maskedIdNumber: row.maskedIdNumber,
      materials: row.materials,
      stewardRequested: row.stewardRequested,
      steward: this.stewardOf(row),
      deadlines: this.deadlinesOf(row),
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
    };
  }
}
