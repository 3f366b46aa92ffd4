/** Public API of the LED window screen stack. */
export type { LedScreen, LedScreenFailure, LedScreenHealth, LedScreenState } from './screen';
export { LedScreenError } from './screen';
export { crc16Arc } from './crc16';
export type { BxDecodeResult, BxFrame, BxFrameError, BxFrameInput } from './bx-link';
export {
  BX_DEFAULTS,
  BX_HEADER_SIZE,
  BX_MAX_FRAME,
  bxPacket,
  BxFrameDecoder,
  encodeBxFrame,
  frameBxPacket,
  parseBxPacket,
} from './bx-link';
export type { BxCommandError, BxTextCommand } from './bx-commands';
export { ackStatus, decodeTextCommand, encodeAck, encodeTextCommand } from './bx-commands';
export type { BxLedScreenEvents, BxLedScreenOptions } from './bx-screen';
export { BxLedScreen } from './bx-screen';
export type { BxScreenSimulatorFault } from './simulator';
export { BxScreenSimulator } from './simulator';
