import type { Complaint, ComplaintStep, Unit } from '../../contracts/complaints';
import {
  MINXIN_FORMAT_VERSION,
  MINXIN_REPLIES_FORMAT,
  MINXIN_REPLY_HEADERS,
  MINXIN_REPLY_KIND_LABELS,
  type MinxinReply,
  type MinxinReplyKind,
} from '../../contracts/minxin';
import { wallDateTime } from '../../contracts/wall-clock';
import { DISTRICT_TIME_ZONE } from '../../contracts/working-time';

/**
 * What goes back to 民心网 (docs/minxin-format.md): for each complaint that came from it (it has
 * an `externalRef`), the approved reply (答复), the closure (办结), a refusal to admit (不予受理)
 * and a merge (合并办理), each from its step in the history. A complaint merged into another
 * gets that one's reply and closure too, under its own 民心网编号, so no 民心网 item is left
 * unanswered because the platform handled it under another number. Each record is named by its
 * `key` (民心网编号, kind, instant): the caller passes the keys it already sent, and 民心网 keeps
 * each key once. Pure, apart from the Excel writer's lazy import.
 */

const KIND_OF_STEP: Partial<Record<ComplaintStep['action'], MinxinReplyKind>> = {
  approve: 'reply',
  close: 'closure',
  not_admit: 'not_admitted',
  merge: 'merged',
};

export interface ReplySelection {
  /** Keys of records already sent: left out. */
  alreadySent?: ReadonlySet<string>;
  /** Only steps strictly after this instant. */
  after?: string;
}

/** The reply records of complaints, oldest first (then by 民心网编号). */
export function minxinReplies(
  complaints: readonly Complaint[],
  units: readonly Pick<Unit, 'code' | 'name'>[],
  selection: ReplySelection = {},
): MinxinReply[] {
  const byNumber = new Map(complaints.map((c) => [c.number, c]));
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const after = selection.after === undefined ? null : Date.parse(selection.after);
  const replies: MinxinReply[] = [];

  const recordsOf = (externalRef: string, complaint: Complaint, kinds: readonly MinxinReplyKind[]) => {
    for (const step of complaint.history) {
      const kind = KIND_OF_STEP[step.action];
      if (kind === undefined || !kinds.includes(kind)) continue;
      const unitCode = kind === 'reply' || kind === 'closure' ? (step.units[0] ?? null) : null;
      const key = `${externalRef}:${kind}:${step.at}`;
      if (selection.alreadySent?.has(key) === true || (after !== null && Date.parse(step.at) <= after)) continue;
      replies.push({
        key,
        externalRef,
        complaintNumber: complaint.number,
        kind,
        at: step.at,
        unitCode,
        unitName: unitCode === null ? null : (unitName.get(unitCode) ?? null),
        text: kind === 'closure' ? null : step.publicNote,
      });
    }
  };

  for (const complaint of complaints) {
    const ref = complaint.externalRef;
    if (ref === null) continue;
    recordsOf(ref, complaint, ['reply', 'closure', 'not_admitted', 'merged']);
    // Follow the merges to the complaint that was handled (a chain at most as long as the list).
    const seen = new Set([complaint.number]);
    let target = complaint.mergedInto === null ? undefined : byNumber.get(complaint.mergedInto);
    while (target !== undefined && !seen.has(target.number)) {
      seen.add(target.number);
      recordsOf(ref, target, ['reply', 'closure']);
      target = target.mergedInto === null ? undefined : byNumber.get(target.mergedInto);
    }
  }
  return replies.sort((a, b) => a.at.localeCompare(b.at) || a.externalRef.localeCompare(b.externalRef));
}

/** A record as the CSV and Excel layouts write it: Beijing wall time, the kind's Chinese name. */
function cellsOf(reply: MinxinReply): string[] {
  return [
    reply.key,
    reply.externalRef,
    reply.complaintNumber,
    MINXIN_REPLY_KIND_LABELS[reply.kind],
    wallDateTime(Date.parse(reply.at), DISTRICT_TIME_ZONE).replace('T', ' '),
    reply.unitName ?? '',
    reply.text ?? '',
  ];
}

/** The JSON reply file: `{ format: "minxin-replies", version: 1, exportedAt, replies }`. */
export function minxinRepliesJson(replies: readonly MinxinReply[], exportedAt: string): string {
  return `${JSON.stringify({ format: MINXIN_REPLIES_FORMAT, version: MINXIN_FORMAT_VERSION, exportedAt, replies }, null, 2)}\n`;
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The CSV reply file, UTF-8 with a byte-order mark (so Excel on a Chinese Windows reads it), CRLF lines. */
export function minxinRepliesCsv(replies: readonly MinxinReply[]): string {
  const lines = [MINXIN_REPLY_HEADERS, ...replies.map(cellsOf)].map((cells) => cells.map(quoted).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The Excel reply file: one sheet 回复, the headers bold and frozen. */
export async function minxinRepliesXlsx(replies: readonly MinxinReply[], exportedAt: string): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Hall Kiosk';
  book.created = new Date(exportedAt);
  const sheet = book.addWorksheet('回复');
  sheet.addRow([...MINXIN_REPLY_HEADERS]).font = { bold: true };
  for (const reply of replies) sheet.addRow(cellsOf(reply));
  [34, 16, 18, 10, 20, 20, 60].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
