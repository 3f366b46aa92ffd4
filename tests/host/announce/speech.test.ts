import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../sync/support';
import { DisplaySettings, announcementText, speechPath } from '../../../contracts/announcements';
import { HostConfig } from '../../../contracts/config';
import { ApiError } from '../../../contracts/errors';
import { DEFAULT_ESPEAK_VOICE, SpeechRenderer, withWavLengths } from '../../../host/announce/speech-renderer';
import { installErrorHandling } from '../../../host/api/errors';
import { announceRoutes } from '../../../host/api/routes-announce';
import { systemClock } from '../../../host/clock/clock';
import { startTestHost, type TestHost } from '../../support/test-host';

const ESPEAK = (spawnSync('which', ['espeak-ng'], { encoding: 'utf8' }).stdout ?? '').trim();
const NO_ESPEAK =
  'SKIPPED: espeak-ng is not installed on this machine (apt-get install espeak-ng, as .ci/run does): ' +
  'the host-rendered fallback voice of the hall display is NOT tested here';
if (!ESPEAK) console.warn(`\n\n!!! ${NO_ESPEAK} !!!\n`);

const A012 = announcementText('A012', 3);
const url = (text: string) => `/api/v1${speechPath(text)}`;
/** The test's name, with the loud reason when it is skipped. */
const needsEspeak = (name: string) => (ESPEAK ? name : `${name} — ${NO_ESPEAK}`);

/** The announce routes alone, with a chosen renderer (the host builds its own on the PATH's espeak-ng). */
async function announceApp(speech: SpeechRenderer, display: Partial<HostConfig['display']> = {}) {
  const config = HostConfig.parse({ hallName: '测试政务服务中心', display });
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(announceRoutes({ config, speech, clock: systemClock }), { prefix: '/api/v1' });
  return app;
}

/** Parses the canonical 44-byte PCM header and checks its lengths agree with the bytes. */
function wavFacts(wav: Buffer) {
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
  expect(wav.toString('ascii', 36, 40)).toBe('data');
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
  const byteRate = wav.readUInt32LE(28);
  return { seconds: (wav.length - 44) / byteRate, sampleRate: wav.readUInt32LE(24) };
}

describe('the hall display settings and its fallback voice (GET /display/settings, /announcements/speech)', () => {
  // The display judges how old a call is by the host's clock: the settings must carry that clock.
  const hostClock = new ManualClock(Date.parse('2026-11-27T02:00:00Z'));
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ clock: hostClock, config: { hallName: '测试政务服务中心', display: { announceRepeat: 3 } } });
  });
  afterAll(async () => {
    await host.dispose();
  });

  it('gives the display its hall, repeat count, voice mode, list length and the host clock', async () => {
    const res = await host.app.inject({ url: '/api/v1/display/settings' });
    const settings = DisplaySettings.parse(res.json());
    expect(settings).toMatchObject({ hallName: '测试政务服务中心', announceRepeat: 3, voice: 'browser', recentCalls: 6 });
    expect(settings.hostSpeech).toBe(Boolean(ESPEAK));
    expect(settings.now).toBe(hostClock.now().toISOString());
  });

  it('defaults: each call said twice, browser voice first', () => {
    expect(HostConfig.parse({}).display).toEqual({ announceRepeat: 2, voice: 'browser', recentCalls: 6 });
    expect(HostConfig.safeParse({ display: { voice: 'loud' } }).success).toBe(false);
    expect(HostConfig.safeParse({ display: { announceRepeat: 0 } }).success).toBe(false);
  });

  it.each(['大家好', '请A零一二号，到三号窗口办理。现在下班', '请A012号，到3号窗口办理', 'x'.repeat(65)])(
    'refuses to speak anything but the call template: %j',
    async (text) => {
      const res = await host.app.inject({ url: url(text) });
      expect(res.statusCode).toBe(400);
      expect(ApiError.parse(res.json()).error.code).toBe('invalid_request');
    },
  );

  it('refuses a request without text', async () => {
    const res = await host.app.inject({ url: '/api/v1/announcements/speech' });
    expect(res.statusCode).toBe(400);
  });

  it.skipIf(!ESPEAK)(needsEspeak('renders the call as a real WAV in Mandarin (espeak-ng installed)'), async () => {
    const res = await host.app.inject({ url: url(A012) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['cache-control']).toContain('max-age');
    const facts = wavFacts(res.rawPayload);
    // 请A零一二号，到三号窗口办理 takes a couple of seconds at a hall's pace.
    expect(facts.seconds).toBeGreaterThan(1.5);
    expect(facts.seconds).toBeLessThan(10);
    // Every syllable in Mandarin phonemes: the voice never switches to English rules (espeak-ng#1236).
    const phonemes = execFileSync(ESPEAK, ['-v', DEFAULT_ESPEAK_VOICE, '-b', '1', '-q', '-x'], { input: A012, encoding: 'utf8' });
    expect(phonemes).not.toContain('(en)');
    // One syllable per character: 请 A 零 一 二 号 到 三 号 窗 口 办 理.
    expect(phonemes.split('_|').filter((p) => p.trim() !== '').length).toBe(13);
  });
});

