import {
  MINXIN_BATCH_FORMAT,
  MINXIN_FIELDS,
  MINXIN_FORMAT_VERSION,
  MINXIN_MAX_ROWS,
  MinxinBatchEnvelope,
  type MinxinFieldKey,
  type MinxinFileError,
} from '../../contracts/minxin';
import type { RawRow } from './minxin-rows';

/**
 * The JSON batch (docs/minxin-format.md): `{ "format": "minxin-complaints", "version": 1,
 * "batchId", "exportedAt", "complaints": [ … ] }`. The envelope is checked whole; each item is
 * a row checked on its own, so one bad item refuses only itself. Each item is placed by the line
 * its `{` is on, found by a scan of the text (JSON.parse says nowhere where a value was). Pure.
 */

const fileError = (code: MinxinFileError['code'], message: string, missing: string[] = []) => ({
  ok: false as const,
  error: { code, message, line: null, missing },
});

/** The line each element of the top-level object's `complaints` array starts on, in order. */
export function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKey = '';
  let stringStart = -1;
  let inItems = false;
  let expectingItem = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') line += 1;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (inItems && depth === 2 && expectingItem && ch !== ']') {
      lines.push(line);
      expectingItem = false;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '{' || ch === '[') {
      if (ch === '[' && depth === 1 && lastKey === 'complaints') {
        inItems = true;
        expectingItem = true;
      }
      depth += 1;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 1) inItems = false;
    } else if (ch === ',' && inItems && depth === 2) {
      expectingItem = true;
    }
  }
  return lines;
}

export function rowsOfJson(
  text: string,
): { ok: true; rows: RawRow[]; batchId: string | null } | { ok: false; error: MinxinFileError } {
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    // JSON.parse's message quotes the text around the fault, which may be a phone number: not repeated.
    return fileError('invalid_json', 'the file is not valid JSON');
  }
  const envelope = MinxinBatchEnvelope.safeParse(document);
  if (!envelope.success) {
    return fileError(
      'wrong_format',
      `expected {"format": "${MINXIN_BATCH_FORMAT}", "version": ${MINXIN_FORMAT_VERSION}, "complaints": [...]}`,
    );
  }
  const items = envelope.data.complaints;
  if (items.length === 0) return fileError('empty', 'the batch has no complaint');
  if (items.length > MINXIN_MAX_ROWS) {
    return fileError(
      'too_many_rows',
      `${items.length} complaints, more than the ${MINXIN_MAX_ROWS} of one batch: split the file`,
    );
  }
  const lines = itemLines(text);
  const rows = items.map((item, index): RawRow => {
    const cells: Partial<Record<MinxinFieldKey, string | null>> = {};
    const notText: MinxinFieldKey[] = [];
    const fields = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    for (const { key } of MINXIN_FIELDS) {
      const value = fields[key];
      if (typeof value === 'string') cells[key] = value;
      else if (value === undefined || value === null) cells[key] = null;
      else notText.push(key);
    }
    return { line: lines[index] ?? 1, row: index + 1, cells, notText };
  });
  return { ok: true, rows, batchId: envelope.data.batchId ?? null };
}
