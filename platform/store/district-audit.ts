import type { Sql } from '../db/sql';

/** What the console changed: a case's status, notices, catalog items, halls and their credentials. */
export type AuditAction =
  | 'case.status'
  | 'notice.publish'
  | 'notice.withdraw'
  | 'catalog.add'
  | 'catalog.change'
  | 'catalog.retire'
  | 'hall.create'
  | 'hall.update'
  | 'credential.issue'
  | 'credential.rotate'
  | 'credential.revoke'
  | 'indicator.tree'
  | 'indicator.period.open'
  | 'indicator.period.close'
  | 'indicator.compute'
  | 'indicator.enter'
  | 'indicator.review'
  | 'complaint-unit.create'
  | 'complaint-unit.update'
  | 'complaint-person.create'
  | 'complaint-person.update'
  | 'complaint-person.account'
  | 'minxin.import'
  | 'minxin.export'
  | 'complaint-calendar.set'
  | 'complaint-calendar.clear'
  | 'complaint-rules.deadline'
  | 'complaint-rules.dispatch';

export interface AuditEntry {
  at: Date;
  /** A district username, or `admin-token`. */
  actor: string;
  action: AuditAction;
  /**
   * The record changed: a case number, `notice:<id>`, `catalog:<code>`, `hall:<id>`, `credential:<id>`,
   * `indicator-tree:<version>`, `indicator-period:<period>`, `indicator:<period>:<leaf code>`,
   * `unit:<code>`, `person:<id>`, `minxin-batch:<batch id or file kind>`, `minxin-replies:<format>`,
   * `calendar:<date>`, `complaint_deadline_rules:<version>`, `complaint_dispatch_rules:<version>`.
   */
  subject: string;
  detail: Record<string, unknown>;
}

/** Appends one row; call it inside the change's own transaction. */
export async function insertAudit(tx: Sql, entry: AuditEntry): Promise<void> {
  await tx.query(`INSERT INTO district_audit (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    entry.at.toISOString(),
    entry.actor,
    entry.action,
    entry.subject,
    JSON.stringify(entry.detail),
  ]);
}

/** The rows of one record, oldest first. */
export function auditOf(sql: Sql, subject: string): Promise<Array<Omit<AuditEntry, 'at'> & { at: Date }>> {
  return sql.query(`SELECT at, actor, action, subject, detail FROM district_audit WHERE subject = $1 ORDER BY id`, [subject]);
}
