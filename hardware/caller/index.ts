/** Public API of the caller keypad (呼叫器) stack. */
export type { KeypadDecodeResult, KeypadFrame, KeypadFrameError } from './frame';
export { encodeKeypadFrame, KEYPAD_MAX_LENGTH, KeypadFrameDecoder } from './frame';
export type { KeypadKey, KeypadModel } from './model';
export { dataForKey, defaultKeypadModel, keyFromData } from './model';
export { DISPLAY_DIGITS, digitCodes, renderDigitCodes } from './digits';
export type { CallerKeypadEvents, CallerKeypadHealth, CallerKeypadOptions, CallerKeypadState, KeypadKeyEvent } from './driver';
export { CallerKeypadDriver } from './driver';
export type { KeypadSimulatorFault, KeypadSimulatorOptions } from './simulator';
export { KeypadSimulator } from './simulator';
