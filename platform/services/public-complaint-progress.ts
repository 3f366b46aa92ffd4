import type { PublicComplaintAreas, PublicComplaintProgress } from '../../contracts/platform-public-complaints';
import { complaintStageOf } from '../../contracts/complaints';
import type { Sql } from '../db/sql';
import { allUnits } from '../store/complaint-directory';
import { publicCaseNote } from './complaint-public-notes';
import { loadComplaint } from './complaint-records';

/** A phone's digits: `024-88886666` as 民心网 wrote it and `02488886666` as the enterprise types it are one number. */
const digitsOf = (phone: string): string => phone.replace(/\D/g, '');

/**
 * What the public web form reads: the district's streets and zones, and a complaint's progress
 * for whoever holds its number and its contact phone. A wrong phone and an unknown number answer
 * alike (undefined), so the lookup never says whether a number exists.
 */
export class PublicComplaintProgressService {
  constructor(private readonly sql: Sql) {}

  async areas(): Promise<PublicComplaintAreas> {
    const units = await allUnits(this.sql);
    return {
      areas: units.flatMap((u) => (u.active && u.kind !== 'department' ? [{ code: u.code, name: u.name, kind: u.kind }] : [])),
    };
  }

  async progress(number: string, phone: string): Promise<PublicComplaintProgress | undefined> {
    const loaded = await loadComplaint(this.sql, number);
    if (loaded === undefined) return undefined;
    const { complaint } = loaded;
    if (digitsOf(complaint.contact.phone) !== digitsOf(phone)) return undefined;
    const names = new Map((await allUnits(this.sql)).map((u) => [u.code, u.name]));
    return {
      number: complaint.number,
      stage: complaintStageOf(complaint.state),
      registeredAt: complaint.registeredAt,
      closeDueAt: complaint.closeDueAt,
      // The public steps only, in the words the kiosk's progress page shows (the case feed's
      // notes): never a staff note or a person's name.
      steps: complaint.history.flatMap((s) =>
        s.visibility === 'public'
          ? [{ at: s.at, action: s.action, note: publicCaseNote(s, (code) => names.get(code) ?? code) }]
          : [],
      ),
    };
  }
}
