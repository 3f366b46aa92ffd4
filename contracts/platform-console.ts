/**
 * The district platform's console (区级平台管理台): what district staff read and change through
 * the platform, beside the central API the hall hosts speak (`central-api.ts`). Schemas here;
 * the operations (method, path, who may call them) are declared once in
 * `platform-console-api.ts`, which the platform registers and the console page calls.
 */
import { z } from 'zod';
import { CaseNumber, CaseStatus, CatalogItem, CentralErrorCode, StatusHistoryEntry } from './central-api';
import { errorEnvelope } from './errors';

// ---------------------------------------------------------------------------
// Errors

/** The central API's codes and the console's own; clients branch on these, never on messages. */
export const ConsoleErrorCode = z.enum([
  ...CentralErrorCode.options,
  /** Signed in, but the role may not do this. */
  'forbidden',
  /** Too many failed sign-ins for this name: wait until `details.retryAfterSeconds` pass. */
  'locked_out',
  'notice_not_found',
  'item_not_found',
  'item_exists',
  /** The catalog changed since the version the editor read (`details.version` is the current one). */
  'catalog_changed',
  /** Retiring the last item would leave the halls an empty catalog. */
  'catalog_empty',
  /** No such item in the signed-in person's inbox (another person's items included). */
  'inbox_item_not_found',
  /** The indicator system (contracts/platform-indicators.ts): no such leaf in the tree. */
  'indicator_not_found',
  /** The tree was saved since the version the editor read (`details.version` is the current one). */
  'indicator_tree_changed',
  'period_not_found',
  'period_exists',
  /** A closed period's values, figures and scores no longer change. */
  'period_closed',
  /** A period is opened once it has begun. */
  'period_not_started',
  /** A computed leaf takes no entered value: the platform computes it. */
  'leaf_computed',
  /** A value far outside its leaf's plausible range needs a note saying why it is right. */
  'note_required',
  'entry_not_found',
  /** Only the latest revision, while submitted, is reviewed. */
  'entry_not_submitted',
  // 营商诉求 (platform-complaints-api.ts): the directory, intake and the lifecycle's refusals
  // (complaint-actions.ts ComplaintRefusal, whose codes these are).
  'complaint_not_found',
  'unit_not_found',
  'unit_exists',
  'bureau_exists',
  'person_not_found',
  'username_taken',
  /** The person has a console account already: one account acts as one person. */
  'person_has_account',
  /** The signed-in account acts as no active complaint person (or is the admin token). */
  'not_a_person',
  /** The public web form's limit per client address: wait until `details.retryAfterSeconds` pass. */
  'rate_limited',
  'wrong_role',
  'wrong_state',
  'wrong_unit',
  'reason_required',
  'text_required',
  'invalid_units',
  'co_unit_parts_missing',
  'merge_into_self',
  'own_reply',
  /** 考核细则 (platform-complaint-statistics.ts): a version was written since the one the editor read (`details.version`). */
  'assessment_rules_changed',
  /** A 民心网 batch file that is no batch at all (contracts/minxin.ts MinxinFileError in `details`): nothing imported. */
  'minxin_file_refused',
  // The 营商局's settings (platform-complaint-settings-api.ts).
  /** The calendar lists no such day: it is an ordinary day already. */
  'calendar_day_not_found',
  /** The rules were saved since the version the editor read (`details.version` is the current one). */
  'rules_changed',
]);
export type ConsoleErrorCode = z.infer<typeof ConsoleErrorCode>;

export const ConsoleErrorBody = errorEnvelope(ConsoleErrorCode);
export type ConsoleErrorBody = z.infer<typeof ConsoleErrorBody>;

/** The console's error envelope for each of the given statuses: the error replies of an operation. */
export function consoleErrors<const S extends readonly number[]>(
  ...statuses: S
): { readonly [K in S[number]]: typeof ConsoleErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ConsoleErrorBody])) as {
    readonly [K in S[number]]: typeof ConsoleErrorBody;
  };
}

