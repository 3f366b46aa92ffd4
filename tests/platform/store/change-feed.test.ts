import { expect, it } from 'vitest';
import { CaseService } from '../../../platform/services/case-service';
import type { Sql } from '../../../platform/db/sql';
import { appendChange, hallChangesSince } from '../../../platform/store/change-feed';
import { waitFor } from '../../support/wait';
import { describeEachDatabase } from '../support/each-database';
import { FIXED_NOW, newKey, sampleCase } from '../support/platform';

/**
 * The changes feed's promise: a hall that pulled its feed up to cursor N never misses one of its
 * changes numbered below N, however many writers (and platform instances) commit at once. A
 * writer takes its hall's lock, held until it commits, before drawing cursors
 * (platform/store/change-feed.ts), so a hall's cursors become visible in order; without it a
 * later cursor could commit, and be read, first. Writers of other halls do not wait for it.
 */
describeEachDatabase('platform/store: the changes feed', (database, kind) => {
  const service = () => new CaseService(database().sql, { now: () => FIXED_NOW, promisedWorkingDays: 5 });

  async function newCase(cases: CaseService, hallId = 'hall-01'): Promise<string> {
    const outcome = await cases.createCase(newKey(), sampleCase({ hallId }));
    if (outcome.kind !== 'created') throw new Error(`expected a new case, got ${outcome.kind}`);
    return outcome.result.caseNumber;
  }

  /**
   * A writer that has appended a change of `caseNumber` for `hallId` and holds its transaction
   * open until released; `done` settles once it committed.
   */
  async function openWriter(sql: Sql, hallId: string, caseNumber: string): Promise<{ release: () => void; done: Promise<void> }> {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let appended = (): void => undefined;
    const isAppended = new Promise<void>((resolve) => (appended = resolve));
    const done = sql.transaction(async (tx) => {
      await appendChange(tx, hallId, { caseNumber, status: 'accepted', note: null, at: FIXED_NOW });
      appended();
      await gate;
    });
    // A writer that failed before appending rejects here instead of leaving the test waiting.
    await Promise.race([isAppended, done]);
    return { release, done };
  }

  const cursorsSince = async (since: number, hallId = 'hall-01') =>
    (await hallChangesSince(database().sql, hallId, since, 1000)).map((c) => c.cursor);

  it('numbers every change from 1, without a gap, across new cases and status changes', async () => {
    const cases = service();
    const a = await newCase(cases);
    const b = await newCase(cases);
    await cases.setStatus(a, 'accepted', undefined);
    await cases.setStatus(b, 'rejected', '材料不全');
    expect(await cursorsSince(0)).toEqual([1, 2, 3, 4]);
    expect(await cursorsSince(2)).toEqual([3, 4]);
  });

  it('keeps numbers and cursors unique and gapless when 30 cases arrive at once', async () => {
    const cases = service();
    const numbers = await Promise.all(Array.from({ length: 30 }, () => newCase(cases)));
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await cursorsSince(0)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('creates one case when the same submission races itself ten times', async () => {
    const cases = service();
    const key = newKey();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => cases.createCase(key, sampleCase())));
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'replayed')).toHaveLength(9);
    expect(new Set(outcomes.map((o) => (o.kind === 'conflict' ? '' : o.result.caseNumber))).size).toBe(1);
    expect(await database().count('cases')).toBe(1);
  });

  // PGlite has one connection and runs one transaction at a time: two writers cannot interleave there.
  it.skipIf(kind === 'pglite')(
    `holds a later writer back until the earlier cursor is committed, so no reader can skip it${kind === 'pglite' ? ' — skipped: PGlite runs one transaction at a time' : ''}`,
    async () => {
      const cases = service();
      const first = await newCase(cases);
      const second = await newCase(cases);
      const { sql } = database();

      // Writer A takes cursor 3 and stays open.
      const { release, done: writerA } = await openWriter(sql, 'hall-01', first);

      try {
        // Writer B, on another connection, must wait for A rather than commit cursor 4 first.
        let bDone = false;
        const writerB = cases.setStatus(second, 'accepted', undefined).then((outcome) => {
          bDone = true;
          return outcome;
        });
        const waiting = async () =>
          (
            await database().observe<{ n: number }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0]?.n ?? 0;
        await waitFor(async () => (bDone || (await waiting()) > 0 ? true : undefined), 'writer B to block or finish');
        expect(bDone).toBe(false);
        // A reader now sees neither: not 4 without 3.
        expect(await database().observe('SELECT cursor FROM case_status_changes WHERE cursor > 2')).toEqual([]);

        release();
        await writerA;
        expect((await writerB).kind).toBe('ok');
      } finally {
        // A failing check must not leave A's transaction open.
        release();
        await writerA;
      }
      const feed = await hallChangesSince(database().sql, 'hall-01', 2, 10);
      expect(feed.map((c) => [c.cursor, c.caseNumber])).toEqual([
        [3, first],
        [4, second],
      ]);
    },
  );

  it.skipIf(kind === 'pglite')(
    `lets another hall's writer commit while a hall's writer is open${kind === 'pglite' ? ' — skipped: PGlite runs one transaction at a time' : ''}`,
    async () => {
      const cases = service();
      const ours = await newCase(cases, 'hall-01');
      const theirs = await newCase(cases, 'hall-02');
      const { sql } = database();

      const { release, done: writerA } = await openWriter(sql, 'hall-01', ours);
      try {
        // Hall 02's writer draws a later cursor and commits while hall 01's is still open.
        expect((await cases.setStatus(theirs, 'accepted', undefined)).kind).toBe('ok');
        expect(await cursorsSince(2, 'hall-02')).toEqual([4]);
        expect(await cursorsSince(1, 'hall-01')).toEqual([]);
      } finally {
        release();
        await writerA;
      }
      expect(await cursorsSince(1, 'hall-01')).toEqual([3]);
    },
  );
});
