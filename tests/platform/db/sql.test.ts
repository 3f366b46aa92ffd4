import { expect, it } from 'vitest';
import { sqlState } from '../../../platform/db/sql';
import { describeEachDatabase } from '../support/each-database';

/**
 * The adapters' contract (platform/db/sql.ts): the same SQL gives the same JavaScript values on
 * PGlite and on the server, transactions commit or roll back whole, a nested one is a savepoint.
 */
describeEachDatabase('platform/db: Sql', (database) => {
  const scratch = async () => {
    const { sql } = database();
    await sql.query('DROP TABLE IF EXISTS scratch');
    await sql.query('CREATE TABLE scratch (id bigserial PRIMARY KEY, label text NOT NULL UNIQUE)');
    return sql;
  };

  it('reads bigints as numbers, dates as YYYY-MM-DD, instants as Dates and JSON parsed', async () => {
    const { sql } = database();
    const [row] = await sql.query<Record<string, unknown>>(
      `SELECT 9007199254740991::bigint AS big, count(*) AS n, DATE '2026-11-27' AS day,
              TIMESTAMPTZ '2026-11-27T02:00:00.123Z' AS at, $1::jsonb AS doc, 7::integer AS small,
              true AS yes, NULL::text AS nothing, 1.50::numeric AS amount`,
      [JSON.stringify({ name: '张三', list: [1, 2] })],
    );
    expect(row).toEqual({
      big: 9007199254740991,
      n: 1,
      day: '2026-11-27',
      at: new Date('2026-11-27T02:00:00.123Z'),
      doc: { name: '张三', list: [1, 2] },
      small: 7,
      yes: true,
      nothing: null,
      amount: '1.50',
    });
  });

  it('refuses a bigint beyond 2^53 rather than rounding it', async () => {
    await expect(database().sql.query('SELECT 9007199254740993::bigint AS big')).rejects.toThrow(/does not fit/);
  });

  it('commits a transaction whole, and rolls it back whole when it throws', async () => {
    const sql = await scratch();
    await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO scratch (label) VALUES ($1)', ['kept']);
    });
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch (label) VALUES ($1)', ['lost']);
        throw new Error('the second step failed');
      }),
    ).rejects.toThrow('the second step failed');
    expect(await sql.query('SELECT label FROM scratch ORDER BY id')).toEqual([{ label: 'kept' }]);
  });

  it('runs a nested transaction as a savepoint that can fail alone', async () => {
    const sql = await scratch();
    await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO scratch (label) VALUES ($1)', ['outer']);
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO scratch (label) VALUES ($1)', ['inner']);
          await inner.query('INSERT INTO scratch (label) VALUES ($1)', ['outer']);
        }),
      ).rejects.toSatisfy((error: unknown) => sqlState(error) === '23505');
      await tx.query('INSERT INTO scratch (label) VALUES ($1)', ['after']);
    });
    expect(await sql.query('SELECT label FROM scratch ORDER BY id')).toEqual([{ label: 'outer' }, { label: 'after' }]);
  });

  it('tells a database error by its SQLSTATE', async () => {
    const sql = await scratch();
    await sql.query('INSERT INTO scratch (label) VALUES ($1)', ['once']);
    const error = await sql.query('INSERT INTO scratch (label) VALUES ($1)', ['once']).catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23505');
    expect(sqlState(new Error('not a database error'))).toBeUndefined();
  });

  it('runs a script of several statements', async () => {
    const sql = await scratch();
    await sql.script("INSERT INTO scratch (label) VALUES ('a'); INSERT INTO scratch (label) VALUES ('b');");
    expect(await sql.query('SELECT count(*) AS n FROM scratch')).toEqual([{ n: 2 }]);
  });

  it('refuses to close a transaction handle', async () => {
    await database().sql.transaction(async (tx) => {
      await expect(tx.close()).rejects.toThrow(/not closed/);
    });
  });
});
