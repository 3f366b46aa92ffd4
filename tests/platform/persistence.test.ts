import { afterEach, expect, it } from 'vitest';
import { CaseStatusRecord, CreateCaseResponse } from '../../contracts/central-api';
import type { Platform } from '../../platform/server';
import { describeEachDatabase } from './support/each-database';
import { adminAuth, newKey, sampleCase, startApi, terminalAuth } from './support/platform';

/**
 * A restart: the platform and its database connection closed, the database opened again (PGlite:
 * from its data folder, as `npm start` does the next day; the server: a new pool).
 */
describeEachDatabase(
  'platform: restart',
  (database) => {
    let api: Platform | undefined;

    afterEach(async () => {
      await api?.close();
    });

    const submit = (app: Platform, key: string) =>
      app.app.inject({
        method: 'POST',
        url: '/v1/cases',
        headers: { ...terminalAuth, 'idempotency-key': key },
        payload: sampleCase(),
      });

    it('keeps cases, idempotency keys and the daily sequence across close and reopen', async () => {
      const before = await startApi(database());
      const key = newKey();
      const created = CreateCaseResponse.parse((await submit(before, key)).json());
      expect(created.caseNumber).toBe('HK20261127000001');
      await before.app.inject({
        method: 'POST',
        url: `/v1/admin/cases/${created.caseNumber}/status`,
        headers: adminAuth,
        payload: { status: 'accepted' },
      });
      await before.close();
      await before.close(); // closing twice is harmless
      await database().reopen();

      api = await startApi(database());
      const read = await api.app.inject({ method: 'GET', url: `/v1/cases/${created.caseNumber}`, headers: terminalAuth });
      expect(CaseStatusRecord.parse(read.json()).status).toBe('accepted');

      const replay = await submit(api, key);
      expect(replay.statusCode).toBe(200);
      expect(CreateCaseResponse.parse(replay.json()).caseNumber).toBe(created.caseNumber);

      const next = CreateCaseResponse.parse((await submit(api, newKey())).json());
      expect(next.caseNumber).toBe('HK20261127000002');
      expect(await database().count('cases')).toBe(2);
    });
  },
  { persistent: true },
);
