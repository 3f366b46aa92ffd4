import { z } from 'zod';
import { DisplaySettings, SpeechQuery } from '../announcements';
import { EventsQuery } from '../events';
import { HostHealth } from '../health';
import { KioskPromptSpeechQuery } from '../kiosk-prompts';
import {
  PlaceCardRequest,
  SimulatedCardList,
  SimulatedKeyPress,
  SimulatedPrinterFault,
  SimulatedScanRequest,
} from '../simulator';
import { access, defineOperations, errorReplies, fileReply } from './operation';

/** 204 No Content: no body (the clients read it as null). */
const noContent = z.null();

/** The host itself, the hall display, the event stream and the demo's simulated devices. */
export const hostOperations = defineOperations({
  health: { method: 'GET', path: '/health', tags: ['host'], access: access.board, responses: { 200: HostHealth } },

  // The hall display's settings and its fallback voice. Public, like /notices: a hall TV has no
  // staff session. The speech renders only the call template (SpeechQuery refuses other text).
  displaySettings: {
    method: 'GET',
    path: '/display/settings',
    tags: ['display'],
    access: access.board,
    responses: { 200: DisplaySettings },
  },
  announcementSpeech: {
    method: 'GET',
    path: '/announcements/speech',
    tags: ['display'],
    access: access.board,
    query: SpeechQuery,
    responses: {
      200: fileReply('The announcement as a PCM WAV file, rendered by espeak-ng on the host.', 'audio/wav'),
      ...errorReplies(400, 503),
    },
  },
  // The kiosk's fallback voice: one of its fixed guidance prompts (contracts/kiosk-prompts.ts) by
  // key, rendered from the table on the host. No text is accepted, so nothing personal is ever
  // sent for speech; only this machine's kiosk page asks.
  kioskPromptSpeech: {
    method: 'GET',
    path: '/kiosk/prompts/speech',
    tags: ['kiosk'],
    access: access.kiosk,
    query: KioskPromptSpeechQuery,
    responses: {
      200: fileReply('The prompt as a PCM WAV file, rendered by espeak-ng on the host.', 'audio/wav'),
      ...errorReplies(400, 503),
    },
  },

  /**
   * The event stream (WebSocket): `hello`, then the events after `?since=` (or `resync`), then live
   * events. Not a REST operation, so not in the OpenAPI document.
   */
  events: {
    method: 'GET',
    path: '/events',
    access: access.board,
    query: EventsQuery,
    responses: {},
    hide: true,
    websocket: true,
  },

  /** The OpenAPI document built from this table's schemas. */
  openApi: { method: 'GET', path: '/openapi.json', access: access.desk, responses: {}, hide: true },

  // Demo controls: served only where a device runs simulated, so a hall with real readers has none.
  simulatedCards: {
    method: 'GET',
    path: '/simulator/idcard/cards',
    tags: ['simulator'],
    access: access.simulator,
    responses: { 200: SimulatedCardList },
  },
  placeSimulatedCard: {
    method: 'POST',
    path: '/simulator/idcard/place',
    tags: ['simulator'],
    access: access.simulator,
    body: PlaceCardRequest,
    responses: { 204: noContent, ...errorReplies(404) },
  },
  simulateScan: {
    method: 'POST',
    path: '/simulator/scanner/scan',
    tags: ['simulator'],
    access: access.simulator,
    body: SimulatedScanRequest,
    responses: { 204: noContent, ...errorReplies(404) },
  },
  pressSimulatedKey: {
    method: 'POST',
    path: '/simulator/keypad/press',
    tags: ['simulator'],
    access: access.simulator,
    body: SimulatedKeyPress,
    responses: { 204: noContent, ...errorReplies(404) },
  },
  removeSimulatedCard: {
    method: 'POST',
    path: '/simulator/idcard/remove',
    tags: ['simulator'],
    access: access.simulator,
    responses: { 204: noContent },
  },
  setSimulatedPrinterFault: {
    method: 'POST',
    path: '/simulator/printer/fault',
    tags: ['simulator'],
    access: access.simulator,
    body: SimulatedPrinterFault,
    responses: { 204: noContent, ...errorReplies(404) },
  },
});
