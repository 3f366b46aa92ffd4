import { MINXIN_FIELDS, MINXIN_MAX_ROWS, type MinxinFieldKey, type MinxinFileError } from '../../contracts/minxin';
import type { RawRow } from './minxin-rows';

/**
 * A table (CSV records or an Excel sheet's rows) to raw rows by its header row: columns are
 * found by their Chinese header, in any order; columns the platform does not read are ignored;
 * a required header missing refuses the file. Blank rows (every cell empty) are skipped, as a
 * spreadsheet's trailing rows are. Pure.
 */

export interface TableLine {
  /** The line (CSV) or sheet row (Excel) the record starts on. */
  line: number;
  cells: readonly string[];
}

const fileError = (code: MinxinFileError['code'], message: string, line: number | null = null, missing: string[] = []) => ({
  ok: false as const,
  error: { code, message, line, missing },
});

export function rowsOfTable(lines: readonly TableLine[]): { ok: true; rows: RawRow[] } | { ok: false; error: MinxinFileError } {
  const filled = lines.filter((l) => l.cells.some((c) => c.trim() !== ''));
  const [header, ...records] = filled;
  if (header === undefined) return fileError('empty', 'the file has no header row and no complaint');
  const columnOf = new Map<MinxinFieldKey, number>();
  header.cells.forEach((cell, index) => {
    const field = MINXIN_FIELDS.find((f) => f.header === cell.trim());
    if (field !== undefined && !columnOf.has(field.key)) columnOf.set(field.key, index);
  });
  const missing = MINXIN_FIELDS.filter((f) => f.required && !columnOf.has(f.key)).map((f) => f.header);
  if (missing.length > 0) {
    return fileError('missing_columns', `the header row lacks ${missing.join('、')}`, header.line, missing);
  }
  if (records.length === 0) return fileError('empty', 'the file has a header row and no complaint', header.line);
  if (records.length > MINXIN_MAX_ROWS) {
    return fileError('too_many_rows', `${records.length} rows, more than the ${MINXIN_MAX_ROWS} of one batch: split the file`);
  }
  const rows = records.map((record, index): RawRow => {
    const cells: Partial<Record<MinxinFieldKey, string | null>> = {};
    for (const [key, column] of columnOf) cells[key] = record.cells[column] ?? null;
    return { line: record.line, row: index + 1, cells, notText: [] };
  });
  return { ok: true, rows };
}
