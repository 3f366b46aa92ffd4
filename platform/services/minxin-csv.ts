import type { TableLine } from './minxin-table';

/**
 * The CSV an operator downloads from 民心网's back office, read as RFC 4180: fields separated by
 * commas (or tabs, when the header row has tabs and no comma: the "text" export), quoted with
 * `"` where they hold a separator, a quote (doubled) or a line break. Chinese Windows tools
 * write GB18030 (GBK) rather than UTF-8, so bytes that are not valid UTF-8 are read as GB18030;
 * a UTF-8 byte-order mark is dropped. Pure.
 */

/** The text of a CSV file's bytes: UTF-8 when they are valid UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** Records with the line each starts on (a quoted field may span lines). An unclosed quote runs to the end of the file. */
export function parseCsv(text: string): TableLine[] {
  const separator = separatorOf(text);
  const records: TableLine[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      endField();
    } else if (ch === '\r' && text.charAt(i + 1) === '\n') {
      // The \n that follows ends the record.
    } else if (ch === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}
