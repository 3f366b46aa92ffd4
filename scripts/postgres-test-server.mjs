#!/usr/bin/env node
// The PostgreSQL server the platform's tests run against (the other database is PGlite, in
// process). `node scripts/postgres-test-server.mjs` prints its admin URL; the tests' global
// setup (tests/support/postgres-global-setup.ts) calls `ensurePostgresTestServer()`.
//
// Which server:
// 1. HALL_KIOSK_TEST_POSTGRES_URL, when set: any PostgreSQL ≥ 15 with a role that may CREATE
//    DATABASE (a developer's own server, a CI service container). Nothing is started.
// 2. Else Debian's cluster (`postgresql` package, as .ci/run installs it): started with
//    `pg_ctlcluster <version> main start` if it is down (idempotent; created first with
//    pg_createcluster if the package made none), and a login role `hall_kiosk_test` (CREATEDB,
//    nothing else) created through `psql` as the `postgres` user. This needs root, or to be the
//    postgres user.
//
// Why the system cluster and not a private `initdb` in a temp folder: it is what CI and
// production run, it starts in about a second (an initdb takes several), and it is shared
// safely by concurrent test runs (each test file gets its own database, named after its
// process). The tests never stop it, and never change its configuration.
//
// When neither works, the reason is returned, and the server-side tests skip with it in
// their names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const TEST_ROLE = 'hall_kiosk_test';
// A role for tests on a server that listens on loopback only; not a secret.
const TEST_PASSWORD = 'hall-kiosk-test';
const PG_ROOT = '/usr/lib/postgresql';

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}`.trim(), err: `${result.stderr ?? result.error ?? ''}`.trim() };
}

/** Debian's clusters as `{ version, name, port, online }` (pg_lsclusters without its header). */
function clusters() {
  const listed = run('pg_lsclusters', ['-h']);
  if (!listed.ok) return [];
  return listed.out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4)
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status === 'online' }));
}

function asPostgres(command, args) {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

/**
 * The admin URL of a server the tests may create databases on: `{ url }`, or `{ reason }` saying
 * why there is none.
 */
export function ensurePostgresTestServer() {
  const given = process.env.HALL_KIOSK_TEST_POSTGRES_URL;
  if (given) return { url: given };

  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(`${PG_ROOT}/${v}/bin/postgres`)) : [];
  if (versions.length === 0) {
    return { reason: 'no PostgreSQL server installed (apt-get install postgresql, or set HALL_KIOSK_TEST_POSTGRES_URL)' };
  }
  const user = process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'this user');
  if (user !== 'root' && user !== 'postgres') {
    return { reason: `starting Debian's PostgreSQL needs root or the postgres user (set HALL_KIOSK_TEST_POSTGRES_URL instead)` };
  }

  let cluster = clusters().sort((a, b) => Number(b.version) - Number(a.version))[0];
  if (cluster === undefined) {
    const version = versions.sort((a, b) => Number(b) - Number(a))[0];
    const created = run('pg_createcluster', [version, 'main']);
    if (!created.ok) return { reason: `pg_createcluster ${version} main failed: ${created.err}` };
    cluster = clusters()[0];
    if (cluster === undefined) return { reason: 'pg_createcluster made no cluster' };
  }
  if (!cluster.online) {
    const started = run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
    // Another test run may have started it a moment ago: only a cluster still down is a failure.
    if (!started.ok && !clusters().some((c) => c.version === cluster.version && c.name === cluster.name && c.online)) {
      return { reason: `pg_ctlcluster ${cluster.version} ${cluster.name} start failed: ${started.err}` };
    }
  }

  const createRole = `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_ROLE}') THEN
        CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_PASSWORD}';
      END IF;
    END $$;`;
  const role = asPostgres('psql', ['-p', String(cluster.port), '-v', 'ON_ERROR_STOP=1', '-qAtc', createRole]);
  // Two runs creating the role at once: one wins, the other's error is harmless.
  if (!role.ok && !/already exists/.test(role.err)) return { reason: `creating the test role failed: ${role.err}` };
  return { url: `postgres://${TEST_ROLE}:${TEST_PASSWORD}@127.0.0.1:${cluster.port}/postgres` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = ensurePostgresTestServer();
  if (server.url) console.log(server.url);
  else {
    console.error(`no PostgreSQL test server: ${server.reason}`);
    process.exit(1);
  }
}
