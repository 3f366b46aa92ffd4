import type { FastifyInstance } from 'fastify';
import { SignInResponse } from '../../contracts/auth';
import { hashPin } from '../../host/auth/pin-hash';

export const TEST_PIN = '246810';

/** Config staff entries (staff 1001, supervisor 9001, technician 8001), PIN `TEST_PIN`. */
export async function testStaffSeeds() {
  const pinHash = await hashPin(TEST_PIN);
  return [
    { staffNo: '1001', name: '窗口人员', role: 'staff' as const, pinHash },
    { staffNo: '9001', name: '值班主任', role: 'supervisor' as const, pinHash },
    { staffNo: '8001', name: '运维工程师', role: 'technician' as const, pinHash },
  ];
}

/** Signs a staff member in at a window and returns the headers for bearer calls. */
export async function signIn(app: FastifyInstance, staffNo: string, windowId?: number): Promise<{ authorization: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { staffNo, pin: TEST_PIN, ...(windowId === undefined ? {} : { windowId }) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
}
