import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HostHealth } from '../../contracts/health';
import type { HostConfig } from '../../contracts/config';
import type { DeviceManager } from '../devices/device-manager';
import type { QueueService } from '../queue/queue-service';

export function healthRoutes(deps: {
  config: HostConfig;
  version: string;
  devices: DeviceManager;
  queue: QueueService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { schema: { tags: ['host'], response: { 200: HostHealth } } }, async () => ({
      status: 'ok' as const,
      version: deps.version,
      role: deps.config.role,
      hallName: deps.config.hallName,
      timeZone: deps.config.timeZone,
      businessDay: deps.queue.businessDay(),
      devices: deps.devices.health(),
    }));
  };
}
