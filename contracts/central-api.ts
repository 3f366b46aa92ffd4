/**
 * Central API contract: the province's system our hall host syncs cases to.
 * Implemented by the district platform (platform/, on PostgreSQL); the hall host's sync client
 * validates the same shapes: cases and their status, the service catalog, evaluations (好差评),
 * end-of-day queue figures, live queue snapshots (就近办), appointments and notices.
 */
import { z } from 'zod';
import { errorEnvelope } from './errors';

// ---------------------------------------------------------------------------
// Errors

/** Stable machine-readable codes; clients branch on these, never on messages. */
export const CentralErrorCode = z.enum([
  'invalid_request',
  'unauthorized',
  'not_found',
  'case_not_found',
  'evaluation_not_found',
  'idempotency_conflict',
  'invalid_transition',
  // A 营商诉求's case moves only through the complaint's actions (POST /v1/complaints/:number/actions),
  // whose steps set its status: an operator's status change would bypass the lifecycle (409).
  'complaint_case',
  // The district's halls (contracts/platform-halls.ts): a request naming a hall other than its
  // credential's (403), a hall or credential that is not registered (404), one already
  // registered (409), a credential that can no longer be rotated (409).
  'hall_mismatch',
  'hall_not_found',
  'hall_exists',
  'credential_not_found',
  'credential_inactive',
  'injected_failure',
  'payload_too_large',
  'unsupported_media_type',
  // A case's material pages, sent in chunks (contracts/central-pages.ts): a chunk whose page
  // facts (size, checksum, material, place) differ from the page's first chunk's, or whose index
  // or bytes differ from a chunk held (409); a chunk after a missing one (409); a chunk of the
  // wrong length (400); a page whose assembled bytes do not hash to its checksum (422, its
  // chunks dropped); a page the case does not have (404).
  'page_mismatch',
  'chunk_out_of_order',
  'chunk_size_wrong',
  'checksum_mismatch',
  'page_not_found',
  'internal_error',
]);
export type CentralErrorCode = z.infer<typeof CentralErrorCode>;

export const CentralErrorBody = errorEnvelope(CentralErrorCode);
export type CentralErrorBody = z.infer<typeof CentralErrorBody>;

// ---------------------------------------------------------------------------
// Cases

/** 受理 = accepted, 办理 = in_progress, 办结 = completed. */
export const CaseStatus = z.enum(['submitted', 'accepted', 'in_progress', 'completed', 'rejected', 'needs_materials']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Case numbers: prefix, the Asia/Shanghai date of receipt, a per-day sequence of at least
 * six digits (e.g. HK20261127000123). The sequence only widens past 999999 cases a day.
 */
export const CaseNumber = z.string().regex(/^[A-Z]{2}\d{8}\d{6,}$/, 'expected a case number like HK20261127000123');
export type CaseNumber = z.infer<typeof CaseNumber>;

/**
 * A retry of the same submission carries the same key. "uuid-ish": letters, digits and
 * `-_.:` so that uuids, ulids and `terminal:counter` keys all fit.
 */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'expected a uuid-like key');

/** Header names arrive lower-cased; other headers (Authorization, ...) pass through untouched. */
export const CreateCaseHeaders = z.looseObject({ 'idempotency-key': IdempotencyKey });

const shortText = z.string().trim().min(1).max(64);

