import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationUrl, operations } from '../../../contracts/api';
import { ApiError } from '../../../contracts/errors';
import type { KioskPromptSpeechQuery } from '../../../contracts/kiosk-prompts';
import { LAN_CLIENT, pairTerminal } from '../../security/support';
import { testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

const ESPEAK = (spawnSync('which', ['espeak-ng'], { encoding: 'utf8' }).stdout ?? '').trim();
const NO_ESPEAK =
  'SKIPPED: espeak-ng is not installed on this machine (apt-get install espeak-ng, as .ci/run does): ' +
  'the kiosk prompts rendered by the host are NOT tested here';
const needsEspeak = (name: string) => (ESPEAK ? name : `${name} — ${NO_ESPEAK}`);

const url = (query: KioskPromptSpeechQuery) => operationUrl(operations.kioskPromptSpeech, { query });
/** Seconds of sound in a canonical 44-byte-header PCM WAV. */
const seconds = (wav: Buffer) => (wav.length - 44) / wav.readUInt32LE(28);

describe('the kiosk’s fallback voice (GET /kiosk/prompts/speech)', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterAll(async () => {
    await host.dispose();
  });

  it.skipIf(!ESPEAK)(needsEspeak('renders a prompt from the table, in Chinese and in English, as a real WAV'), async () => {
    for (const query of [
      { key: 'ticketTaken', number: 'A012', lang: 'zh' },
      { key: 'home', lang: 'en' },
    ] as const) {
      const res = await host.app.inject({ url: url(query) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('audio/wav');
      expect(res.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
      expect(seconds(res.rawPayload)).toBeGreaterThan(0.8);
      expect(seconds(res.rawPayload)).toBeLessThan(15);
    }
  });

  it.each([
    ['a text instead of a key', '/api/v1/kiosk/prompts/speech?text=%E5%BC%A0%E4%B8%89%E6%82%A8%E5%A5%BD&lang=zh'],
    ['a text beside a key', '/api/v1/kiosk/prompts/speech?key=home&lang=zh&text=%E5%BC%A0%E4%B8%89'],
    ['a key not in the table', '/api/v1/kiosk/prompts/speech?key=hello&lang=zh'],
    ['a name where the ticket number goes', '/api/v1/kiosk/prompts/speech?key=ticketTaken&lang=zh&number=%E5%BC%A0%E4%B8%89'],
    [
      'an ID number where the ticket number goes',
      '/api/v1/kiosk/prompts/speech?key=ticketTaken&lang=zh&number=110105194912310029',
    ],
    ['a prompt without its number', '/api/v1/kiosk/prompts/speech?key=ticketTaken&lang=zh'],
    ['a parameter the prompt does not take', '/api/v1/kiosk/prompts/speech?key=home&lang=zh&number=A012'],
    ['no language', '/api/v1/kiosk/prompts/speech?key=home'],
    ['another flow’s problem', '/api/v1/kiosk/prompts/speech?key=stewardProblem&lang=zh&problem=appointment_expired'],
  ])('refuses %s (400, nothing rendered)', async (_what, path) => {
    const res = await host.app.inject({ url: path });
    expect(res.statusCode).toBe(400);
    expect(ApiError.parse(res.json()).error.code).toBe('invalid_request');
  });

  it('admits this machine’s kiosk page only: a hall TV, a counter PC and an unpaired LAN browser are refused', async () => {
    const path = url({ key: 'home', lang: 'zh' });
    for (const kind of ['display', 'counter']) {
      const token = await pairTerminal(host.app, kind);
      const res = await host.app.inject({ url: path, headers: { 'x-terminal-token': token }, remoteAddress: LAN_CLIENT });
      expect(res.statusCode, kind).toBe(403);
      expect(ApiError.parse(res.json()).error.code).toBe('terminal_forbidden');
    }
    const stranger = await host.app.inject({ url: path, remoteAddress: '192.168.10.99' });
    expect(stranger.statusCode).toBe(401);
  });
});
