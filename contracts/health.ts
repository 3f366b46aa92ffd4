import { z } from 'zod';
import { DeviceKind } from './config';
import { HallLinkStatus } from './hall-link';
import { BackupHealth } from './backups';
import { CardKind } from './identity';

/** Health of a device as the technician console and the event stream show it. */
export const DeviceState = z.enum([
  'starting',
  'ok',
  'no-device',
  'error',
  'no-sam',
  'paper-near-end',
  'paper-end',
  'cover-open',
  'offline',
  'disabled',
]);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceHealth = z.object({
  id: z.string(),
  kind: DeviceKind,
  simulated: z.boolean(),
  state: DeviceState,
  errorCount: z.number().int().nonnegative(),
  lastError: z.string().optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/**
 * Whether this host's database takes writes: `full` (SQLITE_FULL: disk or size limit), `read-only`
 * (SQLITE_READONLY), `failing` (SQLITE_IOERR and the like), `corrupt` (SQLITE_CORRUPT or NOTADB:
 * the file is damaged). While it is not `ok`, writes answer `storage_unavailable` (503) and the
 * kiosk shows its out-of-service screen; the host probes with a scratch write and returns to `ok`
 * by itself once one succeeds, except from `corrupt`, which only a restore ends (docs/backup.md).
 */
export const StorageState = z.enum(['ok', 'full', 'read-only', 'failing', 'corrupt']);
export type StorageState = z.infer<typeof StorageState>;

export const StorageHealth = z.object({
  state: StorageState,
  /** When the current state began (the host's start, for a host that never failed). */
  since: z.iso.datetime(),
});
export type StorageHealth = z.infer<typeof StorageHealth>;

export const HostHealth = z.object({
  status: z.literal('ok'),
  version: z.string(),
  role: z.enum(['kiosk', 'counter', 'display', 'technician']),
  hallName: z.string(),
  /**
   * The IANA zone the hall keeps (its business day, opening hours, every time shown): pages ask
   * here rather than assume one, so a hall outside Beijing time reads its own clock.
   */
  timeZone: z.string(),
  /**
   * The card kinds whose chip carries a residence address: the kiosk's form takes the address from
   * such a card (零填表) and asks the holder of any other to type it.
   */
  cardKindsWithAddress: z.array(CardKind),
  businessDay: z.iso.date(),
  devices: z.array(DeviceHealth),
  /** Whether this host is the hall, or a terminal of another hall host (and reaching it or not). */
  hallLink: HallLinkStatus,
  /** Whether the database takes writes (disk full, read-only, I/O errors). */
  storage: StorageHealth,
  /** The nightly backup's state (absent from a host older than backups). */
  backup: BackupHealth.optional(),
});
export type HostHealth = z.infer<typeof HostHealth>;