// ---------------------------------------------------------------------------
// District staff and their sessions

/**
 * `district-admin`: halls, their credentials and the catalog; `district-operator`: cases and
 * notices; `viewer`: reads everything, changes nothing. Every role reads every section.
 */
export const DistrictRole = z.enum(['district-admin', 'district-operator', 'viewer']);
export type DistrictRole = z.infer<typeof DistrictRole>;

/**
 * Who may call a console operation: `public` (signing in), `signedIn` (any district role, or
 * the admin token), or the district roles named. The admin token of scripts and tests holds
 * every role. Least privilege: reads are for every role, each change for the role that owns it.
 */
export type ConsoleAccess = 'public' | 'signedIn' | { readonly roles: readonly DistrictRole[] };

/** Sign-in names: lower-case letters, digits, `.`, `-`, `_` (an e-mail's local part, a staff number). */
export const DistrictUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'letters, digits, . - _');

/** A password as typed; its strength is the account creator's concern, its length bounded so scrypt's input is. */
export const DistrictPassword = z.string().min(8).max(200);

/** Who is signed in, as the console shows it. */
export const DistrictStaff = z.object({
  username: z.string(),
  name: z.string(),
  role: DistrictRole,
  /**
   * The 营商诉求 person the account acts as (platform-complaints-api.ts), told by `me` so the
   * console offers a complaint's actions to whom may take them; null or absent for none.
   */
  personId: z.uuid().nullable().optional(),
});
export type DistrictStaff = z.infer<typeof DistrictStaff>;

