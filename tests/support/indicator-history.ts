import { periodRange } from '../../contracts/indicator-periods';
import { INDICATOR_SEED } from '../../contracts/indicator-seed';
import { indicatorLeaves, type IndicatorLeaf } from '../../contracts/indicators';
import { SignInResponse } from '../../contracts/platform-console';
import { IndicatorEntry } from '../../contracts/platform-indicators';
import type { Sql } from '../../platform/db/sql';
import type { Platform } from '../../platform/server';
import { DistrictStaffService } from '../../platform/services/district-staff-service';
import { adminAuth } from '../platform/support/platform';

/**
 * Periods of the indicator system with real values, for the console's e2e test and screenshots:
 * the platform's own rows for each period (start-up cases with their completions, other cases
 * against their promise, 好差评 ratings, the halls' day figures), from which the platform computes
 * its six metrics, and the entered indicators' values, each entered by a unit's account and
 * approved by the 营商局's, as the console does it. Written straight into the tables (the rows)
 * and through the platform's API (everything else).
 */

export const UNIT_ENTRANT = { username: 'scjg-tianbao', name: '市场监管局填报员' } as const;
export const BUREAU_REVIEWER = { username: 'yshj-shenhe', name: '营商局审核员' } as const;
export const ACCOUNT_PASSWORD = 'correct horse battery';

type Headers = { authorization: string };

/** Adds the unit's entrant and the bureau's reviewer (both district operators) and signs them in. */
export async function indicatorPeople(api: Platform, sql: Sql): Promise<{ entrant: Headers; reviewer: Headers }> {
  const staff = new DistrictStaffService(sql, () => new Date());
  const signIn = async (account: { username: string; name: string }): Promise<Headers> => {
    await staff.addAccount({ ...account, role: 'district-operator', password: ACCOUNT_PASSWORD });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/console/session',
      payload: { username: account.username, password: ACCOUNT_PASSWORD },
    });
    if (res.statusCode !== 201) throw new Error(`${account.username} could not sign in: ${res.statusCode} ${res.body}`);
    return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
  };
  return { entrant: await signIn(UNIT_ENTRANT), reviewer: await signIn(BUREAU_REVIEWER) };
}

/** A Beijing date and time as an instant: `2026-07-03`, 10 → 02:00 UTC. */
const at = (date: string, hour: number): string => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let serial = 0;

/**
 * One period's rows, better as `progress` (0–1) grows: start-ups done in fewer days, more cases
 * kept to their promise, shorter waits, more satisfied ratings. Working days and rates follow
 * from the rows; the platform computes them, nothing here states a figure.
 */
