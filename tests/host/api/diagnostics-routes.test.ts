import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseFacts, DiagnosticsHostInfo } from '../../../contracts/diagnostics';
import { ApiError } from '../../../contracts/errors';
import { LogEntry } from '../../../contracts/logs';
import { ClaimPairingResponse, PairingCode } from '../../../contracts/pairing';
import { SyncStatus } from '../../../contracts/sync';
import { simulatedCards } from '../../../hardware/idcard';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { ManualClock } from '../sync/support';

const CENTRAL_TOKEN = 'central-api-token-do-not-leak-7f3a';
const PHONE = '13912345678';
const FILES = [
  'README.txt',
  'host.json',
  'config.json',
  'devices.json',
  'sync.json',
  'terminals.json',
  'logs.ndjson',
  'audit.ndjson',
  'database.json',
];

/**
 * GET /api/v1/diagnostics on a hall that has seen a day's work: a citizen's card read, a case
 * submitted with a phone number, staff signed in, a terminal paired. The bundle must help
 * support and hold none of it.
 */
describe('GET /api/v1/diagnostics', () => {
  let host: TestHost;
  const card = simulatedCards.zhangSan;
  const secrets: string[] = [];
  let tech: { authorization: string };

  beforeAll(async () => {
    const staff = await testStaffSeeds();
    host = await startTestHost({
      // 10:00 in Beijing on 27 November 2026: the file name is on the hall's clock.
      clock: new ManualClock(Date.parse('2026-11-27T02:00:00Z')),
      config: {
        staff,
        hallId: 'hall-77',
        // Nothing answers on port 9; one failure opens the breaker, so the case waits in the outbox.
        centralApi: { url: 'http://127.0.0.1:9', token: CENTRAL_TOKEN },
        sync: { breaker: { failureThreshold: 1, openMs: 3_600_000 } },
      },
    });
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'identity');
    expect(
      (await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'livelihood' } })).statusCode,
    ).toBe(201);
    const catalog = (await host.app.inject({ url: '/api/v1/catalog' })).json() as { items: { code: string; category: string }[] };
    const item = catalog.items.find((i) => i.category === 'livelihood');
    const submitted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: item?.code, form: { phone: PHONE, address: '示例路1号', residenceAddress: '示例路2号' } },
    });
    expect(submitted.statusCode).toBe(201);
    host.devices.placeSimulatedCard(null);

    const window1 = host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
    const clerk = await signIn(host.app, '1001', window1);
    tech = await signIn(host.app, '8001');
    const code = PairingCode.parse(
      (await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: tech })).json(),
    );
    const paired = ClaimPairingResponse.parse(
      (
        await host.app.inject({
          method: 'POST',
          url: '/api/v1/pairing/claim',
          payload: { code: code.code, name: '二楼叫号屏', kind: 'host' },
        })
      ).json(),
    );
    secrets.push(
      card.name,
      card.idNumber,
      card.idNumber.slice(6, 14),
      card.address,
      PHONE,
      '示例路1号',
      '示例路2号',
      CENTRAL_TOKEN,
      paired.token,
      createHash('sha256').update(paired.token).digest('hex'),
      code.code,
      clerk.authorization.slice('Bearer '.length),
      tech.authorization.slice('Bearer '.length),
      ...staff.flatMap((s) => [s.name, s.pinHash]),
      // The card's photo (WLT, starting 57 4C 66 00 7E 00) in hex and base64.
      '574c66007e00',
      Buffer.from([0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00]).toString('base64'),
    );
  });
  afterAll(async () => {
    await host.dispose();
  });

  const download = (headers: Record<string, string> = {}) => host.app.inject({ url: '/api/v1/diagnostics', headers });

  it('is for technicians only: 401 without a token, 403 for window staff and for supervisors', async () => {
    expect((await download()).statusCode).toBe(401);
    const clerk = await download(await signIn(host.app, '1001'));
    expect(clerk.statusCode).toBe(403);
    expect(ApiError.parse(clerk.json()).error.code).toBe('forbidden');
    expect((await download(await signIn(host.app, '9001'))).statusCode).toBe(403);
    // Supervisors still read the logs.
    expect((await host.app.inject({ url: '/api/v1/logs', headers: await signIn(host.app, '9001') })).statusCode).toBe(200);
  });

  it('is a zip named after the hall and the hall’s time, with a README and every file; the download is audited', async () => {
    const auditedBefore = host.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'diagnostics.download'").get() as {
      n: number;
    };
    const res = await download(tech);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hall-kiosk-diagnostics-hall-77-20261127-1000.zip"');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual([...FILES].sort());
    const readme = strFromU8(files['README.txt'] ?? new Uint8Array());
    for (const name of FILES.filter((f) => f !== 'README.txt')) expect(readme).toContain(name);
    const audited = host.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'diagnostics.download'").get() as {
      n: number;
    };
    expect(audited.n).toBe(auditedBefore.n + 1);
  });

  it('tells support what runs, how it is set up, and how the devices, sync, terminals and database are', async () => {
    const files = unzipSync(new Uint8Array((await download(tech)).rawPayload));
    const read = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const readJson = (name: string): unknown => JSON.parse(read(name));

    const info = DiagnosticsHostInfo.parse(readJson('host.json'));
    expect(info).toMatchObject({
      node: process.versions.node,
      electron: null,
      platform: process.platform,
      hallId: 'hall-77',
      terminalId: 'kiosk-01',
      businessDay: '2026-11-27',
      lanEnabled: false,
      listen: ['127.0.0.1:7300'],
      role: 'kiosk',
    });

    const config = readJson('config.json') as Record<string, unknown>;
    expect(config.staff).toEqual({ configured: 3, byRole: { staff: 1, supervisor: 1, technician: 1 } });
    expect(config.centralApi).toEqual({ url: 'http://127.0.0.1:9/', timeoutMs: 10_000, tokenSet: true });
    expect(config.hallId).toBe('hall-77');

    const devices = readJson('devices.json') as { devices: { config: { id: string }; health: { state: string } }[] };
    expect(devices.devices.map((d) => [d.config.id, d.health.state])).toEqual([['idcard-1', 'ok']]);

    const sync = SyncStatus.parse(readJson('sync.json'));
    const live = SyncStatus.parse((await host.app.inject({ url: '/api/v1/sync/status', headers: tech })).json());
    expect(sync.records.map((r) => r.recordId)).toEqual(live.records.map((r) => r.recordId));
    expect(sync.pending).toBe(1);

    const terminals = readJson('terminals.json') as { terminals: Record<string, unknown>[] };
    expect(terminals.terminals).toHaveLength(1);
    expect(terminals.terminals[0]).toMatchObject({ name: '二楼叫号屏', kind: 'host', revokedAt: null });
    expect(Object.keys(terminals.terminals[0] ?? {})).not.toContain('tokenHash');

    const logs = read('logs.ndjson')
      .trim()
      .split('\n')
      .map((line) => LogEntry.parse(JSON.parse(line)));
    expect(logs.some((e) => e.msg === 'device status')).toBe(true);

    const audit = read('audit.ndjson')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; staffId: number | null });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'pairing.claim', 'diagnostics.download']));
    expect(audit.at(-1)?.action).toBe('diagnostics.download');

    const db = DatabaseFacts.parse(readJson('database.json'));
    expect(db.quickCheck).toEqual(['ok']);
    expect(db.journalMode).toBe('wal');
    expect(db.userVersion).toBeGreaterThanOrEqual(11);
    expect(db.pageCount * db.pageSize).toBeGreaterThan(0);
    expect(db.rowCounts).toMatchObject({ tickets: 1, cases: 1, terminals: 1, staff: 3 });
  });

  it('holds no ID number, name, address, phone, photo, PIN hash or token in any file', async () => {
    const files = unzipSync(new Uint8Array((await download(tech)).rawPayload));
    expect(secrets.length).toBeGreaterThan(15);
    for (const [name, bytes] of Object.entries(files)) {
      const text = strFromU8(bytes);
      for (const secret of secrets) expect(text.includes(secret), `${name} contains ${secret.slice(0, 4)}…`).toBe(false);
      // Nothing that even looks like an ID or mobile number.
      expect(text, name).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/);
    }
  });

  it('keeps the audit log free of personal data by construction: no personal or secret keys in any row', () => {
    const rows = host.db.prepare('SELECT details FROM audit_log WHERE details IS NOT NULL').all() as { details: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.details).not.toMatch(/"(pin|password|secret|token|name|idNumber|address|phone|photo)[^"]*"\s*:/i);
  });
});
