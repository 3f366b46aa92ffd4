/**
 * `npm run demo-data` (and `npm start -- --demo-data`): writes a year of invented hall history
 * into the demo's database, built to dist/host/demo-data.js.
 *
 *   node dist/host/demo-data.js [--data-dir DIR] [--config FILE] [--seed TEXT] [--workdays N] [--per-day N]
 *   node dist/host/demo-data.js --hint [--data-dir DIR]   one line when the demo has no history yet
 *
 * Refuses a production hall's data folder and a database a running host has open.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../db/data-folder';
import { checkpointWal, DatabaseInUseError, openDatabase } from '../../db/open';
import { hasTicketsBefore } from '../../db/repositories/demo-history';
import { systemClock } from '../clock/clock';
import { buildServices } from '../compose/build-services';
import { ConfigError, loadConfig } from '../config/load-config';
import { businessDay } from '../queue/schedule';
import { notADemoConfig, readDemoHall } from './demo-hall';
import { writeDemoHistory } from './write-history';

// Same relative path from its bundle dist/host/demo-data.js as the host's own.
const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../db/migrations');

export const DEMO_DATA_HINT =
  'The demo has no history yet: `npm start -- --demo-data` writes a year of it (invented) for the manager’s reports.';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      seed: { type: 'string', default: 'hall-kiosk-demo' },
      workdays: { type: 'string', default: '250' },
      'per-day': { type: 'string', default: '300' },
      hint: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig(values.config);
  const dataDir = values['data-dir'] ?? config.dataDir ?? defaultDataDir();
  const dbFile = join(dataDir, 'hall.sqlite');
  const now = systemClock.now();
  const today = businessDay(now, config.timeZone, config.queue.dailyResetHour);

  if (values.hint) return hint(dbFile, today);

  const refusal = notADemoConfig({ environment: process.env.HALL_KIOSK_ENV, config });
  if (refusal !== null) {
    console.error(`demo-data: refused: ${refusal}`);
    return 2;
  }
  if (!existsSync(dbFile)) {
    // A folder the demo never ran in: the hall's first boot, as `npm start` would do it (settings,
    // devices, the first supervisor and its one-time PIN file), then the history.
    const services = await buildServices({
      environment: 'demo',
      config,
      migrationsDir,
      dbFile,
      secretFile: join(dataDir, 'install-secret'),
    });
    services.db.close();
    if (services.firstSupervisor)
      console.log(
        `demo-data: set up a new demo hall; supervisor ${services.firstSupervisor.staffNo}'s one-time PIN is in ${services.firstSupervisor.pinFile}`,
      );
  }

  let db;
  try {
    db = openDatabase(dbFile, { migrationsDir, synchronous: 'NORMAL', exclusive: true });
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.error(
      `demo-data: ${dbFile} is in use: stop the demo host first, or start it with \`npm start -- --demo-data\`, which writes the history before the host opens the file.`,
    );
    return 3;
  }
  try {
    const hall = readDemoHall(db);
    if (!hall.ok) {
      console.error(`demo-data: refused: ${hall.refusal}`);
      return 2;
    }
    console.log(`demo-data: writing a year of invented history into ${dbFile} (seed "${values.seed}")…`);
    let month = '';
    const summary = writeDemoHistory({
      db,
      hall: hall.settings,
      hallId: config.hallId,
      timeZone: config.timeZone,
      resetHour: config.queue.dailyResetHour,
      today,
      now,
      seed: values.seed,
      workdays: positive(values.workdays, 'workdays'),
      ticketsPerWorkday: positive(values['per-day'], 'per-day'),
      onProgress: ({ date, tickets }) => {
        if (date.slice(0, 7) === month) return;
        month = date.slice(0, 7);
        console.log(`  ${month}: ${tickets} tickets so far`);
      },
    });
    checkpointWal(db);
    console.log(
      `demo-data: ${summary.days} days from ${summary.from ?? '—'} to ${summary.to ?? '—'}: ${summary.tickets} tickets, ` +
        `${summary.ratings} ratings (${summary.badReviews} 差评 with their follow-ups), ${summary.cases} cases` +
        (summary.skippedDays > 0 ? `; ${summary.skippedDays} days that had tickets already were left as they are` : ''),
    );
    return 0;
  } finally {
    db.close();
  }
}

/** `--hint`: one line when the demo's database has no history yet. A look that never stops `npm start`. */
function hint(dbFile: string, today: string): number {
  if (process.env.HALL_KIOSK_ENV === 'production') return 0;
  if (!existsSync(dbFile)) {
    console.log(DEMO_DATA_HINT);
    return 0;
  }
  const db = openDatabase(dbFile, { migrationsDir });
  try {
    if (!hasTicketsBefore(db, today)) console.log(DEMO_DATA_HINT);
  } finally {
    db.close();
  }
  return 0;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 2000) throw new ConfigError(`--${name} must be a whole number from 1 to 2000`);
  return n;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
