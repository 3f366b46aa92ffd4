import type { AuditEntry } from '../../contracts/auth';
import type { Db } from '../../db/open';
import { listAudit } from '../../db/repositories/audit';

/** The audit log as supervisors and technicians read it: paged by the last id a reader saw. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  entries(query: { sinceId?: number; limit: number }): AuditEntry[] {
    return listAudit(this.db, query);
  }
}