export async function insertPeriodRows(sql: Sql, period: string, progress: number): Promise<void> {
  const { from } = periodRange(period);
  const insertCase = async (item: string, submitted: string, completed: string, expected: string): Promise<void> => {
    serial += 1;
    const number = `HK${submitted.slice(0, 10).replaceAll('-', '')}${String(serial).padStart(7, '0')}`;
    await sql.query(
      `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name, applicant_name,
         applicant_id_number, form, materials, submitted_at, received_at, status, expected_completion)
       VALUES ($1, $1, 'x', 'hall-01', 'kiosk-01', $2, '事项', '张三', '110105194912310000', '{}'::jsonb, '[]'::jsonb, $3, $3, 'completed', $4)`,
      [number, item, submitted, expected],
    );
    const change = `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, at)
                    VALUES (nextval('case_change_cursors'), $1, 'hall-01', $2, $3)`;
    await sql.query(change, [number, 'submitted', submitted]);
    await sql.query(change, [number, 'completed', completed]);
  };
  // Twelve start-ups over the period's first weeks: fewer take a second day as progress grows.
  for (let i = 0; i < 12; i += 1) {
    const day = addDays(from, 7 + i * 2);
    const slow = i / 12 >= progress;
    await insertCase('QY-KB-001', at(day, 9), at(slow ? addDays(day, 2) : day, slow ? 11 : 16), addDays(day, 3));
  }
  // Twenty other cases against their promise: the late ones fewer as progress grows.
  for (let i = 0; i < 20; i += 1) {
    const day = addDays(from, 5 + i);
    const late = i / 20 >= 0.8 + progress * 0.2;
    await insertCase('QYTB-030', at(day, 10), at(addDays(day, late ? 9 : 4), 15), addDays(day, 7));
  }
  // Forty ratings: satisfied from 80 % up to 98 %.
  const satisfied = Math.round(40 * (0.8 + progress * 0.18));
  for (let i = 0; i < 40; i += 1) {
    serial += 1;
    const level = i < satisfied ? (i % 3 === 0 ? 'satisfied' : 'very_satisfied') : 'dissatisfied';
    await sql.query(
      `INSERT INTO evaluations (idempotency_key, hall_id, terminal_id, subject, level, callback_required, evaluated_at, received_at)
       VALUES ($1, 'hall-01', 'rate-01', '{"kind":"ticket","ticketNumber":"A1","windowId":"W1","staffNumber":"S1"}'::jsonb, $2, false, $3, $3)`,
      [`history-${serial}`, level, at(addDays(from, 3 + (i % 60)), 11)],
    );
  }
  // Two halls' day figures: waits from 24 minutes down to 11.
  for (let d = 0; d < 20; d += 1) {
    for (const [hall, served] of [
      ['hall-01', 180],
      ['hall-02', 40],
    ] as const) {
      const wait = Math.round((24 - progress * 13) * 60 + (d % 5) * 30);
      await sql.query(
        `INSERT INTO queue_stats (hall_id, business_day, figures_json, revision, received_at) VALUES ($1, $2, $3, 1, now())`,
        [hall, addDays(from, 2 + d), JSON.stringify({ served, noShow: 6, avgWaitSeconds: wait })],
      );
    }
  }
}

/** An entered leaf's value for a period: from near its worst value towards its target as `progress` grows. */
export function enteredValue(leaf: IndicatorLeaf, index: number, progress: number): number {
  const share = Math.min(0.97, 0.45 + progress * 0.45 + ((index * 37) % 11) / 50);
  const value = leaf.worst + (leaf.target - leaf.worst) * share;
  return Math.round(value * 10) / 10;
}

async function call(api: Platform, method: 'POST', url: string, headers: Headers, payload?: object) {
  const res = await api.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res;
}

export interface HistoryOptions {
  /** Periods oldest first, each with how far the district has come (0–1). */
  periods: readonly { period: string; progress: number; close: boolean }[];
  /** Entered leaves left without a value in every period (their weight goes to their siblings). */
  leaveMissing?: readonly string[];
}

/**
 * Opens each period, writes its rows and computes it, enters every entered leaf's value as the
 * unit's account and approves it as the bureau's, and closes the periods marked so.
 */
export async function seedIndicatorHistory(api: Platform, sql: Sql, options: HistoryOptions): Promise<void> {
  const { entrant, reviewer } = await indicatorPeople(api, sql);
  const base = '/v1/admin/indicators/periods';
  const missing = new Set(options.leaveMissing ?? []);
  const entered = indicatorLeaves(INDICATOR_SEED).filter((leaf) => leaf.source.kind === 'entered' && !missing.has(leaf.code));
  for (const { period, progress, close } of options.periods) {
    await insertPeriodRows(sql, period, progress);
    await call(api, 'POST', base, adminAuth, { period });
    await call(api, 'POST', `${base}/${period}/compute`, adminAuth);
    for (const [index, leaf] of entered.entries()) {
      const res = await call(api, 'POST', `${base}/${period}/leaves/${leaf.code}/entries`, entrant, {
        value: enteredValue(leaf, index, progress),
        note: '本单位统计台账',
      });
      const { revision } = IndicatorEntry.parse(res.json());
      await call(api, 'POST', `${base}/${period}/leaves/${leaf.code}/review`, reviewer, { decision: 'approve', revision });
    }
    if (close) await call(api, 'POST', `${base}/${period}/close`, adminAuth);
  }
}
