import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig, type HostConfigInput } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import { EventBus } from '../../../host/events/event-bus';
import { businessDay } from '../../../host/queue/schedule';
import { HallSettingsStore } from '../../../host/settings/hall-settings';
import { hallSeedOf } from '../../../host/settings/live-config';
import { migrationsDir } from '../../support/test-host';

export interface DemoHall {
  db: Db;
  config: HostConfig;
  settings: HallSettingsStore;
  dir: string;
  file: string;
  dispose(): void;
}

/** A migrated hall database seeded from a config (the demo's embedded one by default), as a first boot leaves it. */
export function openDemoHall(now: Date, config: HostConfigInput = {}): DemoHall {
  const dir = mkdtempSync(join(tmpdir(), 'demo-hall-'));
  const file = join(dir, 'hall.sqlite');
  const parsed = HostConfig.parse(config);
  const db = openDatabase(file, { migrationsDir, synchronous: 'NORMAL' });
  const settings = new HallSettingsStore({
    db,
    clock: { now: () => now },
    bus: new EventBus(),
    seed: hallSeedOf(parsed),
    businessDay: () => businessDay(now, parsed.timeZone, parsed.queue.dailyResetHour),
  });
  return {
    db,
    config: parsed,
    settings,
    dir,
    file,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
