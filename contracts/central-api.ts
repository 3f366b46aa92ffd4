/**
 * Central API contract (DESIGN.md §3): the province's system our hall host syncs cases to.
 * The reference implementation lives in tools/central-api/; the hall host's sync client
 * validates the same shapes. Scope of this version: "cases in, status out".
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
  'idempotency_conflict',
  'invalid_transition',
  'injected_failure',
  'payload_too_large',
  'unsupported_media_type',
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
  seed: z.number().int().optional(),
});
export type FaultConfig = z.infer<typeof FaultConfig>;

export const FaultState = z.object({
  latencyMs: z.number().int(),
  failRate: rate,
  dropResponseAfterCommitRate: rate,
  seed: z.number().int().optional(),
});
export type FaultState = z.infer<typeof FaultState>;

export const HealthResponse = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof HealthResponse>;
