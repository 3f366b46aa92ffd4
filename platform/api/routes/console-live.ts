import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { LiveService } from '../../services/live-service';
import { consoleRouter } from '../console-route';

export interface ConsoleLiveRoutesOptions {
  live: LiveService;
}

/** 实时: every registered hall with its latest snapshot, for any signed-in district role. */
export const consoleLiveRoutes: FastifyPluginAsync<ConsoleLiveRoutesOptions> = async (plain, { live }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());
  route(ops.live, async () => live.halls());
};