export const SignInRequest = z.object({ username: DistrictUsername, password: DistrictPassword });
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SignInResponse = z.object({
  /** A bearer token for `Authorization: Bearer …`; only its hash is stored. */
  token: z.string(),
  staff: DistrictStaff,
  /** When the session ends if it is not used (it is extended by use, up to its absolute limit). */
  expiresAt: z.iso.datetime(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** `admin-token`: the operator token of scripts and tests, which holds every role. */
export const MeResponse = z.object({ staff: DistrictStaff, via: z.enum(['session', 'admin-token']) });
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * The demo's district admin (`npm start`), seeded only when the platform is started with
 * `--demo-admin`; never in production. Documented in platform/README.md like the hall's demo staff.
 */
export const DEMO_DISTRICT_ADMIN = { username: 'admin', password: 'district-demo', name: '演示管理员' } as const;

/** The district's clock: every time the console shows or reads is Beijing time (UTC+8, no DST). */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

// ---------------------------------------------------------------------------
// Cases across halls

const hallId = z.string().trim().min(1).max(64);
/** A hall-local (Asia/Shanghai) calendar day. */
const day = z.iso.date();

export const CASE_PAGE_MAX = 100;

/**
 * A search over every hall's cases, newest first. Filters combine (AND); `caseNumber` matches
 * a prefix (`HK20261127` finds that day's cases). `after` is the last case number of the page
 * before (keyset paging: every page costs the same, however deep).
 */
export const CaseSearchQuery = z
  .object({
    caseNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,32}$/, 'letters and digits')
      .optional(),
    itemCode: z.string().trim().min(1).max(64).optional(),
    hallId: hallId.optional(),
    status: CaseStatus.optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(CASE_PAGE_MAX).default(20),
    after: CaseNumber.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'to must not be before from',
  });
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;
export type CaseSearchQueryInput = z.input<typeof CaseSearchQuery>;

/** A case as the search lists it: no applicant. */
export const CaseSummary = z.object({
  caseNumber: CaseNumber,
  hallId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  status: CaseStatus,
  receivedAt: z.iso.datetime(),
  expectedCompletion: z.iso.date().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseSearchResponse = z.object({
  cases: z.array(CaseSummary),
  /** `after` for the next page, or null after the last one. */
  next: CaseNumber.nullable(),
});
export type CaseSearchResponse = z.infer<typeof CaseSearchResponse>;

/**
 * One case for the operator: its history and what it may become next. The applicant is shown
 * masked (张*): enough to tell two cases apart on the phone with a hall, never the ID number.
 */
export const CaseDetail = CaseSummary.extend({
  terminalId: z.string(),
  applicantMasked: z.string(),
  statusHistory: z.array(StatusHistoryEntry),
  /** The statuses the lifecycle allows from here (empty once completed or rejected, and for a complaint's case). */
  nextStatuses: z.array(CaseStatus),
  /**
   * A 营商诉求's case: its status follows the complaint's public steps (营商诉求 in the console)
   * and is never set here (409 `complaint_case`).
   */
  complaint: z.boolean(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const ConsoleCaseParams = z.object({ caseNumber: CaseNumber });

export const ConsoleSetStatusRequest = z.object({
  status: CaseStatus,
  note: z.string().trim().min(1).max(1000).optional(),
});
export type ConsoleSetStatusRequest = z.infer<typeof ConsoleSetStatusRequest>;

// ---------------------------------------------------------------------------
// Notices to all halls or some

const isoDateTime = z.iso.datetime({ offset: true });

export const ConsoleNotice = z.object({
  id: z.string(),
  /** The halls it is shown in; null: every hall. */
  hallIds: z.array(z.string()).nullable(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().optional(),
  /** Withdrawn notices leave every hall at its next sync; they stay listed here. */
  withdrawnAt: z.iso.datetime().optional(),
  /** Who published it (a username, or `admin-token`). */
  publishedBy: z.string().optional(),
});
export type ConsoleNotice = z.infer<typeof ConsoleNotice>;

export const NOTICE_HALLS_MAX = 200;

export const CreateConsoleNoticeRequest = z
  .object({
    /** Absent: every hall; else these halls (at least one). */
    hallIds: z.array(hallId).min(1).max(NOTICE_HALLS_MAX).optional(),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(10_000),
    startsAt: isoDateTime,
    endsAt: isoDateTime.optional(),
  })
  .refine((value) => value.endsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt), {
    path: ['endsAt'],
    message: 'endsAt must be after startsAt',
  });
export type CreateConsoleNoticeRequest = z.infer<typeof CreateConsoleNoticeRequest>;

export const NOTICE_PAGE_MAX = 100;

/** Newest publication first; `after` is the last id of the page before. */
export const ConsoleNoticesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(NOTICE_PAGE_MAX).default(20),
  after: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
});
export type ConsoleNoticesQueryInput = z.input<typeof ConsoleNoticesQuery>;

export const ConsoleNoticesResponse = z.object({ notices: z.array(ConsoleNotice), next: z.string().nullable() });
export type ConsoleNoticesResponse = z.infer<typeof ConsoleNoticesResponse>;

export const NoticeParams = z.object({ noticeId: z.string().regex(/^\d{1,15}$/) });

// ---------------------------------------------------------------------------
// The catalog editor

/** The catalog as the editor reads it: the items served to the halls, and those retired. */
export const ConsoleCatalog = z.object({
  version: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
  etag: z.string(),
  items: z.array(CatalogItem),
  retired: z.array(z.object({ item: CatalogItem, retiredAt: z.iso.datetime() })),
});
export type ConsoleCatalog = z.infer<typeof ConsoleCatalog>;

/**
 * Every change names the version the editor read: a change made meanwhile (another operator, a
 * script's replacement) answers 409 `catalog_changed` instead of being overwritten.
 */
export const CatalogItemChange = z.object({ expectedVersion: z.number().int().min(1), item: CatalogItem });
export type CatalogItemChange = z.infer<typeof CatalogItemChange>;

export const RetireCatalogItemRequest = z.object({ expectedVersion: z.number().int().min(1) });

export const CatalogItemParams = z.object({ code: z.string().trim().min(1).max(64) });
