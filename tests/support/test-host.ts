import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig, type HostConfigInput } from '../../contracts/config';
import { createHost, type Host } from '../../host/app';
import type { Clock } from '../../host/clock/clock';

/** Open around the clock, so tests on the real clock pass at any hour CI runs them. */
const allDay = [{ from: '00:00', to: '24:00' }];
export const ALL_DAY_HOURS = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

export const repoRoot = join(import.meta.dirname, '../..');
export const migrationsDir = join(repoRoot, 'db/migrations');
/** The built renderer; HALL_RENDERER_DIR lets parallel work build into its own folder. */
export const rendererDir = process.env.HALL_RENDERER_DIR ?? join(repoRoot, 'dist/renderer');

export interface TestHost extends Host {
  dataDir: string;
  dispose(): Promise<void>;
}

/** A real host on a temporary SQLite file (not listening until the test says so). */
export async function startTestHost(
  options: {
    config?: HostConfigInput;
    clock?: Clock;
    withRenderer?: boolean;
    /** Restart a host on the data of one closed before (its database, install secret). */
    dataDir?: string;
    /** As if started by the Electron shell: loopback requests must carry this x-hall-shell token. */
    shellToken?: string;
  } = {},
): Promise<TestHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hall-kiosk-test-'));
  const host = await createHost({
    environment: 'test',
    config: HostConfig.parse({
      devices: [{ id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 }],
      hours: ALL_DAY_HOURS,
      ...options.config,
    }),
    migrationsDir,
    ...(options.withRenderer ? { rendererDir } : {}),
    dbFile: join(dataDir, 'hall.sqlite'),
    secretFile: join(dataDir, 'install-secret'),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.shellToken === undefined ? {} : { shellToken: options.shellToken }),
    logLevel: 'silent',
  });
  return {
    ...host,
    dataDir,
    async dispose() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
