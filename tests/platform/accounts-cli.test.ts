import { expect, it } from 'vitest';
import { ACCOUNT_PASSWORD_ENV, addAccountFromCli } from '../../platform/accounts-cli';
import type { Platform } from '../../platform/server';
import { signInRequest } from './support/console';
import { describeEachDatabase } from './support/each-database';
import { startApi } from './support/platform';

describeEachDatabase('platform: adding a district account from the command line', (database) => {
  const env = { [ACCOUNT_PASSWORD_ENV]: 'a long enough password' };

  it('adds an account that then signs in; a second one of the same name is refused', async () => {
    const line = await addAccountFromCli(database().sql, { username: 'Wang.Fang', role: 'district-operator', name: '王芳' }, env);
    expect(line).toBe('district account wang.fang (district-operator) added');
    const api: Platform = await startApi(database());
    try {
      expect((await signInRequest(api, 'wang.fang', 'a long enough password')).statusCode).toBe(201);
    } finally {
      await api.close();
    }
    await expect(addAccountFromCli(database().sql, { username: 'wang.fang', role: 'viewer', name: '王芳' }, env)).rejects.toThrow(
      'exists already',
    );
  });

  it('says what is wrong: the name, the role, the display name, the password (never an argument)', async () => {
    const sql = database().sql;
    await expect(addAccountFromCli(sql, { username: 'x', role: 'viewer', name: 'a' }, env)).rejects.toThrow('--add-account');
    await expect(addAccountFromCli(sql, { username: 'li', role: 'boss', name: 'a' }, env)).rejects.toThrow('--role');
    await expect(addAccountFromCli(sql, { username: 'li', role: 'viewer', name: ' ' }, env)).rejects.toThrow('--display-name');
    await expect(addAccountFromCli(sql, { username: 'li', role: 'viewer', name: '李' }, {})).rejects.toThrow(
      ACCOUNT_PASSWORD_ENV,
    );
    await expect(
      addAccountFromCli(sql, { username: 'li', role: 'viewer', name: '李' }, { [ACCOUNT_PASSWORD_ENV]: 'short' }),
    ).rejects.toThrow(ACCOUNT_PASSWORD_ENV);
  });
});
