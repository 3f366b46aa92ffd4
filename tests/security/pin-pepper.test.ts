import { afterEach, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../host/auth/pin-hash';
import type { TestHost } from '../support/test-host';
import { bearer, startSecurityHall, TEST_PIN, trySignIn } from './support';

/**
 * Issue 18: the PIN hash takes a pepper from the install secret, so a copy of the database alone
 * does not let anyone guess PINs offline (a six-digit PIN is a million scrypt calls away).
 */
describe('staff PIN hashes are peppered with the install secret', () => {
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.dispose();
    host = undefined;
  });

  const storedHash = (h: TestHost, staffNo: string): string =>
    (h.db.prepare('SELECT pin_hash AS h FROM staff WHERE staff_no = ?').get(staffNo) as { h: string }).h;

  it('a stolen database does not confirm the right PIN offline', async () => {
    host = await startSecurityHall();
    // What an attacker holding only the file can do: run scrypt as the public format says.
    expect(await verifyPin(TEST_PIN, storedHash(host, '1001'))).toBe(false);
    // The host itself still signs the clerk in (the config's hash is the script's, unpeppered).
    expect((await trySignIn(host.app, { staffNo: '1001' })).statusCode).toBe(200);
  });

  it('an account made on the host signs in after a restart, and its hash is peppered too', async () => {
    host = await startSecurityHall();
    const supervisor = await bearer(host.app, '9001');
    const made = await host.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: supervisor,
      payload: { staffNo: '1100', name: '新同事', role: 'staff', pin: '864209' },
    });
    expect(made.statusCode).toBe(201);
    expect(await verifyPin('864209', storedHash(host, '1100'))).toBe(false);
    const { dataDir } = host;
    await host.close();
    host = await startSecurityHall(dataDir);
    expect((await trySignIn(host.app, { staffNo: '1100', pin: '864209' })).statusCode).toBe(200);
  });

  it('a hash an older host stored without pepper still signs in, and is peppered from then on', async () => {
    host = await startSecurityHall();
    host.db
      .prepare('INSERT INTO staff (staff_no, name, role, pin_hash) VALUES (?, ?, ?, ?)')
      .run('1200', '老同事', 'staff', await hashPin('975310'));
    const { dataDir } = host;
    await host.close();
    host = await startSecurityHall(dataDir);
    expect((await trySignIn(host.app, { staffNo: '1200', pin: '975310' })).statusCode).toBe(200);
    expect(await verifyPin('975310', storedHash(host, '1200'))).toBe(false);
  });
});
