import type { CellValue } from 'exceljs';
import type { TableLine } from './minxin-table';

/**
 * The Excel sheet (.xlsx) an operator downloads from 民心网: the first worksheet, its first
 * non-empty row the headers, each later row a complaint; rows are placed by their sheet row
 * number, as Excel shows it. Cells become text the way the operator sees them: a phone number
 * Excel stored as a number is its digits, a date cell is its wall time (Excel's dates carry no
 * zone: they are read as Beijing time), a formula is its result, rich text its characters.
 * exceljs is loaded at the first Excel file, as the hall's report export does.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // exceljs reads an Excel date as that wall time in UTC.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    return result === undefined || typeof result === 'object' ? '' : String(result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  return '';
}

/** The first worksheet's rows; null when the bytes are no workbook or it has no sheet. */
export async function readFirstSheet(bytes: Uint8Array): Promise<TableLine[] | null> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  try {
    // A copy in a fresh ArrayBuffer: what exceljs's typings ask for, and what JSZip reads.
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (sheet === undefined) return null;
  const lines: TableLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(textOf(row.getCell(c).value));
    lines.push({ line: number, cells });
  });
  return lines;
}
