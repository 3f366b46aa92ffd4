import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { LogList } from '../../../contracts/logs';
import { simulatedCards } from '../../../hardware/idcard';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** GET /api/v1/logs: the host's recent lines, kept in memory and masked, for the technician console. */
describe('GET /api/v1/logs', () => {
  let host: TestHost;
  const card = simulatedCards.zhangSan;
  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds() } });
  });
  afterAll(async () => {
    await host.dispose();
  });

  const logs = async (headers: { authorization: string }, query = '') => {
    const res = await host.app.inject({ url: `/api/v1/logs${query}`, headers });
    expect(res.statusCode).toBe(200);
    return LogList.parse(res.json());
  };

  it('is for technicians and supervisors: 401 without a token, 403 for window staff', async () => {
    expect((await host.app.inject({ url: '/api/v1/logs' })).statusCode).toBe(401);
    const staff = await signIn(host.app, '1001');
    const refused = await host.app.inject({ url: '/api/v1/logs', headers: staff });
    expect(refused.statusCode).toBe(403);
    expect(ApiError.parse(refused.json()).error.code).toBe('forbidden');
    expect((await logs(await signIn(host.app, '9001'))).entries.length).toBeGreaterThan(0);
  });

  it('shows the device status lines of the host (logged at info even when the output is silent)', async () => {
    const tech = await signIn(host.app, '8001');
    const list = await waitFor(async () => {
      const l = await logs(tech);
      return l.entries.some((e) => e.msg === 'device status' && e.context.device === 'idcard-1') ? l : undefined;
    }, 'a device status line');
    const line = list.entries.find((e) => e.msg === 'device status');
    expect(line).toMatchObject({ level: 'info', context: { device: 'idcard-1' } });
  });

  // Names and addresses are masked by their keys; in free text only ID and phone numbers can be recognised.
  it('never shows a citizen’s ID number, name, address or phone, even when code logs them by mistake', async () => {
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'identity');
    // A careless line, as a future handler might write it: the ring masks it on the way in.
    host.app.log.warn(
      { citizen: { name: card.name, idNumber: card.idNumber, address: card.address }, contactPhone: '13912345678' },
      `read ${card.idNumber}, phone 13912345678`,
    );
    const tech = await signIn(host.app, '8001');
    const list = await logs(tech, '?level=warn');
    const careless = list.entries.find((e) => e.msg.startsWith('read '));
    expect(careless?.msg).toBe('read 110105********0019, phone 139****5678');
    const text = JSON.stringify((await logs(tech)).entries);
    for (const secret of [card.name, card.idNumber, card.address, '13912345678']) expect(text).not.toContain(secret);
    expect(careless?.context).toMatchObject({
      'citizen.name': '[redacted]',
      'citizen.idNumber': '[redacted]',
      contactPhone: '[redacted]',
    });
    host.devices.placeSimulatedCard(null);
  });

  it('filters by lowest level, by sequence and by limit', async () => {
    const tech = await signIn(host.app, '8001');
    host.app.log.error('a test error line');
    const errors = await logs(tech, '?level=error');
    expect(errors.entries.every((e) => e.level === 'error' || e.level === 'fatal')).toBe(true);
    expect(errors.entries.at(-1)?.msg).toBe('a test error line');
    const last = errors.entries.at(-1)?.seq ?? 0;
    host.app.log.info('after the error');
    expect((await logs(tech, `?after=${last}`)).entries.map((e) => e.msg)).toContain('after the error');
    expect((await logs(tech, '?limit=1')).entries).toHaveLength(1);
    expect((await host.app.inject({ url: '/api/v1/logs?level=loud', headers: tech })).statusCode).toBe(400);
  });
});
