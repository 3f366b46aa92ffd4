/** Public API of the second-generation ID card reader stack. */
export type { BaudRate, SamCommand, SimpleCommand } from './commands';
export { commandName, identifyCommand } from './commands';
export type { CommandFrame, DecodeResult, FrameError, ResponseFrame } from './frame';
export {
  CommandFrameDecoder,
  encodeCommand,
  encodeCommandFrame,
  encodeFrame,
  encodeResponse,
  FrameDecoder,
  MAX_LEN,
} from './frame';
export type { SamStatus, SamStatusCode } from './status';
export { samStatus, SW3 } from './status';
export type {
  CardParseError,
  CardParseResult,
  Foreign2017Card,
  Foreign2023Card,
  HmtResidencePermit,
  IdCard,
  IdCardKind,
  ResidentIdCard,
} from './card-types';
export { CARD_KINDS_WITH_ADDRESS } from './card-types';
export { parseIdCard } from './card';
export type { IsoDate } from './card-date';
export { LONG_TERM, parseCardDate } from './card-date';
export type { Gender, GenderCode } from './gender-codes';
export { genderFromCode } from './gender-codes';
export type { Nation } from './nation-codes';
export { NATION_CODES, nationFromCode } from './nation-codes';
export type { IdNumberCheck, IdNumberProblem } from './id-number';
export { computeCheckDigit, validateIdNumber } from './id-number';
export type { PhotoDecoder, WltPhoto } from './photo';
export { looksLikeWlt } from './photo';
export type { PayloadResult, ReadPayload } from './payload';
export { buildReadPayload, splitReadPayload } from './payload';
export { formatSamId } from './sam-id';
export { maskIdNumber, maskName } from './mask';
export type { ExchangeError } from './channel';
export type {
  BaudNegotiationFailure,
  IdCardReaderError,
  IdCardReaderEvents,
  IdCardReaderHealth,
  IdCardReaderOptions,
  IdCardReaderState,
} from './reader';
export { IdCardReader } from './reader';
export type { IdCardSimulatorOptions, SimulatorFault, SimulatorFaultMode } from './simulator';
export { IdCardSimulator } from './simulator';
export { wireTimeMs } from '../common/wire-time';
export type {
  SimulatedCard,
  SimulatedCardName,
  SimulatedForeign2017Card,
  SimulatedForeign2023Card,
  SimulatedHmtCard,
  SimulatedResidentCard,
} from './simulated-cards';
export { buildTextBlock, PHOTO_SIZE, placeholderPhoto, simulatedCards, WLT_PHOTO_HEADER } from './simulated-cards';
