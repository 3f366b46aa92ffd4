/**
 * HID POS barcode scanner input reports (USB HID usage page 0x8C, "Bar Code
 * Scanner", scanned-data report): pure bytes ⇄ values.
 *
 * The layout we implement, as Honeywell, Zebra and Datalogic scanners send
 * it in HID POS mode (check the descriptor of a new model):
 *
 *   offset  size  field
 *   [0]     1     report id (default 0x02), when input reports carry one
 *   0       1     n: bytes of barcode data in this report
 *   1       3     symbology identifier (AIM id such as "]Q1" for QR; 00 00 00 if none)
 *   4       cap   data (first n bytes meaningful; cap = reportSize − 5)
 *   size−1  1     flags: bit 0 = "decode data continued", more reports follow
 *
 * offsets after the report id; `reportSize` excludes it (default 64). A
 * code longer than `cap` spans several reports; the decoder joins them until
 * one arrives with bit 0 clear. Never throws: bad reports come back typed.
 */
export interface HidPosLayout {
  /** Report id of scanned-data reports. Default 0x02. */
  reportId: number;
  /** Report size without the id. Default 64. */
  reportSize: number;
  /** Whether input reports start with the id (hidapi keeps it for numbered reports). Default true. */
  inputHasReportId: boolean;
}

export const defaultHidPosLayout: HidPosLayout = { reportId: 0x02, reportSize: 64, inputHasReportId: true };

const LENGTH_AT = 0;
const SYMBOLOGY_AT = 1;
const DATA_AT = 4;
const CONTINUED = 0x01;
/** Joined reports beyond this are a runaway "continued" flag, not a code. */
export const HID_POS_MAX_CODE = 8192;

export function hidPosCapacity(layout: HidPosLayout): number {
  return layout.reportSize - DATA_AT - 1;
}

export interface HidPosScan {
  code: string;
  /** The AIM symbology identifier as text, '' when the scanner sent none. */
  symbology: string;
}

export type HidPosError =
  /** Another report (status, attribute): not a scan. */
  | { kind: 'other-report'; reportId: number }
  /** Shorter than the layout, or n larger than the data field. */
  | { kind: 'bad-length'; length: number }
  /** Continued reports passed HID_POS_MAX_CODE bytes; the code was dropped. */
  | { kind: 'too-long' };

export type HidPosResult = { ok: true; scan: HidPosScan } | { ok: false; error: HidPosError };

/** Joins continued reports into scans. */
export class HidPosDecoder {
  private parts: number[] = [];
  private symbology = '';
  private overflow = false;
  private readonly text = new TextDecoder('utf-8');

  constructor(private readonly layout: HidPosLayout = defaultHidPosLayout) {}

  /** One input report (as node-hid delivers it) → zero or one result. */
  push(report: Uint8Array): HidPosResult | undefined {
    let body = report;
    if (this.layout.inputHasReportId) {
      const id = report[0];
      if (id === undefined) return { ok: false, error: { kind: 'bad-length', length: 0 } };
      if (id !== this.layout.reportId) return { ok: false, error: { kind: 'other-report', reportId: id } };
      body = report.subarray(1);
    }
    // The flags byte sits at a fixed offset, so a short report cannot be read safely.
    const length = body[LENGTH_AT] ?? 0;
    if (body.length < this.layout.reportSize || length > hidPosCapacity(this.layout)) {
      this.restart();
      return { ok: false, error: { kind: 'bad-length', length } };
    }
    if (this.parts.length === 0 && !this.overflow) this.symbology = symbologyText(body.subarray(SYMBOLOGY_AT, DATA_AT));
    if (!this.overflow) {
      for (const b of body.subarray(DATA_AT, DATA_AT + length)) this.parts.push(b);
      if (this.parts.length > HID_POS_MAX_CODE) {
        this.overflow = true;
        this.parts = [];
      }
    }
    const continued = ((body[this.layout.reportSize - 1] ?? 0) & CONTINUED) !== 0;
    if (continued) return undefined;
    const overflow = this.overflow;
    const scan: HidPosScan = { code: this.text.decode(Uint8Array.from(this.parts)), symbology: this.symbology };
    this.restart();
    if (overflow) return { ok: false, error: { kind: 'too-long' } };
    // A report with n = 0 and no continuation is an empty read; nothing to report.
    return scan.code === '' ? undefined : { ok: true, scan };
  }

  reset(): void {
    this.restart();
  }

  private restart(): void {
    this.parts = [];
    this.symbology = '';
    this.overflow = false;
  }
}

function symbologyText(bytes: Uint8Array): string {
  return [...bytes]
    .filter((b) => b >= 0x20 && b < 0x7f)
    .map((b) => String.fromCharCode(b))
    .join('');
}

/** The reports a scanner sends for `code` (the simulator's side and tests'). */
export function buildHidPosReports(code: string, options: { symbology?: string; layout?: HidPosLayout } = {}): Uint8Array[] {
  const layout = options.layout ?? defaultHidPosLayout;
  const data = new TextEncoder().encode(code);
  const capacity = hidPosCapacity(layout);
  const symbology = new TextEncoder().encode((options.symbology ?? '').slice(0, 3));
  const reports: Uint8Array[] = [];
  const offset = layout.inputHasReportId ? 1 : 0;
  for (let at = 0; at === 0 || at < data.length; at += capacity) {
    const part = data.subarray(at, at + capacity);
    const report = new Uint8Array(offset + layout.reportSize);
    if (layout.inputHasReportId) report[0] = layout.reportId;
    report[offset + LENGTH_AT] = part.length;
    report.set(symbology, offset + SYMBOLOGY_AT);
    report.set(part, offset + DATA_AT);
    report[report.length - 1] = at + capacity < data.length ? CONTINUED : 0;
    reports.push(report);
  }
  return reports;
}
