/**
 * Events every scanner driver emits. One map for serial and HID POS alike,
 * so the host can hold either (`SerialLineScanner | HidPosScanner`) and
 * subscribe without knowing which.
 */
export interface ScannerDropped {
  /**
   * `too-long`: a line or joined code past the limit; `incomplete`: a line
   * whose terminator never came; `bad-report`: a HID report that did not fit the layout.
   */
  reason: 'too-long' | 'incomplete' | 'bad-report';
  /** Bytes dropped, when known. */
  length?: number;
}

export interface ScannerEvents {
  /** One scanned code. May carry personal data (e-ID QR): never log it unmasked. */
  scan: string;
  dropped: ScannerDropped;
}
