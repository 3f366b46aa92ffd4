import type { FastifyInstance } from 'fastify';
import { SignInResponse } from '../../contracts/auth';
import { hashPin } from '../../host/auth/pin-hash';
import { startTestHost, type TestHost } from '../support/test-host';
import { TEST_PIN } from '../support/staff';

export { TEST_PIN };

/**
 * A hall with two supervisors (9001, 9002), two clerks (1001, 1002) and a technician (8001),
 * every PIN `TEST_PIN`, as the config file seeds them (hashes made as scripts/staff.mjs makes them).
 */
export async function startSecurityHall(dataDir?: string): Promise<TestHost> {
  const pinHash = await hashPin(TEST_PIN);
  const staff = [
    { staffNo: '1001', name: '窗口一', role: 'staff' as const, pinHash },
    { staffNo: '1002', name: '窗口二', role: 'staff' as const, pinHash },
    { staffNo: '9001', name: '值班主任', role: 'supervisor' as const, pinHash },
    { staffNo: '9002', name: '副主任', role: 'supervisor' as const, pinHash },
    { staffNo: '8001', name: '运维工程师', role: 'technician' as const, pinHash },
  ];
  return startTestHost({ config: { staff }, ...(dataDir === undefined ? {} : { dataDir }) });
}

export interface SignInAttempt {
  staffNo: string;
  pin?: string;
  windowId?: number;
  /** The caller's address (a LAN client); loopback when left out. */
  from?: string;
}

export function trySignIn(app: FastifyInstance, attempt: SignInAttempt) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: {
      staffNo: attempt.staffNo,
      pin: attempt.pin ?? TEST_PIN,
      ...(attempt.windowId === undefined ? {} : { windowId: attempt.windowId }),
    },
    ...(attempt.from === undefined ? {} : { remoteAddress: attempt.from }),
  });
}

/** Signs in and returns the bearer header. */
export async function bearer(app: FastifyInstance, staffNo: string, pin = TEST_PIN): Promise<{ authorization: string }> {
  const res = await trySignIn(app, { staffNo, pin });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${staffNo} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
}
