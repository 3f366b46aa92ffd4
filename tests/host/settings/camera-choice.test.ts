import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CameraChoiceView } from '../../../contracts/camera';
import type { HallEvent } from '../../../contracts/events';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

describe('the kiosk’s document camera choice (高拍仪, by label)', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const read = async () => CameraChoiceView.parse((await host.app.inject({ url: '/api/v1/terminal/camera' })).json());
  const save = async (payload: object, staffNo = '8001') =>
    host.app.inject({ method: 'PUT', url: '/api/v1/terminal/camera', headers: await signIn(host.app, staffNo), payload });

  it('starts with no camera, so the kiosk keeps its tick list', async () => {
    expect(await read()).toEqual({ label: null });
  });

  it('is chosen by a technician, trimmed, audited, announced to the kiosk and kept across a restart', async () => {
    const seen: HallEvent[] = [];
    host.bus.subscribe((event) => seen.push(event));
    const res = await save({ label: '  USB Document Camera (1bcf:2c99) ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await read()).toEqual({ label: 'USB Document Camera (1bcf:2c99)' });
    expect(seen.some((e) => e.type === 'settings.changed' && e.scope === 'terminal')).toBe(true);
    const audit = host.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.camera'").all() as {
      details: string;
    }[];
    expect(audit.map((row) => JSON.parse(row.details) as unknown)).toEqual([{ camera: 'USB Document Camera (1bcf:2c99)' }]);

    const { dataDir } = host;
    await host.close();
    host = await startTestHost({ dataDir, config: { staff: await testStaffSeeds() } });
    expect(await read()).toEqual({ label: 'USB Document Camera (1bcf:2c99)' });
    // No camera again: the hall took it away.
    expect((await save({ label: null })).statusCode).toBe(200);
    expect(await read()).toEqual({ label: null });
  });

  it('refuses a label that is no label, and anyone but a technician', async () => {
    for (const label of ['', '   ', 'x'.repeat(201), 42]) {
      const res = await save({ label });
      expect(res.statusCode, String(label)).toBe(400);
    }
    // A supervisor, a clerk, nobody signed in: the camera stays as it was (a hall TV: tests/security).
    for (const staffNo of ['9001', '1001']) expect((await save({ label: 'Other' }, staffNo)).statusCode).toBe(403);
    const anonymous = await host.app.inject({ method: 'PUT', url: '/api/v1/terminal/camera', payload: { label: 'Other' } });
    expect(anonymous.statusCode).toBe(401);
    expect(await read()).toEqual({ label: null });
  });
});
