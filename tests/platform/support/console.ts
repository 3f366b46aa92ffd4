import { expect } from 'vitest';
import type { DistrictRole } from '../../../contracts/platform-console';
import { SignInResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { DistrictStaffService } from '../../../platform/services/district-staff-service';
import type { TestDatabase } from './test-database';

/** A password for the test accounts (never a real one). */
export const TEST_PASSWORD = 'correct horse battery';

/** The test account of each role: `<role>` is its username too. */
export const TEST_STAFF: Readonly<Record<DistrictRole, { username: string; name: string }>> = {
  'district-admin': { username: 'admin-1', name: '区管理员' },
  'district-operator': { username: 'operator-1', name: '区办件员' },
  viewer: { username: 'viewer-1', name: '区督查' },
};

/** Adds the test account of `role` to the database (if missing). */
export async function addStaff(database: TestDatabase, role: DistrictRole, password = TEST_PASSWORD): Promise<void> {
  await new DistrictStaffService(database.sql, () => new Date()).addAccount({ ...TEST_STAFF[role], role, password });
}

export function signInRequest(api: Platform, username: string, password: string) {
  return api.app.inject({ method: 'POST', url: '/v1/console/session', payload: { username, password } });
}

/** Adds the account of `role` and signs it in: the Authorization header of its session. */
export async function sessionOf(api: Platform, database: TestDatabase, role: DistrictRole): Promise<{ authorization: string }> {
  await addStaff(database, role);
  const res = await signInRequest(api, TEST_STAFF[role].username, TEST_PASSWORD);
  expect(res.statusCode).toBe(201);
  return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
}
