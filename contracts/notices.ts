/**
 * Notices (通知公告) as the host API serves them: the central API's notices for this hall and
 * the hall's own (published by its supervisors), shown on the kiosk attract screen and the
 * hall display between startsAt and endsAt.
 */
import { z } from 'zod';
import { NextPage } from './page';

/** central: published by the province (read-only here); local: by this hall's supervisors. */
export const NoticeOrigin = z.enum(['central', 'local']);
export type NoticeOrigin = z.infer<typeof NoticeOrigin>;

export const HallNotice = z.object({
  id: z.string(),
  source: NoticeOrigin,
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  /** null: shown until withdrawn. */
  endsAt: z.iso.datetime().nullable(),
});
export type HallNotice = z.infer<typeof HallNotice>;

export const HallNotices = z.object({
  /** The notices showing now, newest publication first. */
  notices: z.array(HallNotice),
  /**
   * Where the central notices come from. central: the last pull succeeded; cache: the central API
   * is unreachable and the last copy is shown; local-only: never reached it (only the hall's own).
   */
  source: z.enum(['central', 'cache', 'local-only']),
  /** When the central notices were last fetched; null when never. */
  fetchedAt: z.iso.datetime().nullable(),
});
export type HallNotices = z.infer<typeof HallNotices>;

/** The hall machine's own pages (its kiosk, a display opened on it): one target, not a terminal. */
export const HALL_MACHINE_TARGET = 'hall';

/**
 * Which screens show a notice: every kiosk and display (`all`), or the chosen ones only: the
 * hall machine's own pages (`hall`) and paired terminals by id (hall TVs, secondary kiosks).
 * The host tells each screen by who it is (its terminal token, or this machine), never by what it
 * says, and answers `GET /notices` with the notices targeted at it. Central notices show everywhere.
 */
export const NoticeAudience = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }),
  z
    .object({
      scope: z.literal('chosen'),
      hall: z.boolean(),
      terminalIds: z
        .array(z.uuid())
        .max(100)
        .refine((ids) => new Set(ids).size === ids.length, 'a terminal is named twice'),
    })
    .refine((a) => a.hall || a.terminalIds.length > 0, { path: ['terminalIds'], message: 'choose at least one screen' }),
]);
export type NoticeAudience = z.infer<typeof NoticeAudience>;

/** A terminal a notice can be shown on: a paired hall TV or secondary kiosk. */
export const NoticeTerminal = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['display', 'host']),
  /** A revoked terminal named by an older notice: it shows nothing any more. */
  revoked: z.boolean(),
});
export type NoticeTerminal = z.infer<typeof NoticeTerminal>;

/** The audience as supervisors read it: the chosen terminals with their names. */
export const NoticeAudienceView = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }),
  z.object({ scope: z.literal('chosen'), hall: z.boolean(), terminals: z.array(NoticeTerminal) }),
]);
export type NoticeAudienceView = z.infer<typeof NoticeAudienceView>;

/** The terminals a supervisor may target (live displays and secondary kiosks), one page, by name. */
export const NoticeTerminalList = z.object({ terminals: z.array(NoticeTerminal), next: NextPage });
export type NoticeTerminalList = z.infer<typeof NoticeTerminalList>;

/** Where a notice stands: on the screens now, not started yet, past its end, or withdrawn. */
export const NoticeState = z.enum(['showing', 'scheduled', 'ended', 'withdrawn']);
export type NoticeState = z.infer<typeof NoticeState>;

/**
 * A notice's state at an instant: the same rule as the screens' (started inclusive, ended
 * exclusive). The host answers it on the hall's clock, so a supervisor's PC with another time
 * shows what the screens show.
 */
export function noticeStateAt(
  notice: { withdrawnAt: string | null; startsAt: string; endsAt: string | null },
  nowMs: number,
): NoticeState {
  if (notice.withdrawnAt !== null) return 'withdrawn';
  if (nowMs < Date.parse(notice.startsAt)) return 'scheduled';
  if (notice.endsAt !== null && nowMs >= Date.parse(notice.endsAt)) return 'ended';
  return 'showing';
}

/** A notice as supervisors manage it: also past, future and withdrawn ones. */
export const HallNoticeRecord = HallNotice.extend({
  withdrawnAt: z.iso.datetime().nullable(),
  /** Staff number of the supervisor who published a local notice; null for central ones. */
  createdBy: z.string().nullable(),
  audience: NoticeAudienceView,
  /** The last edit (its time and supervisor); null when never edited. */
  editedAt: z.iso.datetime().nullable(),
  editedBy: z.string().nullable(),
  /** Its state when the host answered, on the hall's clock. */
  state: NoticeState,
});
export type HallNoticeRecord = z.infer<typeof HallNoticeRecord>;

/** One page of every notice, newest first (contracts/page.ts). */
export const HallNoticeRecords = z.object({ notices: z.array(HallNoticeRecord), next: NextPage });
export type HallNoticeRecords = z.infer<typeof HallNoticeRecords>;

const instant = z.iso.datetime({ offset: true });

const noticeFields = {
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
};

const endsAfterStart = (value: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  value.endsAt === undefined || value.startsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsAfterStartError = { path: ['endsAt'], message: 'endsAt must be after startsAt' };

/**
 * A supervisor's notice. startsAt is optional rather than defaulted here: "now" is the hall's
 * clock, which only the host knows, so the host fills it in (and then checks endsAt against it).
 * Without an audience it shows everywhere, as notices did before screens could be chosen.
 */
export const PublishNoticeRequest = z
  .object({ ...noticeFields, audience: NoticeAudience.default({ scope: 'all' }) })
  .refine(endsAfterStart, endsAfterStartError);
export type PublishNoticeRequest = z.infer<typeof PublishNoticeRequest>;
export type PublishNoticeInput = z.input<typeof PublishNoticeRequest>;

/**
 * A hall notice edited: the whole notice again (title, text, window of time, screens). Without
 * startsAt it keeps its start; without endsAt it shows until withdrawn.
 */
export const EditNoticeRequest = z
  .object({ ...noticeFields, audience: NoticeAudience })
  .refine(endsAfterStart, endsAfterStartError);
export type EditNoticeRequest = z.infer<typeof EditNoticeRequest>;
export type EditNoticeInput = z.input<typeof EditNoticeRequest>;

export const NoticeIdParams = z.object({ id: z.string().min(1).max(100) });
export type NoticeIdParams = z.infer<typeof NoticeIdParams>;
