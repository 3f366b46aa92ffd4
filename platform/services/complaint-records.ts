import type { CoUnitPart, ComplaintStep } from '../../contracts/complaints';
import type { StoredComplaint } from '../../contracts/platform-complaints';
import type { Sql } from '../db/sql';
import { coUnitsOf, complaintRow, stepsOf, type ComplaintRow } from '../store/complaints';

/** A complaint as the lifecycle reads it, with the hall of its case (where its public steps go). */
export interface LoadedComplaint {
  complaint: StoredComplaint;
  hallId: string;
}

/** The contract's complaint from its row, history and co-units. */
export function complaintOf(
  row: ComplaintRow,
  history: readonly ComplaintStep[],
  coUnits: readonly CoUnitPart[],
): StoredComplaint {
  return {
    number: row.number,
    channel: row.channel,
    externalRef: row.externalRef,
    enterprise: { name: row.enterpriseName, creditCode: row.creditCode },
    contact: { name: row.contactName, phone: row.contactPhone },
    topic: row.topic,
    area: row.area,
    text: row.text,
    attachments: row.attachments,
    registeredAt: row.registeredAt.toISOString(),
    closeDueAt: row.closeDueAt.toISOString(),
    state: row.state,
    leadUnit: row.leadUnit,
    coUnits: [...coUnits],
    handler: row.handlerPersonId === null ? null : { personId: row.handlerPersonId, name: row.handlerName ?? '' },
    reply: row.reply,
    returns: row.returns,
    mergedInto: row.mergedInto,
    evaluation: row.evaluation,
    history: [...history],
  };
}

/** Whole complaints from their rows: two more statements, whatever their number. */
export async function complaintsOf(sql: Sql, rows: readonly ComplaintRow[]): Promise<StoredComplaint[]> {
  if (rows.length === 0) return [];
  const numbers = rows.map((row) => row.number);
  const steps = await stepsOf(sql, numbers);
  const parts = await coUnitsOf(sql, numbers);
  return rows.map((row) => complaintOf(row, steps.get(row.number) ?? [], parts.get(row.number) ?? []));
}

/** One complaint, locked when `forUpdate` (an action's transaction). */
export async function loadComplaint(sql: Sql, number: string, forUpdate = false): Promise<LoadedComplaint | undefined> {
  const row = await complaintRow(sql, number, forUpdate);
  if (row === undefined) return undefined;
  const [complaint] = await complaintsOf(sql, [row]);
  return complaint && { complaint, hallId: row.hallId };
}
