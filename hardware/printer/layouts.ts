/**
 * Ticket and receipt layouts → ESC/POS bytes. Alignment is left to the
 * printer (`ESC a`), so the only layout work here is wrapping by display
 * width: 58 mm paper holds 32 ASCII columns (16 CJK), 80 mm holds 48 (24),
 * divided by the width multiplier of the size in use. Nothing personal goes
 * on a ticket: no name, no ID number, only the queue number and the QR.
 */
import type { Alignment } from './escpos';
import * as esc from './escpos';
import { formatLocalTime } from './local-time';
import { displayWidth, twoColumns, wrapText } from './text';

export type PaperWidth = 58 | 80;

export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export interface LayoutOptions {
  width: PaperWidth;
  /** Lines printed first, centred (e.g. a welcome line). */
  header?: string[];
  /** Lines printed last, centred (e.g. a service hotline). */
  footer?: string[];
}

export interface TicketContent {
  hallName: string;
  serviceName: string;
  number: string;
  peopleAhead: number;
  estimatedWaitMinutes: number;
  issuedAt: Date;
  timeZone: string;
  qrUrl: string;
  /** A short, privacy-safe note (e.g. "请留意叫号屏幕"). */
  note: string;
  /**
   * Why this number is called ahead of others ("长者优先", "预约优先"…), printed under it: a
   * citizen who sees a later number called first knows the rule, not a mistake.
   */
  priority?: string;
  /** The windows that serve this ticket's service, so the citizen knows where to look. */
  windows?: readonly number[];
}

export interface ReceiptContent {
  hallName: string;
  caseNumber: string;
  itemName: string;
  items: string[];
  materials: { name: string; received: boolean }[];
  expectedCompletion?: string;
  submittedAt: Date;
  timeZone: string;
  qrUrl: string;
  note: string;
}

/** The ticket number is printed as large as fits, up to 4×4. */
const NUMBER_SIZE = 4;
/** Blank lines between the last text and the cut: the cutter sits above the print head. */
const FEED_BEFORE_CUT = 3;
const QR_MODULE: Record<PaperWidth, number> = { 58: 5, 80: 6 };

/** Accumulates commands and text with the current size, so wrapping knows its columns. */
class Page {
  private readonly parts: Uint8Array[] = [esc.init(), esc.chineseMode(true)];
  private widthMultiplier = 1;
  private alignment: Alignment = 'left';

  constructor(readonly columns: number) {}

  align(alignment: Alignment): this {
    if (alignment !== this.alignment) this.parts.push(esc.align(alignment));
    this.alignment = alignment;
    return this;
  }

  size(width: number, height: number): this {
    this.parts.push(esc.textSize(width, height));
    this.widthMultiplier = width;
    return this;
  }

  bold(on: boolean): this {
    this.parts.push(esc.bold(on));
    return this;
  }

  /** Wrapped to the columns left at the current size; each line ends with LF. */
  text(value: string, indent = ''): this {
    const columns = Math.floor(this.columns / this.widthMultiplier);
    wrapText(value, columns - displayWidth(indent)).forEach((line, i) => this.line(i === 0 ? line : indent + line));
    return this;
  }

  /** One line exactly as given (already fitted). */
  line(value: string): this {
    if (value.length > 0) this.parts.push(esc.text(value));
    this.parts.push(esc.lineFeed());
    return this;
  }

  lines(values: readonly string[] | undefined): this {
    for (const value of values ?? []) this.text(value);
    return this;
  }

  qr(data: string, moduleSize: number): this {
    this.parts.push(esc.qrCode(data, { moduleSize, errorLevel: 'M' }), esc.lineFeed());
    return this;
  }

  finish(): Uint8Array {
    this.parts.push(esc.feedLines(FEED_BEFORE_CUT), esc.cut('partial'));
    return esc.concatBytes(this.parts);
  }
}

const count = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0);

export function encodeTicket(content: TicketContent, options: LayoutOptions): Uint8Array {
  const page = new Page(COLUMNS[options.width]);
  page.align('center').lines(options.header);
  page.bold(true).text(content.hallName).bold(false);
  page.size(1, 2).text(content.serviceName).size(1, 1);
  // Largest multiplier ≤ 4 at which the number fits on one line (a long number still wraps at 1×).
  const fit = Math.floor(page.columns / Math.max(1, displayWidth(content.number)));
  const multiplier = Math.max(1, Math.min(NUMBER_SIZE, fit));
  page.line('').bold(true).size(multiplier, multiplier).text(content.number).size(1, 1).bold(false);
  if (content.priority !== undefined) page.bold(true).text(`【${content.priority}】`).bold(false);
  page.line('');
  if (content.windows !== undefined && content.windows.length > 0) page.text(`办理窗口：${content.windows.join('、')} 号`);
  page.text(`前面还有 ${count(content.peopleAhead)} 人`);
  page.text(`预计等候约 ${count(content.estimatedWaitMinutes)} 分钟`);
  page.text(formatLocalTime(content.issuedAt, content.timeZone));
  page.qr(content.qrUrl, QR_MODULE[options.width]);
  if (content.note.length > 0) page.text(content.note);
  page.lines(options.footer);
  return page.finish();
}

export function encodeReceipt(content: ReceiptContent, options: LayoutOptions): Uint8Array {
  const page = new Page(COLUMNS[options.width]);
  page.align('center').lines(options.header);
  page.bold(true).text(content.hallName);
  page.size(2, 2).text('受理回执').size(1, 1).bold(false).line('');
  page.align('left');
  page.text(`受理编号：${content.caseNumber}`, '  ');
  page.text(`办理事项：${content.itemName}`, '  ');
  if (content.items.length > 0) {
    page.text('办理内容：');
    for (const item of content.items) page.text(`· ${item}`, '  ');
  }
  if (content.materials.length > 0) {
    page.text('收取材料：');
    for (const material of content.materials) {
      for (const line of twoColumns(`· ${material.name}`, material.received ? '已收' : '未收', page.columns)) page.line(line);
    }
  }
  if (content.expectedCompletion !== undefined) page.text(`预计办结：${content.expectedCompletion}`, '  ');
  page.text(`提交时间：${formatLocalTime(content.submittedAt, content.timeZone)}`);
  page.line('').align('center').qr(content.qrUrl, QR_MODULE[options.width]);
  if (content.note.length > 0) page.text(content.note);
  page.lines(options.footer);
  return page.finish();
}
