import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DisplaySettings, SpeechQuery } from '../../contracts/announcements';
import type { HostConfig } from '../../contracts/config';
import { ApiError } from '../../contracts/errors';
import type { SpeechRenderer } from '../announce/speech-renderer';
import type { Clock } from '../clock/clock';

export interface AnnounceRouteDeps {
  config: HostConfig;
  speech: SpeechRenderer;
  clock: Clock;
}

/**
 * The hall display's settings and its fallback voice. Both are public, like /notices: a hall TV
 * has no staff session. The speech route renders only the call template (SpeechQuery refuses any
 * other text), so it cannot be used to make the hall say anything else.
 */
export function announceRoutes(deps: AnnounceRouteDeps): FastifyPluginAsyncZod {
  const { config, speech, clock } = deps;
  return async (app) => {
    app.get('/display/settings', { schema: { tags: ['display'], response: { 200: DisplaySettings } } }, async () => ({
      hallName: config.hallName,
      timeZone: config.timeZone,
      announceRepeat: config.display.announceRepeat,
      voice: config.display.voice,
      recentCalls: config.display.recentCalls,
      hostSpeech: config.display.voice !== 'off' && (await speech.available()),
      now: clock.now().toISOString(),
    }));

    app.get(
      '/announcements/speech',
      {
        schema: {
          tags: ['display'],
          querystring: SpeechQuery,
          response: {
            200: {
              description: 'The announcement as a PCM WAV file, rendered by espeak-ng on the host.',
              content: { 'audio/wav': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) } },
            },
            400: ApiError,
            503: ApiError,
          },
        },
      },
      async (req, reply) => {
        const wav = await speech.render(req.query.text);
        // Same text, same audio for the host's lifetime: the display's browser may keep it a day.
        return reply.type('audio/wav').header('cache-control', 'public, max-age=86400').send(wav);
      },
    );
  };
}
