import { pino, type Level, type LevelWithSilent, type StreamEntry } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogRing } from './log-ring';
import { logRedactPaths } from './redact';
import { ringDestination } from './ring-destination';

export interface HostLogOptions {
  /** What reaches the output stream (stdout by default); `silent` writes nothing there. */
  level: LevelWithSilent;
  /** The output stream; stdout when omitted. */
  stream?: NodeJS.WritableStream | undefined;
  /** The technician console's buffer: it keeps `info` and above (`debug` when the host logs at debug). */
  ring: LogRing;
  /**
   * `json`: one structured line per record, for a hall's log collector (production, tests).
   * `lines`: a short readable line (time, level, message) for someone watching `npm start`.
   */
  format: 'json' | 'lines';
}

/**
 * The host logger's options for Fastify: one pino logger, the redact paths, and two
 * destinations: the output stream at the configured level and the in-memory ring for the
 * console, which keeps info lines even when the output is quieter (tests run silent).
 */
export function hostLoggerOptions(o: HostLogOptions) {
  const ringLevel: Level = o.level === 'debug' || o.level === 'trace' ? o.level : 'info';
  const streams: StreamEntry[] = [{ level: ringLevel, stream: ringDestination(o.ring) }];
  if (o.level !== 'silent') {
    const out = o.stream ?? pino.destination(1);
    // The readable lines come from the same redacted records as the JSON (pino-pretty formats them).
    const stream =
      o.format === 'lines'
        ? PinoPretty({
            destination: out,
            colorize: false,
            singleLine: true,
            translateTime: 'SYS:HH:MM:ss',
            ignore: 'pid,hostname,reqId',
          })
        : out;
    streams.push({ level: o.level, stream });
  }
  return {
    // The ring's level is never above the output's: the logger lets it through, each destination filters.
    level: ringLevel,
    redact: { paths: logRedactPaths, censor: '[redacted]' },
    stream: pino.multistream(streams),
  };
}