describe('the speech renderer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-speech-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers voice_unavailable (503) when espeak-ng is not installed, and says so in the settings', async () => {
    const app = await announceApp(new SpeechRenderer({ command: join(dir, 'no-such-espeak-ng') }));
    const res = await app.inject({ url: url(A012) });
    expect(res.statusCode).toBe(503);
    expect(ApiError.parse(res.json()).error.code).toBe('voice_unavailable');
    const settings = DisplaySettings.parse((await app.inject({ url: '/api/v1/display/settings' })).json());
    expect(settings.hostSpeech).toBe(false);
    await app.close();
  });

  it('answers voice_unavailable when espeak-ng hangs (killed after the timeout)', async () => {
    const hanging = join(dir, 'hanging-espeak');
    const pidFile = join(dir, 'hanging-espeak.pid');
    writeFileSync(hanging, `#!/bin/sh\n[ "$1" = "--version" ] && exit 0\necho $$ > ${pidFile}\nexec sleep 30\n`);
    chmodSync(hanging, 0o755);
    const app = await announceApp(new SpeechRenderer({ command: hanging, timeoutMs: 300 }));
    const res = await app.inject({ url: url(A012) });
    expect(res.statusCode).toBe(503);
    // The hung render was killed, not left running (signal 0 only asks whether it still exists).
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive).toBe(false);
    await app.close();
  });

  it.skipIf(!ESPEAK)(
    needsEspeak('renders each text once: concurrent requests share a render, repeats come from the cache'),
    async () => {
      // A wrapper that logs each render, so the test can count espeak-ng runs.
      const log = join(dir, 'renders.log');
      const counting = join(dir, 'counting-espeak');
      writeFileSync(counting, `#!/bin/sh\n[ "$1" = "--version" ] || echo run >> '${log}'\nexec '${ESPEAK}' "$@"\n`);
      chmodSync(counting, 0o755);
      writeFileSync(log, '');
      const app = await announceApp(new SpeechRenderer({ command: counting }));
      const [a, b] = await Promise.all([app.inject({ url: url(A012) }), app.inject({ url: url(A012) })]);
      const c = await app.inject({ url: url(A012) });
      expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
      expect(b.rawPayload.equals(a.rawPayload)).toBe(true);
      expect(c.rawPayload.equals(a.rawPayload)).toBe(true);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['run']);
      // Another call is another render.
      const other = await app.inject({ url: url(announcementText('C105', 12)) });
      expect(other.statusCode).toBe(200);
      expect(other.rawPayload.equals(a.rawPayload)).toBe(false);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['run', 'run']);
      await app.close();
    },
  );

  it('writes the real lengths into a WAV streamed with unknown ones, and refuses what is not a WAV', () => {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(0x7ffff024, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(22050, 24);
    header.writeUInt32LE(44100, 28);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(0x7ffff000, 40);
    const fixed = withWavLengths(Buffer.concat([header, Buffer.alloc(44100)]));
    if (!fixed) throw new Error('expected a WAV');
    expect(wavFacts(fixed).seconds).toBe(1);
    expect(withWavLengths(Buffer.from('not a wav at all, just some text long enough to pass 44 bytes'))).toBeNull();
  });
});
