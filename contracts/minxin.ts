import { z } from 'zod';
import { ComplaintNumber, NewComplaint, UnitCode } from './complaints';

/**
 * The exchange with the provincial 民心网 (docs/minxin-format.md): batches of complaints come in
 * as a file (JSON, or the CSV / Excel sheet an operator downloads from 民心网's back office), and
 * the approved replies go back as a file in 民心网's layout. `externalRef` (民心网's own number,
 * 民心网编号) is the idempotency key both ways: a complaint already imported under it is not
 * registered again, and a reply record is named by it, its kind and its instant. Parsing and
 * export: platform/services/minxin-import.ts and minxin-export.ts.
 */

/** The JSON batch's `format` marker and version: a file of another kind or a later version is refused whole. */
export const MINXIN_BATCH_FORMAT = 'minxin-complaints';
export const MINXIN_REPLIES_FORMAT = 'minxin-replies';
export const MINXIN_FORMAT_VERSION = 1;

/** A batch larger than this is refused whole: 民心网 hands a district a day's complaints, a few dozen. */
export const MINXIN_MAX_ROWS = 5000;
/** And a file larger than this (bytes), before it is read. */
export const MINXIN_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The fields of one complaint row, by their JSON keys. */
export const MinxinFieldKey = z.enum([
  'ref',
  'submittedAt',
  'enterpriseName',
  'creditCode',
  'contactName',
  'contactPhone',
  'category',
  'area',
  'content',
]);
export type MinxinFieldKey = z.infer<typeof MinxinFieldKey>;

/**
 * The fields of one complaint row: the JSON item's key, the CSV / Excel column header, whether
 * it is required. One table for the three layouts, so they cannot drift. Columns not listed are
 * ignored (民心网's download carries more than the platform needs); a listed column missing from
 * the header row refuses the file when the field is required.
 */
export const MINXIN_FIELDS: readonly { key: MinxinFieldKey; header: string; required: boolean }[] = [
  { key: 'ref', header: '民心网编号', required: true },
  { key: 'submittedAt', header: '提交时间', required: false },
  { key: 'enterpriseName', header: '企业名称', required: true },
  { key: 'creditCode', header: '统一社会信用代码', required: false },
  { key: 'contactName', header: '联系人', required: true },
  { key: 'contactPhone', header: '联系电话', required: true },
  { key: 'category', header: '诉求类别', required: false },
  { key: 'area', header: '所属区域', required: false },
  { key: 'content', header: '诉求内容', required: true },
];

/** The layouts a batch may come in. */
export const MinxinFileKind = z.enum(['json', 'csv', 'xlsx']);
export type MinxinFileKind = z.infer<typeof MinxinFileKind>;

/**
 * Why a whole file was refused (nothing of it imported): unreadable bytes, JSON that does not
 * parse, another format or version, required columns missing, no row, too many rows or bytes.
 */
export const MinxinFileError = z.object({
  code: z.enum(['unreadable', 'invalid_json', 'wrong_format', 'missing_columns', 'empty', 'too_many_rows', 'too_large']),
  message: z.string(),
  /** The line (CSV, JSON) or sheet row (Excel) the problem is on, when it is on one. */
  line: z.number().int().positive().nullable(),
  /** For `missing_columns`: the headers (CSV, Excel) or keys (JSON) to add. */
  missing: z.array(z.string()),
});
export type MinxinFileError = z.infer<typeof MinxinFileError>;

/**
 * Why one field of a row was refused: `missing` (a required field empty), `not_text` (JSON: a
 * number or object where text belongs), `too_long`, `invalid` (a credit code whose check
 * character is wrong, a phone number that is none, a time that is no time), `duplicate_in_batch`
 * (民心网编号 already on an earlier row of the same file: the earlier row is imported, this one
 * refused, and `otherLine` names it).
 */
export const MinxinFieldError = z.object({
  field: MinxinFieldKey,
  code: z.enum(['missing', 'not_text', 'too_long', 'invalid', 'duplicate_in_batch']),
  message: z.string(),
  otherLine: z.number().int().positive().nullable(),
});
export type MinxinFieldError = z.infer<typeof MinxinFieldError>;

