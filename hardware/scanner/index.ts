/** Public API of the scanner stack. */
export type { ScannerDropped, ScannerEvents } from './events';
export type { LineResult, LineTerminator } from './lines';
export { LineSplitter } from './lines';
export type { SerialLineScannerOptions } from './serial-scanner';
export { SerialLineScanner } from './serial-scanner';
export type { HidPosError, HidPosLayout, HidPosResult, HidPosScan } from './hid-pos-report';
export { buildHidPosReports, defaultHidPosLayout, HID_POS_MAX_CODE, hidPosCapacity, HidPosDecoder } from './hid-pos-report';
export type { HidPosScannerOptions, HidPosScannerState } from './hid-pos';
export { HidPosScanner } from './hid-pos';
export type { ScannerSimulatorOptions } from './simulator';
export { HidPosScannerSimulator, ScannerSimulator } from './simulator';
