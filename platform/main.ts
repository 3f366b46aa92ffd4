/**
 * CLI entry of the district platform:
 *   platform (--data-dir DIR | --database-url postgres://…) [--port 7310] [--host 127.0.0.1]
 *            [--token T... | --no-dev-tokens] [--admin-token T] [--matching-secret S] [--quiet]
 *            [--renderer-dir DIR] [--demo-admin]
 *   platform (--data-dir DIR | --database-url …) --add-account NAME --role ROLE --display-name 张三
 *            (the password in HALL_KIOSK_ACCOUNT_PASSWORD): adds a district account, then exits.
 *   platform --write-prepared-data FILE   (the build's: a migrated PGlite database, gzipped)
 * `--data-dir` runs on PGlite (embedded PostgreSQL, data in DIR): what `npm start` does. A first
 * boot starts from the prepared database next to this module when the build left one
 * (`prepared-data.tar.gz`, ~1 s) instead of an initdb and the migrations (~4 s of CPU).
 * `--database-url` (or HALL_KIOSK_DATABASE_URL, which keeps the password out of `ps`) runs on a
 * PostgreSQL server: what production does, with as many instances as needed behind a load
 * balancer. Listens, prints its URL, and closes the server and the database on SIGINT/SIGTERM.
 * The district console's page is served at /district from the built renderer (`--renderer-dir`,
 * default: `dist/renderer` beside the built `dist/platform/main.js`); `--demo-admin` seeds the
 * demo's district admin (DEMO_DISTRICT_ADMIN, `npm start` only).
 * The complaint desk's deadline notices also go by e-mail when HALL_KIOSK_SMTP_HOST (and the other
 * HALL_KIOSK_SMTP_* of notify/smtp-config.ts) are set; without them, to the console inbox only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_CENTRAL_TOKEN } from '../contracts/config';
import { migrate } from './db/migrate';
import { addAccountFromCli } from './accounts-cli';
import { openPgServer } from './db/pg-server';
import { openPglite } from './db/pglite';
import type { Sql } from './db/sql';
import { smtpConfigFromEnvironment } from './notify/smtp-config';
import { createPlatform } from './server';

/** Written by scripts/build.mjs beside the bundle (dist/platform/); absent in the source tree. */
const PREPARED_DATA = fileURLToPath(new URL('./prepared-data.tar.gz', import.meta.url));

/** A new PGlite database, migrated, as a gzipped dump: what a first boot loads. */
async function writePreparedData(file: string): Promise<void> {
  const sql = await openPglite();
  try {
    await migrate(sql);
    writeFileSync(file, Buffer.from(await (await sql.dump('gzip')).arrayBuffer()));
  } finally {
    await sql.close();
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port ${text}`);
  return port;
}

/** Where the data is, for the start line: never the password of a URL. */
function describeServer(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL server ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

async function openDatabase(dataDir: string | undefined, url: string | undefined): Promise<{ sql: Sql; where: string }> {
  if (dataDir !== undefined && url !== undefined) throw new Error('give --data-dir or --database-url, not both');
  if (url !== undefined) {
    const sql = await openPgServer({
      url,
      onIdleError: (error) => console.error(`platform: an idle database connection failed (${error.message}); it will reconnect`),
    });
    return { sql, where: describeServer(url) };
  }
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    // PG_VERSION is the first thing an initdb writes: without it the folder holds no database.
    const firstBoot = !existsSync(join(dataDir, 'PG_VERSION'));
    const prepared = firstBoot && existsSync(PREPARED_DATA) ? new Blob([readFileSync(PREPARED_DATA)]) : undefined;
    return {
      sql: await openPglite({ dataDir, ...(prepared === undefined ? {} : { loadDataDir: prepared }) }),
      where: `PGlite data ${dataDir}`,
    };
  }
  throw new Error('give --data-dir DIR (embedded PGlite) or --database-url postgres://… (a PostgreSQL server)');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7310' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      // Static tokens that sign in as the demo hall (hall-01); default: the dev terminal token.
      token: { type: 'string', multiple: true },
      // Production: no static token (and so no demo district); only registered halls' credentials sign in.
      'no-dev-tokens': { type: 'boolean', default: false },
      'admin-token': { type: 'string', default: 'dev-admin-token' },
      // Each hall's appointment-matching key is derived from it; default: the demo secret.
      'matching-secret': { type: 'string' },
      // The demo (npm start) runs it quietly: the host's own lines say what happens.
      quiet: { type: 'boolean', default: false },
      'write-prepared-data': { type: 'string' },
      // The built renderer, whose district.html is the console page (default: beside dist/platform/).
      'renderer-dir': { type: 'string' },
      // The demo's district admin (contracts/platform-console.ts DEMO_DISTRICT_ADMIN): npm start only.
      'demo-admin': { type: 'boolean', default: false },
      // Adds a district account and exits (accounts-cli.ts).
      'add-account': { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
    },
    strict: true,
  });
  const preparedFile = values['write-prepared-data'];
  if (preparedFile !== undefined) {
    await writePreparedData(preparedFile);
    return;
  }
  const port = parsePort(values.port);
  const given = values.token ?? [];
  if (values['no-dev-tokens'] && given.length > 0) throw new Error('give --token or --no-dev-tokens, not both');
  const tokens = values['no-dev-tokens'] ? [] : given.length > 0 ? given : [DEMO_CENTRAL_TOKEN];
  // The mail server from the environment only (a password among the arguments would show in
  // `ps`), read before the database opens so wrong settings stop the start at once.
  const smtp = smtpConfigFromEnvironment(process.env);
  const url = values['database-url'] ?? process.env.HALL_KIOSK_DATABASE_URL;
  const { sql, where } = await openDatabase(values['data-dir'], url === '' ? undefined : url);
  if (values['add-account'] !== undefined) {
    try {
      console.log(
        await addAccountFromCli(
          sql,
          { username: values['add-account'], role: values.role, name: values['display-name'] },
          process.env,
        ),
      );
    } finally {
      await sql.close();
    }
    return;
  }

  const matchingSecret = values['matching-secret'];
  const platform = await createPlatform({
    sql,
    tokens,
    adminToken: values['admin-token'],
    ...(matchingSecret === undefined ? {} : { matchingSecret }),
    logger: !values.quiet,
    rendererDir: values['renderer-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url)),
    demoAdmin: values['demo-admin'],
    smtp,
  }).catch(async (error: unknown) => {
    await sql.close();
    throw error;
  });
  const address = await platform.app.listen({ port, host: values.host });
  console.log(`platform listening on ${address} (${where}); district console at ${address}/district`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the platform`);
    platform
      .close()
      .then(() => sql.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('the platform did not close cleanly', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
