import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostConfigInput } from '../../../contracts/config';
import { BackupList, RestorePreview } from '../../../contracts/backups';
import { IssueTicketResponse } from '../../../contracts/queue';
import type { Clock } from '../../../host/clock/clock';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/** A host whose terminal settings name a backup folder of its own (a stand-in for the USB disk). */
export interface BackupHost {
  host: TestHost;
  folder: string;
  /** Closes the host and starts it again on the same data folder (what host/main.ts does on a restart). */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startBackupHost(
  options: { config?: HostConfigInput; clock?: Clock; folder?: string } = {},
): Promise<BackupHost> {
  const scratch = mkdtempSync(join(tmpdir(), 'hall-backup-test-'));
  const folder = options.folder ?? join(scratch, 'usb');
  mkdirSync(folder, { recursive: true });
  const config: HostConfigInput = {
    staff: await testStaffSeeds(),
    hallId: 'hall-07',
    ...options.config,
    backup: { folder, ...options.config?.backup },
  };
  const start = (dataDir?: string) =>
    startTestHost({ config, ...(options.clock ? { clock: options.clock } : {}), ...(dataDir ? { dataDir } : {}) });
  const state: BackupHost = {
    host: await start(),
    folder,
    async restart() {
      const { dataDir } = state.host;
      await state.host.close();
      state.host = await start(dataDir);
    },
    async dispose() {
      await state.host.dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  return state;
}

export const technician = (host: TestHost) => signIn(host.app, '8001');

export async function backUpNow(host: TestHost): Promise<BackupList> {
  const res = await host.app.inject({ method: 'POST', url: '/api/v1/backups', headers: await technician(host) });
  if (res.statusCode !== 200) throw new Error(`backup failed: ${res.statusCode} ${res.body}`);
  return BackupList.parse(res.json());
}

export async function listBackups(host: TestHost): Promise<BackupList> {
  return BackupList.parse((await host.app.inject({ url: '/api/v1/backups', headers: await technician(host) })).json());
}

export async function preview(host: TestHost, name: string): Promise<RestorePreview> {
  const res = await host.app.inject({
    method: 'POST',
    url: `/api/v1/backups/${name}/restore-preview`,
    headers: await technician(host),
  });
  if (res.statusCode !== 200) throw new Error(`preview failed: ${res.statusCode} ${res.body}`);
  return RestorePreview.parse(res.json());
}

/** Issues a ticket at the kiosk without a card; returns its number. */
export async function issue(host: TestHost, serviceCode = 'business-startup'): Promise<string> {
  const res = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
  return IssueTicketResponse.parse(res.json()).ticket.number;
}
