import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { HostConfig } from '../../contracts/config';
import type { SpeechRenderer } from '../announce/speech-renderer';
import type { Clock } from '../clock/clock';
import { router } from './route';

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
    const route = router(app);

    route(operations.displaySettings, async () => ({
      hallName: config.hallName,
      timeZone: config.timeZone,
      announceRepeat: config.display.announceRepeat,
      voice: config.display.voice,
      recentCalls: config.display.recentCalls,
      hostSpeech: config.display.voice !== 'off' && (await speech.available()),
      now: clock.now().toISOString(),
    }));

    route(operations.announcementSpeech, async (req, reply) => {
      const wav = await speech.render(req.query.text);
      // Same text, same audio for the host's lifetime: the display's browser may keep it a day.
      return reply.type('audio/wav').header('cache-control', 'public, max-age=86400').send(wav);
    });
  };
}
