import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../platform/db/migrate';
import { canonicalHash } from '../../../platform/services/canonical';
import { CaseService } from '../../../platform/services/case-service';
import { hallChangesSince } from '../../../platform/store/change-feed';
import { DATABASE_KINDS, openTestDatabase, serverSkipReason } from '../support/each-database';
import { FIXED_NOW, newKey, sampleCase } from '../support/platform';
import { DATABASE_LABEL, type TestDatabase } from '../support/test-database';

/**
 * Migration 005 on a platform that already took cases: the feed's cursors go on after the last
 * one halls may have saved, and a case accepted under the old idempotency claims still replays.
 */
for (const kind of DATABASE_KINDS) {
  const skip = kind === 'postgres' ? serverSkipReason() : null;
  describe.skipIf(skip !== null)(
    `platform/db: 005-hall-feeds on a platform in use [${DATABASE_LABEL[kind]}]${skip === null ? '' : ` — skipped: ${skip}`}`,
    () => {
      let db: TestDatabase | undefined;
      afterEach(async () => {
        await db?.close();
        db = undefined;
      });

      it('continues cursors after the last one, and replays a key the old claims took', async () => {
        db = await openTestDatabase(kind, { empty: true });
        const { sql } = db;
        await migrate(
          sql,
          readMigrations().filter((m) => m.version < 5),
        );
        // What the platform before 005 wrote for one case (cursor 7 after six changes of other cases).
        const body = sampleCase();
        const key = newKey();
        const answer = { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: FIXED_NOW.toISOString() };
        await sql.query(
          `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
             applicant_name, applicant_id_number, form, materials, submitted_at, received_at, status)
           VALUES ($1, $2, $3, 'hall-01', 'kiosk-03', 'GA-001', '居民身份证换领', '张三', '11010519491231002X', '{}', '[]', $4, $4, 'submitted')`,
          [answer.caseNumber, key, canonicalHash(body), FIXED_NOW.toISOString()],
        );
        await sql.query(
          `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, at) VALUES (7, $1, 'hall-01', 'submitted', $2)`,
          [answer.caseNumber, FIXED_NOW.toISOString()],
        );
        await sql.query(`INSERT INTO case_number_sequences (day, last_value) VALUES ('20261127', 1)`);
        await sql.query('INSERT INTO change_feed_counter (id, last_cursor) VALUES (1, 7)');
        await sql.query(
          `INSERT INTO idempotent_requests (scope, key, request_hash, response_json, created_at) VALUES ('cases', $1, $2, $3, $4)`,
          [key, canonicalHash(body), JSON.stringify(answer), FIXED_NOW.toISOString()],
        );

        expect((await migrate(sql)).applied).toContain('005-hall-feeds.sql');
        const cases = new CaseService(sql, { now: () => FIXED_NOW, promisedWorkingDays: 5 });
        expect(await cases.createCase(key, body)).toEqual({ kind: 'replayed', result: answer });
        expect((await cases.createCase(newKey(), sampleCase())).kind).toBe('created');
        expect((await hallChangesSince(sql, 'hall-01', 0, 10)).map((c) => c.cursor)).toEqual([7, 8]);
        expect(await sql.query(`SELECT key FROM idempotent_requests WHERE scope = 'cases'`)).toEqual([]);
      });
    },
  );
}
