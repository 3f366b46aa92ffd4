-- Each hall's changes feed in order of its own writers only, so halls stop queueing on each other;
-- and a case as its own idempotency claim. PostgreSQL 15 and PGlite alike (platform/db/README.md).
--
-- Until now every writer of the feed, whatever its hall, took the next cursor from one counter
-- row held to its commit: cursors became visible in district order, and every case of every
-- hall waited for the one before it. A hall only ever reads its own feed
-- (GET /v1/cases/changes), so the order that matters is per hall: a writer now takes the hall's
-- lock (a transaction-level advisory lock, platform/store/change-feed.ts) and then cursors from
-- a sequence, and holds the lock to its commit. One hall's cursors become visible in order;
-- another hall's writer goes ahead meanwhile. Cursors stay district-wide and unique, so the
-- cursors halls have saved keep their meaning.
CREATE SEQUENCE case_change_cursors AS bigint;
SELECT setval('case_change_cursors', coalesce((SELECT max(cursor) FROM case_status_changes), 0) + 1, false);
DROP TABLE change_feed_counter;

-- A case is its own idempotency claim: cases.idempotency_key is unique and the row carries its
-- request's hash, so POST /v1/cases and its batch look a key up there and no longer write a row
-- of idempotent_requests beside each case. The rows they wrote are answered by the cases now.
DELETE FROM idempotent_requests WHERE scope = 'cases';

-- cases_by_hall_newest (004) serves every read this one did, a (hall, received_at) range read in
-- either direction; every case inserted paid for both.
DROP INDEX cases_by_hall;
