import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { simulatedCards } from '../../../hardware/idcard';
import { createHost } from '../../../host/app';
import { migrationsDir } from '../../support/test-host';
import { waitFor } from '../../support/wait';

describe('personal data and the log', () => {
  it('a whole citizen session at debug level logs no name, ID number or address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'privacy-'));
    const host = await createHost({
      environment: 'test',
      config: HostConfig.parse({
        devices: [{ id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 }],
      }),
      migrationsDir,
      dbFile: join(dir, 'hall.sqlite'),
      logLevel: 'debug',
      logStream: sink,
    });
    try {
      const card = simulatedCards.zhangSan;
      host.devices.placeSimulatedCard('zhangSan');
      await waitFor(() => host.identity.view() ?? undefined, 'identity');
      await host.app.inject({ url: '/api/v1/identity' });
      await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'business-startup' } });
      await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'business-startup' } }); // duplicate → error path
      host.devices.placeSimulatedCard(null);
      await waitFor(() => (host.identity.view() === null ? true : undefined), 'session end');

      const log = lines.join('');
      expect(log).toContain('identity.read'); // the session was logged…
      for (const secret of [card.name, card.idNumber, card.address, card.idNumber.slice(6, 14)]) {
        expect(log).not.toContain(secret); // …but nothing that identifies the citizen
      }
      // The ticket row keeps a keyed hash, never the number.
      const rows = JSON.stringify(host.db.prepare('SELECT * FROM tickets').all());
      expect(rows).not.toContain(card.idNumber);
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