/** Where a row is: `line` in the file (CSV and JSON: its first line; Excel: its sheet row) and its place among the rows (1-based). */
const RowPlace = { line: z.number().int().positive(), row: z.number().int().positive() };

/**
 * A row that was accepted: the `NewComplaint` to register (channel `minxin`, `externalRef` its
 * 民心网编号), when 民心网 received it (null when the file does not say) and what the operator
 * should know (an unknown category imported as 其他, an unknown area left empty).
 */
export const MinxinAcceptedRow = z.object({
  ...RowPlace,
  complaint: NewComplaint,
  submittedAt: z.iso.datetime().nullable(),
  warnings: z.array(z.object({ field: MinxinFieldKey, message: z.string() })),
});
export type MinxinAcceptedRow = z.infer<typeof MinxinAcceptedRow>;

/** A refused row: everything wrong with it at once, so one correction fixes it. */
export const MinxinRefusedRow = z.object({
  ...RowPlace,
  /** The row's 民心网编号 when it has one, so the operator finds it in 民心网. */
  externalRef: z.string().nullable(),
  errors: z.array(MinxinFieldError).min(1),
});
export type MinxinRefusedRow = z.infer<typeof MinxinRefusedRow>;

/** A batch read: the good rows and the bad, each where it is in the file. A bad row never loses the good ones. */
export const MinxinBatch = z.object({
  kind: MinxinFileKind,
  /** The JSON batch's own id when it has one (民心网's 批次号); null for CSV and Excel. */
  batchId: z.string().nullable(),
  accepted: z.array(MinxinAcceptedRow),
  refused: z.array(MinxinRefusedRow),
});
export type MinxinBatch = z.infer<typeof MinxinBatch>;

export type MinxinParseResult = { ok: true; batch: MinxinBatch } | { ok: false; error: MinxinFileError };

/** The JSON batch's envelope; its items are checked row by row, so one bad item refuses only itself. */
export const MinxinBatchEnvelope = z.object({
  format: z.literal(MINXIN_BATCH_FORMAT),
  version: z.literal(MINXIN_FORMAT_VERSION),
  batchId: z.string().trim().min(1).max(64).nullable().optional(),
  exportedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  complaints: z.array(z.unknown()),
});

// ---------------------------------------------------------------------------
// Replies back to 民心网

/**
 * What a reply record tells 民心网: `reply` (答复: the approved reply, its text), `closure` (办结),
 * `not_admitted` (不予受理, with the reason the enterprise is told), `merged` (合并办理: handled
 * under another number; the reply and closure of that number follow under this 民心网编号 too).
 */
export const MinxinReplyKind = z.enum(['reply', 'closure', 'not_admitted', 'merged']);
export type MinxinReplyKind = z.infer<typeof MinxinReplyKind>;

/** The kinds' Chinese names, as the CSV and Excel layouts write them. */
export const MINXIN_REPLY_KIND_LABELS: Readonly<Record<MinxinReplyKind, string>> = {
  reply: '答复',
  closure: '办结',
  not_admitted: '不予受理',
  merged: '合并办理',
};

export const MinxinReply = z.object({
  /** `${externalRef}:${kind}:${at}`: 民心网 (and the platform's record of what it sent) keeps each once. */
  key: z.string(),
  externalRef: z.string(),
  /** The platform's number (办件编号) it was handled under: its own, or for a merged one the number it joined. */
  complaintNumber: ComplaintNumber,
  kind: MinxinReplyKind,
  at: z.iso.datetime(),
  /** The lead unit that answered; null for a refusal to admit or a merge (the 营商局 decided). */
  unitCode: UnitCode.nullable(),
  unitName: z.string().nullable(),
  /** The reply (答复), the reason (不予受理), the number joined (合并办理); null for a closure. */
  text: z.string().nullable(),
});
export type MinxinReply = z.infer<typeof MinxinReply>;

/** The reply file's columns (CSV, Excel), in order; the JSON file uses the keys of `MinxinReply`. */
export const MINXIN_REPLY_HEADERS = [
  '回复标识',
  '民心网编号',
  '办件编号',
  '回复类型',
  '回复时间',
  '承办单位',
  '回复内容',
] as const;
