import type { DeadlineNotice } from '../../contracts/complaint-deadlines';
import type { Complaint, Person } from '../../contracts/complaints';
import type { ComplaintNoticePort } from './complaint-deadline-sweep';
import type { ComplaintDirectoryService } from './complaint-directory-service';
import type { ComplaintQueryService } from './complaint-query-service';

/**
 * The deadline sweep's port (complaint-deadline-sweep.ts) over the complaint services: the open
 * complaints as the console reads them, and a notice's people from the directory as it stands at
 * the sweep (someone who left the unit since the dispatch is no longer told).
 */
export class ComplaintNoticeRecipients implements ComplaintNoticePort {
  constructor(
    private readonly queries: ComplaintQueryService,
    private readonly directory: ComplaintDirectoryService,
  ) {}

  openComplaints(): Promise<Complaint[]> {
    return this.queries.openComplaints();
  }

  async recipients(notice: DeadlineNotice): Promise<Person[]> {
    const to = notice.to;
    if (to.kind === 'bureau') return this.directory.bureauPeople(to.role);
    if (to.personId !== null) {
      // The handler who took the complaint, while they are still that unit's: else the unit's
      // people of that duty, so a notice is never lost to a move.
      const named = await this.directory.personById(to.personId);
      if (named !== undefined && named.active && named.unitCode === to.unitCode && named.duty === to.duty) return [named];
    }
    return this.directory.peopleOf(to.unitCode, to.duty);
  }
}
