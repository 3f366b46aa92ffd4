import type { CreateCaseRequest } from '../../../contracts/central-api';
import { createPlatform, type Platform, type PlatformOptions } from '../../../platform/server';
import type { TestDatabase } from './test-database';

export const TERMINAL_TOKEN = 'test-terminal-token';
export const ADMIN_TOKEN = 'test-admin-token';
export const terminalAuth = { authorization: `Bearer ${TERMINAL_TOKEN}` };
export const adminAuth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A fixed instant: 2026-11-27 10:00 in Beijing. */
export const FIXED_NOW = new Date('2026-11-27T02:00:00Z');

/**
 * A platform on the test database, with the test tokens and the fixed clock unless `extra` says
 * otherwise. The deadline sweep runs on demand only (`Platform.sweepDeadlines`): a timer's sweep
 * would write inbox items into tests about something else.
 */
export function startApi(database: TestDatabase, extra: Partial<Omit<PlatformOptions, 'sql'>> = {}): Promise<Platform> {
  return createPlatform({
    sql: database.sql,
    tokens: [TERMINAL_TOKEN, 'second-terminal-token'],
    adminToken: ADMIN_TOKEN,
    now: () => FIXED_NOW,
    deadlineSweep: 'on-demand',
    ...extra,
  });
}

export function sampleCase(overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest {
  return {
    hallId: 'hall-01',
    terminalId: 'kiosk-03',
    itemCode: 'GA-001',
    itemName: '居民身份证换领',
    applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800000000' },
    form: { address: '北京市东城区' },
    materials: [{ code: 'photo', name: '近期免冠照片', received: true }],
    submittedAt: '2026-11-27T09:58:00+08:00',
    ...overrides,
  };
}

let keyCounter = 0;
/** A fresh uuid-ish Idempotency-Key. */
export function newKey(): string {
  keyCounter += 1;
  return `key-${process.pid}-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}
