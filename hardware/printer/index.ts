/** Public API of the thermal ticket printer stack. */
export type { Alignment, CutKind, QrErrorLevel, QrOptions, StatusKind } from './escpos';
export {
  align,
  ASB,
  automaticStatusBack,
  bold,
  chineseMode,
  concatBytes,
  cut,
  feedLines,
  fullStatusRequest,
  init,
  lineFeed,
  paperStatusInOrder,
  QR_MAX_BYTES,
  qrCode,
  statusRequest,
  text,
  textSize,
} from './escpos';
export { charWidth, displayWidth, encodeGb18030, sanitizeText, twoColumns, wrapText } from './text';
export { formatLocalTime } from './local-time';
export type { LayoutOptions, PaperWidth, ReceiptContent, TicketContent } from './layouts';
export { COLUMNS, encodeReceipt, encodeTicket } from './layouts';
export type {
  AsbResult,
  DleEotReply,
  DleEotResult,
  ErrorCauseReply,
  OfflineCauseReply,
  PaperState,
  PrinterStatus,
  PrinterStatusReply,
  RollSensorReply,
  StatusDecodeError,
} from './status';
export { decodeAsb, decodeDleEot, decodeFullStatus, encodeAsb, encodeDleEotReply } from './status';
export type { PrinterReply } from './replies';
export { ReplyDecoder } from './replies';
export type { EscPosEvent, PreviewLine, PrintPreview } from './preview';
export { decodeEscPos, EscPosDecoder, PreviewBuilder } from './preview';
export type {
  PrinterDriverEvents,
  PrinterDriverOptions,
  PrinterHealth,
  PrinterHealthState,
  PrintFailureReason,
  PrintResult,
} from './driver';
export { PrinterDriver } from './driver';
export type { VirtualPrinterEvents, VirtualPrinterFault, VirtualPrinterOptions } from './virtual-printer';
export { VirtualPrinter } from './virtual-printer';
