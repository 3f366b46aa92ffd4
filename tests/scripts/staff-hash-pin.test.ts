import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PIN_SCRYPT, SignInResponse } from '../../contracts/auth';
import { ApiError } from '../../contracts/errors';
import { repoRoot, startTestHost, type TestHost } from '../support/test-host';

const SCRIPT = join(repoRoot, 'scripts/staff.mjs');

/** `node scripts/staff.mjs hash-pin` as an installer runs it, the PIN piped on stdin. */
function hashPinWithScript(pin: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [SCRIPT, 'hash-pin'], { input: `${pin}\n`, encoding: 'utf8', timeout: 15_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/staff.mjs hash-pin and the host share one PIN rule', () => {
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.dispose();
    host = undefined;
  });

  it('writes a hash that signs in on the host, and only with its PIN', async () => {
    const made = hashPinWithScript('482916');
    expect(made.status).toBe(0);
    const pinHash = made.stdout.trim();
    expect(pinHash).not.toContain('482916');
    // The cost the host writes its own hashes with, not merely one it accepts.
    const [scheme, n, r, p] = pinHash.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', PIN_SCRYPT.N, PIN_SCRYPT.r, PIN_SCRYPT.p]);

    const started = await startTestHost({
      config: { staff: [{ staffNo: '1001', name: '测试员', role: 'staff', pinHash }] },
    });
    host = started;
    const signIn = (pin: string) =>
      started.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: '1001', pin } });

    const right = await signIn('482916');
    expect(right.statusCode).toBe(200);
    expect(SignInResponse.parse(right.json()).staff.staffNo).toBe('1001');
    const wrong = await signIn('482917');
    expect(wrong.statusCode).toBe(401);
    expect(ApiError.parse(wrong.json()).error.code).toBe('unauthorized');
  });

  it('refuses the PINs the host refuses', () => {
    for (const pin of ['12345', '1234567890123', '12a456']) {
      const made = hashPinWithScript(pin);
      expect(made.status, pin).toBe(1);
      expect(made.stdout).toBe('');
    }
    expect(hashPinWithScript('123456789012').status).toBe(0);
  });
});
