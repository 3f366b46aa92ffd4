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

/** A notice as supervisors manage it: also past, future and withdrawn ones. */
export const HallNoticeRecord = HallNotice.extend({
  withdrawnAt: z.iso.datetime().nullable(),
  /** Staff number of the supervisor who published a local notice; null for central ones. */
  createdBy: z.string().nullable(),
});
export type HallNoticeRecord = z.infer<typeof HallNoticeRecord>;

/** One page of every notice, newest first (contracts/page.ts). */
export const HallNoticeRecords = z.object({ notices: z.array(HallNoticeRecord), next: NextPage });
export type HallNoticeRecords = z.infer<typeof HallNoticeRecords>;

const instant = z.iso.datetime({ offset: true });

/**
 * A supervisor's notice. startsAt is optional rather than defaulted here: "now" is the hall's
 * clock, which only the host knows, so the host fills it in (and then checks endsAt against it).
 */
export const PublishNoticeRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(10_000),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
  })
  .refine(
    (value) =>
      value.endsAt === undefined || value.startsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt),
    { path: ['endsAt'], message: 'endsAt must be after startsAt' },
  );
export type PublishNoticeRequest = z.infer<typeof PublishNoticeRequest>;
export type PublishNoticeInput = z.input<typeof PublishNoticeRequest>;

export const NoticeIdParams = z.object({ id: z.string().min(1).max(100) });
export type NoticeIdParams = z.infer<typeof NoticeIdParams>;
