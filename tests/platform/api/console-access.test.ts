import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConsoleAccess, DistrictRole } from '../../../contracts/platform-console';
import { DistrictRole as Roles } from '../../../contracts/platform-console';
import { consoleOperations } from '../../../contracts/platform-console-api';
import { platformHallOperations } from '../../../contracts/platform-halls';
import { platformIndicatorOperations } from '../../../contracts/platform-indicators';
import type { Platform } from '../../../platform/server';
import { sessionOf } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi, terminalAuth } from '../support/platform';

/** What the console may call: its own table, and the hall registry's operations it is admitted to. */
interface Guarded {
  name: string;
  method: string;
  path: string;
  access: ConsoleAccess;
  body?: unknown;
}
const all: Guarded[] = [
  ...Object.values(consoleOperations),
  ...Object.values(platformHallOperations).map((op) => ({ ...op, access: op.consoleAccess })),
  ...Object.values(platformIndicatorOperations).map((op) => ({ ...op, access: op.consoleAccess })),
];
const served = all;

const admits = (op: Guarded, role: DistrictRole): boolean =>
  op.access === 'public' || op.access === 'signedIn' || op.access.roles.includes(role);

/** A URL for `op` with made-up path parameters: the guard answers before any validation. */
const urlOf = (op: Guarded) =>
  op.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'caseNumber' ? 'HK20261127000001' : '1'));

describeEachDatabase('platform console: least privilege, every operation as every caller', (database) => {
  let api: Platform;
  const sessions = new Map<DistrictRole, { authorization: string }>();

  beforeAll(async () => {
    api = await startApi(database());
  });
  afterAll(async () => {
    await api.close();
  });

  const call = (op: Guarded, headers: Record<string, string>) =>
    api.app.inject({ method: op.method, url: urlOf(op), headers, ...(op.body ? { payload: {} } : {}) });

  it('declares who may call each operation; every change belongs to one role', () => {
    for (const op of all) {
      if (op.method === 'GET') expect(op.access, op.name).toBe('signedIn');
      else if (op.name !== 'signIn' && op.name !== 'signOut') expect(typeof op.access, op.name).toBe('object');
    }
  });

  it('refuses every guarded operation without a token, with a terminal token and with a made-up one', async () => {
    for (const op of served.filter((o) => o.access !== 'public')) {
      for (const headers of [{}, terminalAuth, { authorization: 'Bearer made-up-token' }]) {
        expect((await call(op, headers)).statusCode, `${op.name} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
  });

  it('admits each role exactly where declared (403 elsewhere), and the admin token everywhere', async () => {
    // Each test starts on emptied tables: the sessions are made here.
    for (const role of Roles.options) sessions.set(role, await sessionOf(api, database(), role));
    for (const op of served.filter((o) => o.name !== 'signOut' && o.access !== 'public')) {
      for (const role of Roles.options) {
        const status = (await call(op, sessions.get(role) ?? {})).statusCode;
        if (admits(op, role)) expect([401, 403], `${op.name} as ${role}: ${status}`).not.toContain(status);
        else expect(status, `${op.name} as ${role}`).toBe(403);
      }
      const status = (await call(op, adminAuth)).statusCode;
      expect([401, 403], `${op.name} with the admin token: ${status}`).not.toContain(status);
    }
  });
});
