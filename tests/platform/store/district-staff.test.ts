import { expect, it } from 'vitest';
import { failuresOf, recordFailure } from '../../../platform/store/district-staff';
import { waitFor } from '../../support/wait';
import { describeEachDatabase } from '../support/each-database';
import { FIXED_NOW } from '../support/platform';

/**
 * Sign-in counts each guess at a name before it checks the password, one guess at a time: a
 * guess reads the name's failures with the name locked until its transaction ends. Before the
 * name's first failure there is no row to lock, so the lock must hold without one; otherwise
 * parallel first guesses all read "no failures" and more than the limit get an answer.
 */
describeEachDatabase('platform/store: sign-in failures', (database, kind) => {
  const windowStart = new Date(FIXED_NOW.getTime() - 15 * 60_000);
  const lockUntil = new Date(FIXED_NOW.getTime() + 15 * 60_000);

  it('counts failures up to the lock', async () => {
    const { sql } = database();
    for (let i = 1; i <= 5; i += 1) {
      const row = await sql.transaction((tx) => recordFailure(tx, 'somebody', FIXED_NOW, windowStart, 5, lockUntil));
      expect(row.failures).toBe(i);
      expect(row.lockedUntil).toEqual(i === 5 ? lockUntil : null);
    }
    expect(await failuresOf(sql, 'somebody')).toEqual({ failures: 5, lockedUntil: lockUntil });
  });

  // PGlite has one connection and runs one transaction at a time: two guesses cannot interleave there.
  it.skipIf(kind === 'pglite')(
    `holds a second guess at a name with no failures yet until the first is counted${kind === 'pglite' ? ' — skipped: PGlite runs one transaction at a time' : ''}`,
    async () => {
      const { sql } = database();
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let read = (): void => undefined;
      const hasRead = new Promise<void>((resolve) => (read = resolve));
      const first = sql.transaction(async (tx) => {
        expect(await failuresOf(tx, 'fresh-name')).toBeUndefined();
        read();
        await gate;
        await recordFailure(tx, 'fresh-name', FIXED_NOW, windowStart, 5, lockUntil);
      });
      try {
        await Promise.race([hasRead, first]);
        let secondRead: number | undefined | 'pending' = 'pending';
        const second = sql.transaction(async (tx) => {
          secondRead = (await failuresOf(tx, 'fresh-name'))?.failures;
        });
        const waiting = async () =>
          (
            await database().observe<{ n: number }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0]?.n ?? 0;
        await waitFor(
          async () => (secondRead !== 'pending' || (await waiting()) > 0 ? true : undefined),
          'the second guess to wait or read',
        );
        expect(secondRead).toBe('pending');
        release();
        await first;
        await second;
        // It read the first guess's failure, not the empty name it would have seen unlocked.
        expect(secondRead).toBe(1);
      } finally {
        release();
        await first;
      }
    },
  );
});
