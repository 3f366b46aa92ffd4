/**
 * Report framing for serial-over-HID bridges (pure bytes ⇄ reports, no I/O).
 *
 * The common CH9329 / SAM-HID style: every report carries
 *
 *   [reportId] | LEN | PAYLOAD (LEN bytes) | zero padding to reportSize
 *
 * where `reportSize` is the report's data size from the HID descriptor (the
 * report id is extra: node-hid wants it as the first byte of every write, 0x00
 * for unnumbered reports). A payload longer than `reportSize - 1` is split
 * over as many reports as needed. Report id, report size and whether input
 * reports arrive with their id byte are configurable, since vendors differ.
 */
export interface HidFraming {
  /** Report id written first in every output report; 0x00 means unnumbered. */
  reportId: number;
  /** Bytes per report excluding the id: LEN + payload + padding. */
  reportSize: number;
  /**
   * Whether input reports start with the report id. hidapi keeps the id for
   * numbered reports and delivers none for unnumbered ones.
   */
  inputHasReportId: boolean;
}

export function maxPayloadPerReport(framing: HidFraming): number {
  return framing.reportSize - 1;
}

/** Output reports (id, LEN, payload, padding) carrying `data` in order. */
export function packReports(data: Uint8Array, framing: HidFraming): number[][] {
  const room = maxPayloadPerReport(framing);
  const reports: number[][] = [];
  for (let offset = 0; offset < data.length; offset += room) {
    const part = data.subarray(offset, Math.min(data.length, offset + room));
    const report = new Array<number>(1 + framing.reportSize).fill(0);
    report[0] = framing.reportId;
    report[1] = part.length;
    for (let i = 0; i < part.length; i++) report[2 + i] = part[i] ?? 0;
    reports.push(report);
  }
  return reports;
}

export type UnpackResult = { ok: true; payload: Uint8Array } | { ok: false; reason: 'wrong-report-id' | 'bad-length' };

/** The payload of one input report; a report that does not fit the framing is rejected, not guessed at. */
export function unpackReport(report: Uint8Array, framing: HidFraming): UnpackResult {
  let at = 0;
  if (framing.inputHasReportId) {
    if (report[0] !== framing.reportId) return { ok: false, reason: 'wrong-report-id' };
    at = 1;
  }
  const length = report[at];
  if (length === undefined || length > maxPayloadPerReport(framing) || at + 1 + length > report.length) {
    return { ok: false, reason: 'bad-length' };
  }
  return { ok: true, payload: report.slice(at + 1, at + 1 + length) };
}
