/**
 * CLI entry of the reference central API:
 *   central-api [--port 7310] [--host 127.0.0.1] [--db FILE] [--token T]... [--admin-token T]
 *               [--matching-secret S] [--quiet]
 * Listens, prints its URL, and closes the server and database cleanly on SIGINT/SIGTERM.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../db/data-folder';
import { createCentralApi } from './server';

function defaultDbFile(): string {
  return join(defaultDataDir(), 'central-api.sqlite');
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port ${text}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7310' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string' },
      token: { type: 'string', multiple: true },
      'admin-token': { type: 'string', default: 'dev-admin-token' },
      // Each hall's appointment-matching key is derived from it; default: the demo secret.
      'matching-secret': { type: 'string' },
      // The demo (npm start) runs it quietly: the host's own lines say what happens.
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = parsePort(values.port);
  const dbFile = values.db ?? defaultDbFile();
  const tokens = values.token && values.token.length > 0 ? values.token : ['dev-terminal-token'];

  const matchingSecret = values['matching-secret'];
  const api = await createCentralApi({
    dbFile,
    tokens,
    adminToken: values['admin-token'],
    ...(matchingSecret === undefined ? {} : { matchingSecret }),
    logger: !values.quiet,
  });
  const address = await api.app.listen({ port, host: values.host });
  console.log(`central API listening on ${address} (database ${dbFile})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing central API`);
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('central API did not close cleanly', error);
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
