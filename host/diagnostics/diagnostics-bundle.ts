import { strToU8, zipSync } from 'fflate';
import type { HostConfig } from '../../contracts/config';
import type { DeviceList } from '../../contracts/devices';
import type { Terminal } from '../../contracts/pairing';
import type { SyncStatus } from '../../contracts/sync';
import type { TerminalSettings } from '../../contracts/terminal-settings';
import type { Db } from '../../db/open';
import { databaseFacts, latestAudit } from '../../db/repositories/diagnostics';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { LogRing } from '../log/log-ring';
import { bundleFileName } from './bundle-name';
import { BUNDLE_README } from './bundle-readme';
import { hostInfo } from './host-info';
import { safeConfig } from './safe-config';
import { scrubForBundle } from './scrub';

/** Audit rows in a bundle: enough for the last days of a busy hall. */
const AUDIT_ROWS = 1000;

export interface DiagnosticsSources {
  config: HostConfig;
  version: string;
  clock: Clock;
  db: Db;
  logs: LogRing;
  terminal(): TerminalSettings;
  businessDay(): string;
  devices(): DeviceList;
  syncStatus(): SyncStatus;
  terminals(): Terminal[];
  /** Where the API is bound (`host:port`); empty when not listening. */
  listening(): string[];
}

export interface DiagnosticsBundle {
  fileName: string;
  zip: Uint8Array;
  /** The files in the zip, by name (what the test and the audit entry look at). */
  files: string[];
}

const json = (value: unknown) => `${JSON.stringify(scrubForBundle(value), null, 2)}\n`;
const ndjson = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(scrubForBundle(row))}\n`).join('');

/**
 * The technician's diagnostics bundle: a zip of the host's facts, configuration without
 * secrets, devices, sync, terminals, masked recent logs, audit rows and database health.
 * Every file passes `scrubForBundle` last, whatever its builder already left out.
 */
export function buildDiagnosticsBundle(s: DiagnosticsSources): DiagnosticsBundle {
  const now = s.clock.now();
  const terminal = s.terminal();
  const files: Record<string, string> = {
    'README.txt': BUNDLE_README,
    'host.json': json(
      hostInfo({ now, version: s.version, config: s.config, terminal, businessDay: s.businessDay(), listen: s.listening() }),
    ),
    'config.json': json(safeConfig(s.config, terminal)),
    'devices.json': json(s.devices()),
    'sync.json': json(s.syncStatus()),
    'terminals.json': json({ terminals: s.terminals() }),
    'logs.ndjson': ndjson(s.logs.all()),
    'audit.ndjson': ndjson(latestAudit(s.db, AUDIT_ROWS)),
    'database.json': json(databaseFacts(s.db)),
  };
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)] as const)), {
    level: 6,
    mtime: now,
  });
  return { fileName: bundleFileName(s.config.hallId, now, s.config.timeZone), zip, files: Object.keys(files) };
}

/**
 * A technician's download of the bundle. The audit row is written before the zip is built, so
 * the download is the bundle's own last audit row.
 */
export function downloadDiagnosticsBundle(s: DiagnosticsSources, staffId: number): DiagnosticsBundle {
  audit(s.db, s.clock, 'diagnostics.download', { staffId });
  return buildDiagnosticsBundle(s);
}