export const Applicant = z.object({
  name: z.string().trim().min(1).max(100),
  // A string: resident ID numbers end in X, and permits for foreigners have their own formats.
  idNumber: z.string().trim().min(1).max(32),
  phone: z.string().trim().min(1).max(32).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

export const CaseMaterial = z.object({
  code: shortText,
  name: z.string().trim().min(1).max(200),
  received: z.boolean(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

export const CreateCaseRequest = z.object({
  hallId: shortText,
  terminalId: shortText,
  itemCode: shortText,
  itemName: z.string().trim().min(1).max(200),
  applicant: Applicant,
  form: z.record(z.string().min(1).max(100), z.string().max(4000)),
  materials: z.array(CaseMaterial).max(200),
  submittedAt: z.iso.datetime({ offset: true }),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** 201 for a new case; 200 when the Idempotency-Key was seen before with the same body. */
export const CreateCaseResponse = z.object({
  caseNumber: CaseNumber,
  status: CaseStatus,
  receivedAt: z.iso.datetime(),
});
export type CreateCaseResponse = z.infer<typeof CreateCaseResponse>;

/** At most this many cases in one `POST /v1/cases/batch`. */
export const CASE_BATCH_MAX = 100;

/** One case of a batch, under the Idempotency-Key it would carry alone. */
export const CaseBatchItem = z.object({ idempotencyKey: IdempotencyKey, case: CreateCaseRequest });
export type CaseBatchItem = z.infer<typeof CaseBatchItem>;

/**
 * `POST /v1/cases/batch`: the cases a hall has waiting, delivered at once (a host back online
 * after an outage has hundreds). Each is exactly what `POST /v1/cases` would take under its key:
 * a key already seen is replayed (its case as it stands now), the same key with another body is
 * that item's conflict, and the other items are unaffected. Every case names the batch's hall.
 */
export const CreateCaseBatchRequest = z
  .object({ hallId: shortText, cases: z.array(CaseBatchItem).min(1).max(CASE_BATCH_MAX) })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.cases.forEach((item, index) => {
      if (item.case.hallId !== batch.hallId) {
        ctx.addIssue({ code: 'custom', path: ['cases', index, 'case', 'hallId'], message: "not the batch's hall" });
      }
      if (seen.has(item.idempotencyKey)) {
        ctx.addIssue({ code: 'custom', path: ['cases', index, 'idempotencyKey'], message: 'a key twice in one batch' });
      }
      seen.add(item.idempotencyKey);
    });
  });
export type CreateCaseBatchRequest = z.infer<typeof CreateCaseBatchRequest>;

/** What became of one case of a batch, in the batch's order. */
export const CaseBatchResult = z.discriminatedUnion('outcome', [
  z.object({ idempotencyKey: z.string(), outcome: z.literal('created'), case: CreateCaseResponse }),
  z.object({ idempotencyKey: z.string(), outcome: z.literal('replayed'), case: CreateCaseResponse }),
  /** The key was used before with another body: nothing written for this item (409 alone). */
  z.object({ idempotencyKey: z.string(), outcome: z.literal('conflict') }),
]);
export type CaseBatchResult = z.infer<typeof CaseBatchResult>;

export const CreateCaseBatchResponse = z.object({ results: z.array(CaseBatchResult) });
export type CreateCaseBatchResponse = z.infer<typeof CreateCaseBatchResponse>;

export const CaseParams = z.object({ caseNumber: z.string().min(1).max(64) });

export const StatusHistoryEntry = z.object({
  status: CaseStatus,
  at: z.iso.datetime(),
  note: z.string().optional(),
});
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntry>;

/** What a citizen may see about a case: no personal data. */
export const CaseStatusRecord = z.object({
  caseNumber: CaseNumber,
  itemCode: z.string(),
  itemName: z.string(),
  status: CaseStatus,
  statusHistory: z.array(StatusHistoryEntry),
  expectedCompletion: z.iso.date().optional(),
});
export type CaseStatusRecord = z.infer<typeof CaseStatusRecord>;

// ---------------------------------------------------------------------------
// Changes feed (the hall host pulls status with it)

/** Cursors are decimal integers as strings: opaque to clients, ordered on the server. */
export const ChangeCursor = z.string().regex(/^\d{1,15}$/, 'expected a cursor (decimal integer)');

export const ChangesQuery = z.object({
  since: ChangeCursor.default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const CaseChange = z.object({
  cursor: ChangeCursor,
  caseNumber: CaseNumber,
  status: CaseStatus,
  at: z.iso.datetime(),
  note: z.string().optional(),
});
export type CaseChange = z.infer<typeof CaseChange>;

/** nextCursor is the last change returned, or `since` unchanged when there is nothing new. */
export const ChangesResponse = z.object({
  changes: z.array(CaseChange),
  nextCursor: ChangeCursor,
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

// ---------------------------------------------------------------------------
// Operator (admin) endpoints

export const SetCaseStatusRequest = z.object({
  status: CaseStatus,
  note: z.string().trim().min(1).max(1000).optional(),
});
export type SetCaseStatusRequest = z.infer<typeof SetCaseStatusRequest>;

const rate = z.number().min(0).max(1);

/**
 * Fault injection for tests and demos. A POST changes only the fields it names; a seed
 * makes the random draws repeatable (and restarts the sequence).
 */
export const FaultConfig = z.object({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Fraction of terminal requests answered 503 `injected_failure` before anything happens. */
  failRate: rate.optional(),
  /** Fraction of case submissions committed and then left unanswered (socket destroyed). */
  dropResponseAfterCommitRate: rate.optional(),
  /** Fraction of terminal requests held unanswered (socket open) until the client gives up. */
  timeoutRate: rate.optional(),
  /** Fraction of terminal requests whose socket is destroyed before anything is committed. */
  resetRate: rate.optional(),
  /** Delay after the handler (so after any commit) and before the answer is sent. */
  slowMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * Fraction of idempotent writes (cases, evaluations, queue stats) delivered twice, as a
   * retrying proxy would: the first commits, the second is a replay, and the client gets the
   * replay's answer (200 with the original result).
   */
  duplicateResponseRate: rate.optional(),
  seed: z.number().int().optional(),
});
export type FaultConfig = z.infer<typeof FaultConfig>;

export const FaultState = z.object({
  latencyMs: z.number().int(),
  failRate: rate,
  dropResponseAfterCommitRate: rate,
  // Reported once set, so a client that never uses the newer faults sees the original shape.
  timeoutRate: rate.optional(),
  resetRate: rate.optional(),
  slowMs: z.number().int().optional(),
  duplicateResponseRate: rate.optional(),
  seed: z.number().int().optional(),
});
export type FaultState = z.infer<typeof FaultState>;

export const HealthResponse = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Any idempotent write: the same header as case submission. */
export const IdempotentHeaders = CreateCaseHeaders;

const isoDateTime = z.iso.datetime({ offset: true });
const hallId = shortText;

// ---------------------------------------------------------------------------
// Service catalog (事项)

export const CatalogCategory = z.enum(['startup-bundle', 'livelihood', 'complaint', 'other']);
export type CatalogCategory = z.infer<typeof CatalogCategory>;

export const FormFieldType = z.enum(['text', 'phone', 'date', 'select']);
export type FormFieldType = z.infer<typeof FormFieldType>;

/**
 * What a `text` field holds when it is more than words: `credit-code`, a unified social credit
 * code (统一社会信用代码, held to its check character: credit-code.ts). A field property rather than
 * a type of its own: a host that does not know it drops it (unknown keys are stripped) and keeps
 * the field as plain text, where a new type would make it refuse the whole catalog.
 */
export const TextFieldFormat = z.enum(['credit-code']);
export type TextFieldFormat = z.infer<typeof TextFieldFormat>;

/** What the kiosk can fill from the ID card it has just read (零填表). */
export const PrefillSource = z.enum(['name', 'idNumber', 'address', 'birthDate', 'gender']);
export type PrefillSource = z.infer<typeof PrefillSource>;

/**
 * English beside a Chinese text, for a kiosk switched to English. Optional everywhere: a central
 * API that has none sends none, and the kiosk then shows the Chinese.
 */
const englishText = (max: number) => z.string().trim().min(1).max(max).optional();

export const CatalogFormField = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'expected an identifier-like key'),
  label: z.string().trim().min(1).max(100),
  labelEn: englishText(100),
  type: FormFieldType,
  required: z.boolean(),
  prefill: PrefillSource.optional(),
  /** Of a `text` field: the format its value is checked against, on the kiosk and the host. */
  format: TextFieldFormat.optional(),
  /** Choices of a `select` field: the values submitted (and checked by the host). */
  options: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  /** English labels of `options`, index by index; a missing one shows the Chinese option. */
  optionsEn: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});
export type CatalogFormField = z.infer<typeof CatalogFormField>;

export const CatalogMaterialSpec = z.object({
  code: shortText,
  name: z.string().trim().min(1).max(200),
  nameEn: englishText(200),
  required: z.boolean(),
});
export type CatalogMaterialSpec = z.infer<typeof CatalogMaterialSpec>;

/** One part of a bundle handled under the bundle's single submission and case number. */
export const CatalogBundlePart = z.object({ code: shortText, name: z.string().trim().min(1).max(200), nameEn: englishText(200) });
export type CatalogBundlePart = z.infer<typeof CatalogBundlePart>;

/**
 * Where an item is handled, under the district's one catalog (统一事项标准) for its two levels of
 * halls (contracts/catalog-scope.ts decides what each level offers):
 * - `district-centre` (区政务服务中心): enterprise matters (涉企事项), at the district centre only;
 * - `community-centre` (社区政务服务中心): at the community centre of the applicant's residence;
 * - `anywhere` (全域通办): at any community centre of the district, whatever the applicant's residence.
 * Optional on the item: a catalog without it (today's central API, an older host's cache) stays
 * valid, and an item without it is offered by every hall, as before.
 */
export const HandledAt = z.enum(['district-centre', 'community-centre', 'anywhere']);
export type HandledAt = z.infer<typeof HandledAt>;

/** The two levels of the district's halls: 区政务服务中心 and 社区政务服务中心. */
export const HallLevel = z.enum(['district-centre', 'community-centre']);
export type HallLevel = z.infer<typeof HallLevel>;

/**
 * The theme (主题) a kiosk shelves an item under, so that 40-odd livelihood items reach a citizen as
 * nine short lists: 社会保险, 医疗保障, 社会救助, 养老服务, 残疾人服务, 生育与家庭, 户籍与居住, 就业创业,
 * 退役军人 — in this order, which is the order kiosks show them in. Optional: an item without one
 * is shelved under "other". A new theme is a contract change: hosts learn it before catalogs use it.
 */
export const CatalogTheme = z.enum([
  'social-insurance',
  'medical-insurance',
  'social-assistance',
  'elderly-care',
  'disability',
  'family',
  'residence',
  'employment',
  'veterans',
]);
export type CatalogTheme = z.infer<typeof CatalogTheme>;

export const CatalogItem = z.object({
  code: shortText,
  name: z.string().trim().min(1).max(200),
  nameEn: englishText(200),
  category: CatalogCategory,
  handledAt: HandledAt.optional(),
  theme: CatalogTheme.optional(),
  description: z.string().trim().max(2000).optional(),
  descriptionEn: z.string().trim().max(2000).optional(),
  formFields: z.array(CatalogFormField).max(100),
  materials: z.array(CatalogMaterialSpec).max(100),
  /** Working days from acceptance (受理) to completion (办结) that the hall promises. */
  promisedWorkingDays: z.number().int().min(0).max(365),
  /** For a `startup-bundle`: the services one submission covers. */
  bundle: z.array(CatalogBundlePart).max(20).optional(),
  /** For a `complaint`: the stages a case goes through, in order (受理 → 办理 → 办结). */
  stages: z.array(CaseStatus).max(10).optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/** The whole catalog. `version` increases on every replacement; the ETag follows it. */
export const CatalogResponse = z.object({
  version: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
  items: z.array(CatalogItem),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

/** A 304 answer: the schema of "no body" (nothing is sent on the wire). */
export const NotModified = z.null().describe('Not modified: the ETag still matches; no body');

export const CatalogHeaders = z.looseObject({ 'if-none-match': z.string().optional() });

export const ReplaceCatalogRequest = z.object({ items: z.array(CatalogItem).min(1).max(1000) }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.items.forEach((item, index) => {
    if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: 'duplicate item code' });
    seen.add(item.code);
  });
});
export type ReplaceCatalogRequest = z.infer<typeof ReplaceCatalogRequest>;

// ---------------------------------------------------------------------------
// Evaluations (好差评, 国办发〔2019〕51号)

/** 非常满意, 满意, 基本满意, 不满意, 非常不满意. */
export const EvaluationLevel = z.enum(['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied']);
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;

/** Below `basic`: a reason is required and the hall must call the citizen back (差评回访). */
export function isBadEvaluation(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very_dissatisfied';
}

/** What was evaluated: a served ticket at a window, or a case. */
export const EvaluationSubject = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    ticketNumber: shortText,
    windowId: shortText,
    staffNumber: shortText,
  }),
  z.object({ kind: z.literal('case'), caseNumber: CaseNumber }),
]);
export type EvaluationSubject = z.infer<typeof EvaluationSubject>;

export const CreateEvaluationRequest = z
  .object({
    hallId,
    terminalId: shortText,
    subject: EvaluationSubject,
    level: EvaluationLevel,
    reason: z.string().trim().min(1).max(1000).optional(),
    comment: z.string().trim().min(1).max(2000).optional(),
    evaluatedAt: isoDateTime,
  })
  .superRefine((value, ctx) => {
    if (isBadEvaluation(value.level) && value.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rating below basic needs a reason' });
    }
  });
export type CreateEvaluationRequest = z.infer<typeof CreateEvaluationRequest>;

export const EvaluationRecord = z.object({
  evaluationId: z.string(),
  hallId: z.string(),
  terminalId: z.string(),
  subject: EvaluationSubject,
  level: EvaluationLevel,
  reason: z.string().optional(),
  comment: z.string().optional(),
  callbackRequired: z.boolean(),
  evaluatedAt: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime(),
});
export type EvaluationRecord = z.infer<typeof EvaluationRecord>;

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const EvaluationsQuery = z.object({
  flagged: booleanFlag.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EvaluationsQuery = z.infer<typeof EvaluationsQuery>;

/** Newest first. */
export const EvaluationsResponse = z.object({ evaluations: z.array(EvaluationRecord) });
export type EvaluationsResponse = z.infer<typeof EvaluationsResponse>;

// ---------------------------------------------------------------------------
// 差评整改回访: the hall's follow-up of a 差评, reported when an appeal is decided and when closed

/** The citizen's rating of the rectification at the callback (回访): 满意 / 基本满意 / 不满意. */
export const RectificationRating = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);
export type RectificationRating = z.infer<typeof RectificationRating>;

/** 复核 of an appeal (申诉): the 差评 stands, or was mistaken and is struck from every rate. */
export const ReviewAppealDecision = z.enum(['upheld', 'overturned']);
export type ReviewAppealDecision = z.infer<typeof ReviewAppealDecision>;

const followupText = z.string().trim().min(1).max(1000);

/**
 * A follow-up as it stands at `stage`: `appeal_decided` (the review of an appeal; after
 * `overturned` nothing follows) or `closed` (rectified, called back, done). `evaluationKey` is the
 * hall's id of the evaluation, the Idempotency-Key it was delivered under (POST /v1/evaluations):
 * the hall sends the outcome after the evaluation, in order. Dates are the hall's local dates; on
 * time = the rectification's local date <= `dueDate`. Staff numbers only, no personal data.
 */
export const ReviewOutcomeRequest = z
  .object({
    hallId,
    evaluationKey: IdempotencyKey,
    stage: z.enum(['appeal_decided', 'closed']),
    ratedDate: z.iso.date(),
    dueDate: z.iso.date(),
    handlerStaffNumber: shortText.optional(),
    verification: z.object({ text: followupText, at: isoDateTime }).optional(),
    rectification: z.object({ text: followupText, at: isoDateTime, onTime: z.boolean() }).optional(),
    callback: z.object({ result: followupText, rating: RectificationRating, at: isoDateTime }).optional(),
    appeal: z
      .object({
        reason: followupText,
        at: isoDateTime,
        decision: ReviewAppealDecision.optional(),
        decidedAt: isoDateTime.optional(),
      })
      .optional(),
    closedAt: isoDateTime.optional(),
    reportedAt: isoDateTime,
  })
  .superRefine((value, ctx) => {
    if (value.stage === 'appeal_decided' && value.appeal?.decision === undefined) {
      ctx.addIssue({ code: 'custom', path: ['appeal', 'decision'], message: 'an appeal_decided outcome carries the decision' });
    }
    if (value.stage === 'closed' && (value.closedAt === undefined || value.callback === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'a closed outcome carries closedAt and the callback' });
    }
  });
export type ReviewOutcomeRequest = z.infer<typeof ReviewOutcomeRequest>;

export const ReviewOutcomeRecord = z.object({
  outcomeId: z.string(),
  /** The central id of the evaluation the outcome is about. */
  evaluationId: z.string(),
  hallId: z.string(),
  stage: z.enum(['appeal_decided', 'closed']),
  receivedAt: z.iso.datetime(),
});
export type ReviewOutcomeRecord = z.infer<typeof ReviewOutcomeRecord>;

export const ReviewOutcomesQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
export type ReviewOutcomesQuery = z.infer<typeof ReviewOutcomesQuery>;

/** Newest first, each with the body the hall sent. */
export const ReviewOutcomesResponse = z.object({
  outcomes: z.array(ReviewOutcomeRecord.extend({ outcome: ReviewOutcomeRequest })),
});
export type ReviewOutcomesResponse = z.infer<typeof ReviewOutcomesResponse>;

// ---------------------------------------------------------------------------
// End-of-day queue figures

/** Free-form figure names (ticketsIssued, served, avgWaitSeconds, ...) with non-negative integer values. */
export const QueueFigures = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'expected a figure name'), z.number().int().min(0))
  .refine((figures) => Object.keys(figures).length <= 200, 'at most 200 figures');
export type QueueFigures = z.infer<typeof QueueFigures>;

export const QueueStatsRequest = z.object({
  hallId,
  businessDay: z.iso.date(),
  figures: QueueFigures,
});
export type QueueStatsRequest = z.infer<typeof QueueStatsRequest>;

/** The stored figures for (hall, day); `revision` counts the uploads that replaced them. */
export const QueueStatsResponse = z.object({
  hallId: z.string(),
  businessDay: z.iso.date(),
  figures: z.record(z.string(), z.number().int().min(0)),
  revision: z.number().int().min(1),
  receivedAt: z.iso.datetime(),
});
export type QueueStatsResponse = z.infer<typeof QueueStatsResponse>;

// ---------------------------------------------------------------------------
// Appointments

/**
 * The district platform answers for the hall of the request's credential: `hall` must name that
 * hall (hosts send their own), and one naming another hall is refused (403 `hall_mismatch`).
 */
export const AppointmentsQuery = z.object({ hall: hallId, date: z.iso.date() });
export type AppointmentsQuery = z.infer<typeof AppointmentsQuery>;

/**
 * An appointment as terminals see it. The raw ID number never leaves the server, nor any part
 * of it: `idNumberTag` is hex HMAC-SHA-256 of the ID number (trimmed, upper-cased) under the
 * hall's matching key, which the central API and the hall share (`centralApi.matchingKey`). The
 * kiosk computes the same from the card it reads; without the key, hashing every candidate
 * number finds nothing. No masked number is sent beside it.
 */
export const Appointment = z.object({
  id: z.string(),
  hallId: z.string(),
  serviceCode: z.string(),
  slotStart: z.iso.datetime({ offset: true }),
  slotEnd: z.iso.datetime({ offset: true }),
  applicantName: z.string(),
  idNumberTag: z.string().regex(/^[0-9a-f]{64}$/),
  /** The check-in code printed as a QR code on the booking confirmation. */
  code: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentsResponse = z.object({ appointments: z.array(Appointment) });
export type AppointmentsResponse = z.infer<typeof AppointmentsResponse>;

export const CreateAppointmentRequest = z
  .object({
    hallId,
    serviceCode: shortText,
    slotStart: isoDateTime,
    slotEnd: isoDateTime,
    applicant: z.object({ name: Applicant.shape.name, idNumber: Applicant.shape.idNumber }),
  })
  .refine((value) => Date.parse(value.slotEnd) > Date.parse(value.slotStart), {
    path: ['slotEnd'],
    message: 'slotEnd must be after slotStart',
  });
export type CreateAppointmentRequest = z.infer<typeof CreateAppointmentRequest>;

// ---------------------------------------------------------------------------
// Notices (通知公告)

/** `hall` as for appointments: the credential's own hall, or a 403 `hall_mismatch`. */
export const NoticesQuery = z.object({ hall: hallId, all: booleanFlag.optional() });
export type NoticesQuery = z.infer<typeof NoticesQuery>;

export const Notice = z.object({
  id: z.string(),
  /** Absent: shown in every hall. */
  hallId: z.string().optional(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  /** Absent: shown until withdrawn. */
  endsAt: z.iso.datetime().optional(),
});
export type Notice = z.infer<typeof Notice>;

/** Newest publication first. */
export const NoticesResponse = z.object({ notices: z.array(Notice) });
export type NoticesResponse = z.infer<typeof NoticesResponse>;

export const CreateNoticeRequest = z
  .object({
    hallId: hallId.optional(),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(10_000),
    startsAt: isoDateTime,
    endsAt: isoDateTime.optional(),
  })
  .refine((value) => value.endsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt), {
    path: ['endsAt'],
    message: 'endsAt must be after startsAt',
  });
export type CreateNoticeRequest = z.infer<typeof CreateNoticeRequest>;

// ---------------------------------------------------------------------------
// The live district (就近办): each hall's queue as it is now, pushed about every minute

/**
 * A live snapshot is keyed by the hall's queue service codes. The district keeps one catalog
 * (统一事项标准), so a service code names the same service in every hall: "the same service" at
 * another hall is the same code there. A hall whose codes were its own would simply never appear
 * among another hall's nearby halls.
 */
const liveCount = z.number().int().min(0);

/** One queue service of a hall, now. */
export const LiveService = z.object({
  code: shortText,
  /** The hall's name for it (the district's one catalog makes it the same everywhere). */
  name: z.string().trim().min(1).max(200).optional(),
  /** Issuing numbers now: within its hours, not suspended, numbers left. */
  open: z.boolean(),
  /** Tickets waiting in its line. */
  waiting: liveCount,
  /** The longest wait now, of the tickets not called yet (null: none waiting). */
  longestWaitSeconds: liveCount.nullable(),
  /** Windows serving it with someone signed in and not paused. */
  openWindows: liveCount,
  /** What the hall's own kiosk tells the next citizen: the wait of a ticket taken now. */
  estimatedWaitMinutes: liveCount,
});
export type LiveService = z.infer<typeof LiveService>;

/** Today's figures so far (definitions as in contracts/stats.ts: wait = first call − issue). */
export const LiveToday = z.object({
  /** The hall-local business day they are of. */
  businessDay: z.iso.date(),
  issued: liveCount,
  served: liveCount,
  noShow: liveCount,
  cancelled: liveCount,
  waiting: liveCount,
  inService: liveCount,
  avgWaitSeconds: liveCount.nullable(),
  maxWaitSeconds: liveCount.nullable(),
  avgServiceSeconds: liveCount.nullable(),
  /** Percent of called tickets within the target wait, one decimal; null before the first call. */
  serviceLevelPct: z.number().min(0).max(100).nullable(),
});
export type LiveToday = z.infer<typeof LiveToday>;

/**
 * What a hall host sends with `PUT /v1/live` about once a minute. Not an outbox item: a lost
 * snapshot is replaced by the next one. The platform keeps the latest per hall: one taken at or
 * before the stored one's `takenAt` changes nothing (a late or repeated delivery), so the PUT is
 * idempotent by nature and needs no key. Nothing personal: counts, durations and service codes.
 */
export const LiveSnapshot = z.object({
  hallId,
  /** How the hall names itself (its settings' name), shown until the platform's hall registry names it. */
  hallName: z.string().trim().min(1).max(200).optional(),
  /** The host's clock when the snapshot was taken. */
  takenAt: isoDateTime,
  /** Any service issuing numbers now. */
  open: z.boolean(),
  /** Windows with someone signed in and not paused. */
  openWindows: liveCount,
  services: z
    .array(LiveService)
    .max(200)
    .refine((services) => new Set(services.map((s) => s.code)).size === services.length, 'duplicate service code'),
  today: LiveToday,
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

/** The answer to a PUT: whether this snapshot is now the stored one. */
export const LiveSnapshotAck = z.object({
  hallId: z.string(),
  /** False: the platform already holds a snapshot taken at or after this one's `takenAt`. */
  applied: z.boolean(),
  /** `takenAt` of the snapshot stored now (this one's when applied). */
  storedTakenAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
});
export type LiveSnapshotAck = z.infer<typeof LiveSnapshotAck>;

/** A hall the platform last heard from longer ago than this (received, platform clock) is `stale`. */
export const LIVE_STALE_AFTER_SECONDS = 180;

/**
 * `GET /v1/live/nearby`: the other halls' waiting for one service, for a kiosk (就近办). `hall` is
 * the asking hall (left out of the answer).
 */
export const NearbyQuery = z.object({
  hall: hallId,
  service: shortText,
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type NearbyQuery = z.infer<typeof NearbyQuery>;

/** How the platform names a hall: its registry's name, address and level when it has them. */
const liveHallProfile = {
  hallId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  level: HallLevel.nullable(),
};

/** Another hall offering the service, as of its latest snapshot. */
export const NearbyHall = z.object({
  ...liveHallProfile,
  /** It issues numbers for the service now (as of the snapshot). */
  open: z.boolean(),
  waiting: liveCount,
  estimatedWaitMinutes: liveCount,
  /** Seconds since the platform received the snapshot; `stale` past LIVE_STALE_AFTER_SECONDS. */
  ageSeconds: liveCount,
  stale: z.boolean(),
});
export type NearbyHall = z.infer<typeof NearbyHall>;

/** Best first: fresh before stale, open before closed, then the shortest estimated wait. */
export const NearbyResponse = z.object({ service: z.string(), halls: z.array(NearbyHall) });
export type NearbyResponse = z.infer<typeof NearbyResponse>;

/** One hall on the district console's live view (`GET /v1/console/live`). */
export const LiveHall = z.object({
  ...liveHallProfile,
  /** Its latest snapshot, as the hall sent it; null for a hall that has sent none. */
  snapshot: LiveSnapshot.nullable(),
  receivedAt: z.iso.datetime().nullable(),
  ageSeconds: liveCount.nullable(),
  stale: z.boolean(),
});
export type LiveHall = z.infer<typeof LiveHall>;

/** Every hall, by id; ages at `at` (the platform's clock). */
export const LiveHallsResponse = z.object({
  at: z.iso.datetime(),
  staleAfterSeconds: z.number().int().positive(),
  halls: z.array(LiveHall),
});
export type LiveHallsResponse = z.infer<typeof LiveHallsResponse>;
