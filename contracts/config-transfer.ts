/**
 * Export and import of a hall's configuration: one JSON file holding the hall settings,
 * this host's devices and terminal settings, and the staff accounts, WITHOUT any secret (no PIN
 * hash, central API token, pairing or terminal token, install secret). Moving a hall to a new
 * machine is: export on the old one, import on the new one.
 */
import { z } from 'zod';
import { Pin, StaffName, StaffNo, StaffRole } from './auth';
import { DeviceConfig } from './config';
import { HallSettings } from './hall-settings';
import { TerminalSettings, TerminalSettingsView } from './terminal-settings';

export const CONFIG_EXPORT_FORMAT = 'hall-kiosk-config';

/** A staff account as exported: who and where, never a PIN or its hash. */
export const ExportedStaff = z.object({
  staffNo: StaffNo,
  name: StaffName,
  role: StaffRole,
  windowNumber: z.number().int().positive().nullable().default(null),
  enabled: z.boolean().default(true),
});
export type ExportedStaff = z.infer<typeof ExportedStaff>;

export const ConfigExport = z.object({
  format: z.literal(CONFIG_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  /** The hall the file came from (its id at the central API). */
  hallId: z.string().max(40),
  hall: HallSettings,
  devices: z.array(DeviceConfig).max(100),
  /** Never the update feed: it changes only at the machine itself (an older file's is ignored). */
  terminal: TerminalSettings.omit({ updates: true }),
  staff: z.array(ExportedStaff).max(2000),
});
export type ConfigExport = z.infer<typeof ConfigExport>;

/**
 * The file as the host sends it: the stored terminal settings, already validated, with no
 * transform (a reply schema with one cannot be serialised: a secondary kiosk's hall address
 * made the export answer 500).
 */
export const ConfigExportFile = ConfigExport.extend({ terminal: TerminalSettingsView });
export type ConfigExportFile = z.infer<typeof ConfigExportFile>;
export type ConfigExportInput = z.input<typeof ConfigExport>;

export const ImportQuery = z.object({
  /** true (the default): only say what would change. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

/** Keys (service codes, window numbers, device ids, staff numbers) the import adds, changes or removes. */
export const ImportChanges = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
export type ImportChanges = z.infer<typeof ImportChanges>;

export const HallSection = z.enum(['hallName', 'hours', 'queue', 'display', 'calendar', 'timeouts', 'alerts']);
export type HallSection = z.infer<typeof HallSection>;

export const ImportResult = z.object({
  /** false for a dry run: nothing was written. */
  applied: z.boolean(),
  sourceHallId: z.string(),
  /** Parts of the hall settings that differ from this host's. */
  hall: z.array(HallSection),
  services: ImportChanges,
  windows: ImportChanges,
  devices: ImportChanges,
  /**
   * Staff accounts: added ones get a generated PIN, changed ones keep theirs; `removed` are
   * accounts missing from the file, which are disabled (never deleted: the audit log names them).
   */
  staff: ImportChanges,
  terminalChanged: z.boolean(),
  /** After an applied import only: the new accounts' PINs, shown this once and stored only as hashes. */
  oneTimePins: z.array(z.object({ staffNo: StaffNo, pin: Pin })),
});
export type ImportResult = z.infer<typeof ImportResult>;
