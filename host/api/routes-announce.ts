import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { HostConfig } from '../../contracts/config';
import { kioskPromptText } from '../../contracts/kiosk-prompts';
import type { SpeechRenderer } from '../announce/speech-renderer';
import type { Clock } from '../clock/clock';
import { router } from './route';

export interface AnnounceRouteDeps {
  config: HostConfig;
  speech: SpeechRenderer;
  clock: Clock;
}

/**
 * The hall display's settings and its fallback voice: both public, like /notices (a hall TV has no
 * staff session). The speech route renders only the call template (SpeechQuery refuses any other
 * text), so it cannot be used to make the hall say anything else. And the kiosk's fallback voice:
 * one of its fixed guidance prompts by key, to this machine's kiosk page only.
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

    // The kiosk's fallback voice: the sentence comes from the prompt table, never from the request.
    route(operations.kioskPromptSpeech, async (req, reply) => {
      const { lang, ...prompt } = req.query;
      const wav = await speech.render(kioskPromptText(prompt, lang), lang);
      // A prompt's audio changes only with a new build: the kiosk's browser may keep it a day.
      return reply.type('audio/wav').header('cache-control', 'private, max-age=86400').send(wav);
    });
  };
}
