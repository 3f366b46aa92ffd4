import { spawn } from 'node:child_process';
import { HostError } from '../errors/host-error';

export interface SpeechRendererOptions {
  /** The espeak-ng binary: a name on the PATH or an absolute path. */
  command?: string;
  /** espeak-ng voice (default DEFAULT_ESPEAK_VOICE). */
  voice?: string;
  /** Words a minute; slower than espeak-ng's 175 so a call carries across a hall. */
  wordsPerMinute?: number;
  /** A render that has not finished by then is killed and reported as voice_unavailable. */
  timeoutMs?: number;
  /** Rendered texts kept in memory (a hall says the same numbers and prompts many times a day). */
  cacheEntries?: number;
  /** espeak-ng voice for English texts (the kiosk's guidance in English). */
  englishVoice?: string;
}

/**
 * Mandarin with Latin letters read as pinyin. Not plain `cmn`: espeak-ng 1.51 (Debian 12) turns each
 * 汉字 into its pinyin and then reads that pinyin with English rules under `cmn` ("请" comes out as
 * English "king three"), see espeak-ng/espeak-ng#1236; `cmn-latn-pinyin` says the characters in
 * Mandarin. Our template's only Latin is the ticket letter, which it says as a Chinese speaker does.
 */
export const DEFAULT_ESPEAK_VOICE = 'cmn-latn-pinyin';
/** espeak-ng's British English, for the kiosk's English guidance. */
export const ENGLISH_ESPEAK_VOICE = 'en-gb';

/** The language a text is said in: the voice follows it. */
export type SpeechLanguage = 'zh' | 'en';

/** A WAV bigger than this is not an announcement of a few seconds: something is wrong. */
const MAX_WAV_BYTES = 4 * 1024 * 1024;
/** How long "not installed" is believed before probing again (a technician may install it meanwhile). */
const MISSING_RECHECK_MS = 60_000;

/**
 * Renders announcement texts to WAV with espeak-ng, for displays whose browser has no Chinese voice.
 * The text goes to espeak-ng on stdin (never as an argument, never through a shell) and callers pass
 * only texts the announcement template built; renders run one at a time, a text already being
 * rendered is awaited rather than rendered twice, and results are cached by text.
 */
export class SpeechRenderer {
  private readonly command: string;
  private readonly voice: string;
  private readonly englishVoice: string;
  private readonly wordsPerMinute: number;
  private readonly timeoutMs: number;
  private readonly cacheEntries: number;
  private readonly cache = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private queue: Promise<unknown> = Promise.resolve();
  private probe: { result: Promise<boolean>; at: number } | null = null;

  constructor(
    options: SpeechRendererOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.command = options.command ?? 'espeak-ng';
    this.voice = options.voice ?? DEFAULT_ESPEAK_VOICE;
    this.englishVoice = options.englishVoice ?? ENGLISH_ESPEAK_VOICE;
    this.wordsPerMinute = options.wordsPerMinute ?? 140;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.cacheEntries = options.cacheEntries ?? 128;
  }

  /** Whether espeak-ng runs here (`espeak-ng --version` exits 0). */
  available(): Promise<boolean> {
    const stale = this.probe !== null && this.now() - this.probe.at > MISSING_RECHECK_MS;
    if (this.probe === null || stale) {
      const result = runVersion(this.command, this.timeoutMs);
      this.probe = { result, at: this.now() };
      // A positive answer holds for the host's lifetime; a negative one is re-probed after a while.
      void result.then((ok) => {
        if (ok && this.probe?.result === result) this.probe = { result, at: Number.POSITIVE_INFINITY };
      });
    }
    return this.probe.result;
  }

  /** The WAV of `text` said in `language` (a RIFF file with correct lengths); throws HostError voice_unavailable. */
  async render(text: string, language: SpeechLanguage = 'zh'): Promise<Buffer> {
    const voice = language === 'en' ? this.englishVoice : this.voice;
    const key = `${voice}\n${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Least recently used goes first: re-insert to mark it used.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const job = this.queue.then(async () => {
      if (!(await this.available())) throw new HostError('voice_unavailable', '主机未安装 espeak-ng，不能合成语音');
      return this.spawnRender(text, voice);
    });
    // The next render waits for this one, whether it succeeds or not.
    this.queue = job.catch(() => undefined);
    this.inFlight.set(key, job);
    try {
      const wav = await job;
      this.remember(key, wav);
      return wav;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, wav: Buffer): void {
    this.cache.set(key, wav);
    while (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private spawnRender(text: string, voice: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const failed = (why: string) => reject(new HostError('voice_unavailable', `语音合成失败: ${why}`));
      const child = spawn(this.command, ['-v', voice, '-s', String(this.wordsPerMinute), '-b', '1', '--stdout'], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        failed('timed out');
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_WAV_BYTES) {
          child.kill('SIGKILL');
          return;
        }
        chunks.push(chunk);
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        failed(err.message);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code !== 0) return failed(`espeak-ng exited with ${code ?? 'a signal'}`);
        const wav = withWavLengths(Buffer.concat(chunks));
        if (wav === null) return failed('espeak-ng wrote no WAV');
        resolve(wav);
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(text, 'utf8');
    });
  }
}

function runVersion(command: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, ['--version'], { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(false);
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/**
 * espeak-ng writing to a pipe cannot seek back, so its RIFF and data lengths say "unknown"
 * (0x7FFFFFFF-ish); some players then refuse the file or wait for more. Writes the real ones.
 * Returns null when the bytes are not a canonical 44-byte-header PCM WAV.
 */
export function withWavLengths(wav: Buffer): Buffer | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return null;
  if (wav.toString('ascii', 36, 40) !== 'data') return null;
  const fixed = Buffer.from(wav);
  fixed.writeUInt32LE(fixed.length - 8, 4);
  fixed.writeUInt32LE(fixed.length - 44, 40);
  return fixed;
}
