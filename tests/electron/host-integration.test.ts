import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostConfig } from '../../contracts/config';
import { connectEvents } from '../../electron/event-socket';
import { HostClient } from '../../electron/host-client';
import { newShellToken } from '../../electron/host-launch';
import { SettingsFollower } from '../../electron/settings-follower';
import { createHost, type Host } from '../../host/app';
import { signIn, testStaffSeeds } from '../support/staff';
import { ALL_DAY_HOURS, migrationsDir } from '../support/test-host';
import { waitFor } from '../support/wait';

/**
 * Main's side of the shell against a real host (started in-process here instead of in a utility
 * process): the token header on HTTP and on the event WebSocket, the role change followed live.
 */
describe('shell-logic: main talking to a real host with a shell token', () => {
  const token = newShellToken();
  let dataDir: string;
  let host: Host;
  let origin: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hall-shell-host-'));
    host = await createHost({
      environment: 'test',
      config: HostConfig.parse({ hours: ALL_DAY_HOURS, staff: await testStaffSeeds(), devices: [] }),
      migrationsDir,
      dbFile: join(dataDir, 'hall.sqlite'),
      logLevel: 'silent',
      shellToken: token,
    });
    origin = (await host.app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  });
  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused without the token and served with it', async () => {
    expect((await fetch(`${origin}/api/v1/health`)).status).toBe(403);
    const client = new HostClient({ origin: () => origin, token });
    expect(await client.healthy()).toBe(true);
    expect((await client.settings()).role).toBe('kiosk');
    expect(await new HostClient({ origin: () => origin, token: 'guess' }).healthy()).toBe(false);
  });

  it('follows a role change over the event stream', async () => {
    const roles: string[] = [];
    const client = new HostClient({ origin: () => origin, token });
    const follower = new SettingsFollower({
      connect: () => connectEvents(origin, token),
      read: () => client.settings(),
      onChange: (next) => roles.push(next.role),
    });
    follower.start();
    await waitFor(() => (roles.length === 1 ? true : undefined), 'the first read of the settings');
    // Another local program cannot even sign in without the shell's header.
    await expect(signIn(host.app, '8001')).rejects.toThrow('403');
    host.terminalSettings.update(
      { ...host.terminalSettings.get(), role: 'display' },
      {
        staffId: null,
        atMachine: false,
        backupFolderHere: false,
      },
    );
    await waitFor(() => (roles.at(-1) === 'display' ? true : undefined), 'the role change');
    follower.stop();
    expect(roles).toEqual(['kiosk', 'display']);
  });
});
