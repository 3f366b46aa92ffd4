import type { EditNoticeInput, HallNoticeRecord, NoticeAudience, PublishNoticeInput } from '../../../contracts/notices';
import { instantOfWallTime, wallTimeOf } from '../hall-time';

/** The editor's fields: times as the hall's wall clock (datetime-local values, '' for none). */
export interface NoticeForm {
  title: string;
  body: string;
  /** '' = now (a new notice) or its start as it was (an edit). */
  startsAt: string;
  /** '' = until withdrawn. */
  endsAt: string;
  scope: 'all' | 'chosen';
  hall: boolean;
  terminalIds: readonly string[];
}

export const EMPTY_FORM: NoticeForm = {
  title: '',
  body: '',
  startsAt: '',
  endsAt: '',
  scope: 'all',
  hall: false,
  terminalIds: [],
};

/** The editor filled from a notice (its live chosen terminals only: a revoked one can no longer be chosen). */
export function formOf(notice: HallNoticeRecord, timeZone: string): NoticeForm {
  const audience = notice.audience;
  return {
    title: notice.title,
    body: notice.body,
    startsAt: wallTimeOf(notice.startsAt, timeZone),
    endsAt: notice.endsAt === null ? '' : wallTimeOf(notice.endsAt, timeZone),
    scope: audience.scope,
    hall: audience.scope === 'chosen' && audience.hall,
    terminalIds: audience.scope === 'chosen' ? audience.terminals.filter((t) => !t.revoked).map((t) => t.id) : [],
  };
}

/** What the form lacks before it can be sent; the host checks the same again. */
export type FormProblem = 'title' | 'body' | 'startsAt' | 'endsAt' | 'endBeforeStart' | 'screens';

export type FormResult<T> = { ok: true; request: T } | { ok: false; problems: FormProblem[] };

/**
 * The request a form makes. An edit keeps the times the supervisor did not touch exactly as they
 * were (a datetime-local input holds minutes; the stored instant may hold seconds).
 */
export function noticeRequest(
  form: NoticeForm,
  timeZone: string,
  before?: HallNoticeRecord,
): FormResult<PublishNoticeInput & EditNoticeInput> {
  const problems: FormProblem[] = [];
  if (form.title.trim() === '') problems.push('title');
  if (form.body.trim() === '') problems.push('body');
  const unchanged = before ? formOf(before, timeZone) : undefined;
  const startsAt =
    form.startsAt === '' || (unchanged !== undefined && form.startsAt === unchanged.startsAt)
      ? undefined
      : instantOfWallTime(form.startsAt, timeZone);
  const endsAt =
    form.endsAt === ''
      ? undefined
      : unchanged !== undefined && form.endsAt === unchanged.endsAt && before?.endsAt
        ? before.endsAt
        : instantOfWallTime(form.endsAt, timeZone);
  if (startsAt === null) problems.push('startsAt');
  if (endsAt === null) problems.push('endsAt');
  const start = startsAt ?? before?.startsAt;
  if (typeof endsAt === 'string' && typeof start === 'string' && Date.parse(endsAt) <= Date.parse(start)) {
    problems.push('endBeforeStart');
  }
  if (form.scope === 'chosen' && !form.hall && form.terminalIds.length === 0) problems.push('screens');
  if (problems.length > 0 || startsAt === null || endsAt === null) return { ok: false, problems };
  const audience: NoticeAudience =
    form.scope === 'all' ? { scope: 'all' } : { scope: 'chosen', hall: form.hall, terminalIds: [...form.terminalIds] };
  return {
    ok: true,
    request: {
      title: form.title.trim(),
      body: form.body.trim(),
      ...(startsAt === undefined ? {} : { startsAt }),
      ...(endsAt === undefined ? {} : { endsAt }),
      audience,
    },
  };
}
