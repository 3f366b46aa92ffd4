import type { Workbook, Worksheet } from 'exceljs';

/**
 * The district platform's Excel exports look alike (the 考核 workbook, the indicator scores): one
 * way to open a workbook and one way to lay a table on a sheet. The hall host has its own
 * (host/reports), which the platform may not import. exceljs is loaded at the first export.
 */

/** A cell as the exports write it: a number stays a number; a missing value is an empty cell, never 0. */
export type WorkbookCell = string | number | null;

/** A new workbook with its title and the instant it describes as created and modified. */
export async function newWorkbook(title: string, created: Date): Promise<Workbook> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Hall Kiosk district platform';
  book.created = created;
  book.modified = created;
  book.title = title;
  return book;
}

/**
 * A table from the sheet's next row: a bold, shaded, wrapped header frozen in place; the rows;
 * each column's number format (null: as written) and a width from its header; printed landscape
 * on A4, one page wide.
 */
export function addTable(
  sheet: Worksheet,
  headers: readonly string[],
  rows: readonly WorkbookCell[][],
  numFmts: readonly (string | null)[] = [],
): void {
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const row of rows) sheet.addRow(row);
  numFmts.forEach((numFmt, i) => {
    if (numFmt !== null) sheet.getColumn(i + 1).numFmt = numFmt;
  });
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(8, Math.min(24, h.length * 2 + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
