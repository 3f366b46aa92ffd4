import { afterEach, describe, expect, it } from 'vitest';
import { CaseStatusRecord, CreateCaseResponse } from '../../../contracts/central-api';
import type { CentralApi } from '../../../tools/central-api/server';
import { adminAuth, countRows, newKey, sampleCase, startApi, tempDbFile, terminalAuth } from './helpers';

describe('central API: restart', () => {
  const db = tempDbFile();
  let api: CentralApi | undefined;

  afterEach(async () => {
    await api?.close();
    db.cleanup();
  });

  const submit = (app: CentralApi, key: string) =>
    app.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': key },
      payload: sampleCase(),
    });

  it('keeps cases, idempotency keys and the daily sequence across close and reopen', async () => {
    const before = await startApi(db.file);
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

    api = await startApi(db.file);
    const read = await api.app.inject({ method: 'GET', url: `/v1/cases/${created.caseNumber}`, headers: terminalAuth });
    expect(CaseStatusRecord.parse(read.json()).status).toBe('accepted');

    const replay = await submit(api, key);
    expect(replay.statusCode).toBe(200);
    expect(CreateCaseResponse.parse(replay.json()).caseNumber).toBe(created.caseNumber);

    const next = CreateCaseResponse.parse((await submit(api, newKey())).json());
    expect(next.caseNumber).toBe('HK20261127000002');
    expect(countRows(db.file, 'cases')).toBe(2);
  });
});
