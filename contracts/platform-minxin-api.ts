import { z } from 'zod';
import { DuplicateMatch } from './complaint-sorting';
import { ComplaintNumber } from './complaints';
import {
  MINXIN_MAX_FILE_BYTES,
  MinxinAcceptedRow,
  MinxinFileError,
  MinxinFileKind,
  MinxinRefusedRow,
  MinxinReply,
} from './minxin';
import { ConsoleErrorBody } from './platform-console';
import { definePlatformOperations } from './platform-operation';

/**
 * The console's side of the 民心网 exchange (docs/minxin-format.md): an operator of the 营商局
 * with the `intake` role uploads the batch file downloaded from 民心网's back office, and later
 * exports the replies to upload there. The platform registers the batch's rows as the platform
 * (`ComplaintRegistration.registerImported`) and answers, row by row, what it did with each.
 */

/**
 * The batch file travels as its bytes (`application/octet-stream`; `text/csv` and the Excel type
 * are taken too), not as a multipart form: one file per request, no form field to parse, and a
 * size limit the server holds before reading it. The layout is named in the query, since a file's
 * bytes do not say reliably whether they are CSV.
 */
export const MINXIN_UPLOAD_MEDIA_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** The upload's size limit, enforced on the wire (413) before anything is read: the batch's own limit. */
export const MINXIN_UPLOAD_LIMIT_BYTES = MINXIN_MAX_FILE_BYTES;

/**
 * A file's layout by its name's ending: `.json`, `.csv` (or `.txt`, 民心网's tab-separated text
 * export), `.xlsx`; null otherwise. The console picks the query's `kind` with it, the platform's
 * tests and scripts too.
 */
export function minxinFileKindOf(fileName: string): MinxinFileKind | null {
  const ending = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ending === 'json') return 'json';
  if (ending === 'csv' || ending === 'txt') return 'csv';
  if (ending === 'xlsx') return 'xlsx';
  return null;
}

export const MinxinImportQuery = z.object({ kind: MinxinFileKind });
export type MinxinImportQuery = z.infer<typeof MinxinImportQuery>;

/** The upload's body: the file's bytes as they are. */
export const MinxinBatchFile = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the batch file’s bytes');

const Place = { line: z.number().int().positive(), row: z.number().int().positive(), externalRef: z.string() };

/**
 * What an import did, row by row: the rows registered now (each with its new number, 办结期限,
 * the complaints it may repeat and the warnings of its reading), those whose 民心网编号 the
 * platform already held (with the number they are handled under: importing a file twice
 * registers nothing twice), and the rows refused, each with every reason.
 */
export const MinxinImportResult = z.object({
  kind: MinxinFileKind,
  batchId: z.string().nullable(),
  imported: z.array(
    z.object({
      ...Place,
      number: ComplaintNumber,
      closeDueAt: z.iso.datetime(),
      duplicates: z.array(DuplicateMatch),
      warnings: MinxinAcceptedRow.shape.warnings,
    }),
  ),
  alreadyImported: z.array(z.object({ ...Place, number: ComplaintNumber })),
  refused: z.array(MinxinRefusedRow),
});
export type MinxinImportResult = z.infer<typeof MinxinImportResult>;

/** The details of a 400 `minxin_file_refused`: why the whole file was refused (nothing imported). */
export const MinxinFileRefusal = MinxinFileError;

/** The replies not yet exported, oldest first, and when the last export was made (null: never). */
export const MinxinPendingReplies = z.object({
  replies: z.array(MinxinReply),
  lastExportAt: z.iso.datetime().nullable(),
});
export type MinxinPendingReplies = z.infer<typeof MinxinPendingReplies>;

/**
 * An export: the file's layout, and which records: `pending` (not exported before: the daily
 * case) or `all` (every record again, after a file was lost before it reached 民心网, which keeps
 * each record's key once). Either way the records exported are marked as exported.
 */
export const MinxinExportRequest = z.strictObject({
  format: MinxinFileKind,
  scope: z.enum(['pending', 'all']).default('pending'),
});
export type MinxinExportRequest = z.infer<typeof MinxinExportRequest>;
export type MinxinExportRequestInput = z.input<typeof MinxinExportRequest>;

/** The export's bytes, sent as they are (JSON, CSV or Excel), never serialized as JSON. */
export const MinxinRepliesFile = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file’s bytes');

/** The media type and file ending of each export layout. */
export const MINXIN_EXPORT_FILES: Readonly<Record<MinxinFileKind, { mediaType: string; ending: string }>> = {
  json: { mediaType: 'application/json; charset=utf-8', ending: 'json' },
  csv: { mediaType: 'text/csv; charset=utf-8', ending: 'csv' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ending: 'xlsx' },
};

const tags = ['complaints'];

function errors<const S extends readonly number[]>(...statuses: S): { readonly [K in S[number]]: typeof ConsoleErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ConsoleErrorBody])) as {
    readonly [K in S[number]]: typeof ConsoleErrorBody;
  };
}

/**
 * Every signed-in account reaches these routes; the service admits only a 营商局 person with
 * the `intake` role to import and export (403 `wrong_role`, or `not_a_person` for an account
 * linked to nobody and the admin token), as it does for the hotline form. Reading what waits to
 * go back is every signed-in account's, like a complaint's page.
 */
export const minxinOperations = definePlatformOperations({
  importMinxinBatch: {
    method: 'POST',
    path: '/v1/complaints/minxin/batches',
    summary: 'Import a 民心网 batch file (JSON, CSV or Excel, its bytes as the body): registered, repeats and refused rows',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: MinxinImportQuery,
    body: MinxinBatchFile,
    responses: { 200: MinxinImportResult, ...errors(400, 401, 403, 413, 415) },
  },
  pendingMinxinReplies: {
    method: 'GET',
    path: '/v1/complaints/minxin/replies',
    summary: 'The reply records not yet exported to 民心网, oldest first',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: MinxinPendingReplies, ...errors(401) },
  },
  exportMinxinReplies: {
    method: 'POST',
    path: '/v1/complaints/minxin/replies/export',
    summary: 'The replies as a file in 民心网’s layout (pending ones, or all again); marks them exported',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    body: MinxinExportRequest,
    responses: { 200: MinxinRepliesFile, ...errors(400, 401, 403) },
  },
});

export type MinxinOperationName = keyof typeof minxinOperations;
