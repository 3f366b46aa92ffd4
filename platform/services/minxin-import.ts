import {
  MINXIN_MAX_FILE_BYTES,
  type MinxinAcceptedRow,
  type MinxinBatch,
  type MinxinFileError,
  type MinxinFileKind,
  type MinxinParseResult,
  type MinxinRefusedRow,
} from '../../contracts/minxin';
import { decodeCsv, parseCsv } from './minxin-csv';
import { rowsOfJson } from './minxin-json';
import { checkRow, type MinxinRowContext, type RawRow } from './minxin-rows';
import { rowsOfTable } from './minxin-table';
import { readFirstSheet } from './minxin-xlsx';

/**
 * A 民心网 batch file read into the complaints it files (docs/minxin-format.md). A file is
 * refused whole only when it cannot be read as a batch at all (unreadable, another format,
 * required columns missing, empty, too big); otherwise every row is checked on its own and the
 * result lists the accepted `NewComplaint`s and the refused rows with their reasons, each by its
 * line. Nothing is registered here: the intake service registers the accepted rows, skipping
 * those whose 民心网编号 it already holds (`splitAlreadyImported`), so importing the same batch
 * twice registers nothing the second time.
 */

function fromRows(kind: MinxinFileKind, batchId: string | null, rows: readonly RawRow[], context: MinxinRowContext): MinxinBatch {
  const firstLineOfRef = new Map<string, number>();
  const accepted: MinxinAcceptedRow[] = [];
  const refused: MinxinRefusedRow[] = [];
  for (const raw of rows) {
    const checked = checkRow(raw, context, firstLineOfRef);
    if ('accepted' in checked) accepted.push(checked.accepted);
    else refused.push(checked.refused);
  }
  return { kind, batchId, accepted, refused };
}

const refuse = (error: MinxinFileError): MinxinParseResult => ({ ok: false, error });

export async function parseMinxinBatch(
  bytes: Uint8Array,
  kind: MinxinFileKind,
  context: MinxinRowContext,
): Promise<MinxinParseResult> {
  if (bytes.byteLength > MINXIN_MAX_FILE_BYTES) {
    return refuse({
      code: 'too_large',
      message: `more than ${MINXIN_MAX_FILE_BYTES} bytes: split the batch`,
      line: null,
      missing: [],
    });
  }
  if (kind === 'json') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse({ code: 'unreadable', message: 'a JSON batch is UTF-8 text', line: null, missing: [] });
    }
    const read = rowsOfJson(text);
    return read.ok ? { ok: true, batch: fromRows(kind, read.batchId, read.rows, context) } : read;
  }
  const lines = kind === 'csv' ? parseCsv(decodeCsv(bytes)) : await readFirstSheet(bytes);
  if (lines === null) return refuse({ code: 'unreadable', message: 'not an Excel workbook (.xlsx)', line: null, missing: [] });
  const read = rowsOfTable(lines);
  return read.ok ? { ok: true, batch: fromRows(kind, null, read.rows, context) } : read;
}

/** The kind of a file by its name's ending (one rule for the console and the platform). */
export { minxinFileKindOf } from '../../contracts/platform-minxin-api';

/**
 * The accepted rows split by whether their 民心网编号 is already registered (`known`: the refs
 * the store holds for channel `minxin`). `externalRef` is the idempotency key of an import: a
 * second import of the same batch, or of a later batch repeating a complaint, registers only the
 * fresh ones, and the console lists the others as already imported rather than as errors.
 */
export function splitAlreadyImported(
  batch: MinxinBatch,
  known: ReadonlySet<string>,
): { fresh: MinxinAcceptedRow[]; alreadyImported: MinxinAcceptedRow[] } {
  const fresh: MinxinAcceptedRow[] = [];
  const alreadyImported: MinxinAcceptedRow[] = [];
  for (const row of batch.accepted) {
    if (row.complaint.externalRef !== null && known.has(row.complaint.externalRef)) alreadyImported.push(row);
    else fresh.push(row);
  }
  return { fresh, alreadyImported };
}
