import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { BackupHealth } from '../../contracts/backups';
import type { StorageHealth } from '../../contracts/health';
import type { HostConfig } from '../../contracts/config';
import { CARD_KINDS_WITH_ADDRESS } from '../../hardware/idcard';
import type { DeviceManager } from '../devices/device-manager';
import type { QueueService } from '../queue/queue-service';
import type { HallLinkStatus } from '../../contracts/hall-link';
import type { TerminalSettings } from '../../contracts/terminal-settings';
import { router } from './route';

export function healthRoutes(deps: {
  config: HostConfig;
  version: string;
  devices: DeviceManager;
  queue: QueueService;
  terminal: () => TerminalSettings;
  hallLink: () => HallLinkStatus;
  storage: () => StorageHealth;
  backup: () => BackupHealth;
}): FastifyPluginAsyncZod {
  return async (app) => {
    router(app)(operations.health, async () => ({
      status: 'ok' as const,
      version: deps.version,
      role: deps.terminal().role,
      hallName: deps.config.hallName,
      timeZone: deps.config.timeZone,
      cardKindsWithAddress: [...CARD_KINDS_WITH_ADDRESS],
      businessDay: deps.queue.businessDay(),
      devices: deps.devices.health(),
      hallLink: deps.hallLink(),
      storage: deps.storage(),
      backup: deps.backup(),
    }));
  };
}
