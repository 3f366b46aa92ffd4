import type { DeadlineNotice } from '../../../contracts/complaint-deadlines';
import type { Person } from '../../../contracts/complaints';
import type { NotifierLog } from '../../../platform/notify/notice';
import type { ComplaintNoticePort } from '../../../platform/services/complaint-deadline-sweep';
import type { Complaint } from '../../../contracts/complaints';

/**
 * The complaint desk's people as the notifier's tests see them (ids as in support/complaints.ts),
 * with invented names and addresses, and a port over them: the complaints given and the people a
 * notice's recipient names.
 */

const personId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const person = (
  n: number,
  name: string,
  unitCode: string,
  duty: Person['duty'],
  email: string | null,
  bureauRoles: Person['bureauRoles'] = [],
): Person => ({
  id: personId(n),
  name,
  unitCode,
  duty,
  bureauRoles,
  email,
  phone: '13900000000',
  active: true,
});

export const desk = {
  sorter: person(1, '钱分拣', 'business-bureau', 'handler', 'sorter@district.example', ['sorter']),
  supervisor: person(3, '孙督办', 'business-bureau', 'leader', 'supervisor@district.example', ['supervisor']),
  leadHandler: person(4, '李经办', 'market-regulation', 'handler', 'li.handler@district.example'),
  leadLeader: person(5, '周领导', 'market-regulation', 'leader', 'zhou.leader@district.example'),
  /** A handler without an e-mail address: the inbox reaches them, e-mail does not. */
  secondHandler: person(10, '吴经办', 'market-regulation', 'handler', null),
  /** Left the unit: never notified. */
  formerHandler: { ...person(11, '郑离职', 'market-regulation', 'handler', 'zheng@district.example'), active: false },
} satisfies Record<string, Person>;

export function recipientsOf(notice: DeadlineNotice, people: readonly Person[] = Object.values(desk)): Person[] {
  const to = notice.to;
  return people.filter((p) =>
    to.kind === 'bureau'
      ? p.bureauRoles.includes(to.role)
      : p.unitCode === to.unitCode && p.duty === to.duty && (to.personId === null || to.personId === p.id),
  );
}

export function portOf(complaints: () => Complaint[]): ComplaintNoticePort {
  return {
    openComplaints: () => Promise.resolve(complaints()),
    recipients: (notice) => Promise.resolve(recipientsOf(notice)),
  };
}

/** A log that keeps every line as JSON, to look for personal data in. */
export function capturingLog(): NotifierLog & { lines: string[] } {
  const lines: string[] = [];
  const write = (fields: Record<string, unknown>, message: string) => {
    lines.push(JSON.stringify({ ...fields, message }));
  };
  return { lines, info: write, warn: write };
}
