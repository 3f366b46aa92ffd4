import { describe, it, expect } from 'vitest';
import { samStatus } from '../../../hardware/idcard/status';

describe('samStatus', () => {
  it.each([
    [0x90, 'ok'],
    [0x9f, 'find-ok'],
    [0x80, 'no-card'],
    [0x81, 'select-failed'],
    [0x10, 'checksum-error'],
    [0x11, 'length-error'],
    [0x21, 'command-error'],
    [0x23, 'unauthorised'],
    [0x24, 'unknown-error'],
    [0x31, 'card-auth-sam-failed'],
    [0x32, 'sam-auth-card-failed'],
    [0x33, 'info-verify-failed'],
    [0x40, 'unknown-card-type'],
    [0x41, 'read-failed'],
    [0x47, 'random-failed'],
    [0x60, 'sam-self-test-failed'],
    [0x66, 'sam-not-authorised'],
    [0x91, 'no-content'],
  ] as const)('SW3 %i → %s with both descriptions', (sw3, code) => {
    const status = samStatus(sw3);
    expect(status.code).toBe(code);
    expect(status.sw3).toBe(sw3);
    expect(status.zh.length).toBeGreaterThan(0);
    expect(status.en.length).toBeGreaterThan(0);
  });

  it('maps unknown values to unknown, keeping the byte', () => {
    expect(samStatus(0x5a)).toEqual({ code: 'unknown', sw3: 0x5a, zh: '未知状态 5A', en: 'unknown status 5A' });
  });
});
