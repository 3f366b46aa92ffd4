import type { HostConfig, HostEnvironment } from '../../contracts/config';
import type { Clock } from '../clock/clock';

/** What a host is built from: its configuration, environment, files and the few things tests inject. */
export interface HostOptions {
  config: HostConfig;
  /** demo (npm start), test, or production (refuses demo values, no simulator routes, JSON logs). */
  environment: HostEnvironment;
  /** Folder of db/migrations (resolved by the entry point: source and bundle differ). */
  migrationsDir: string;
  /** Built renderer (dist/renderer); the API runs without it. */
  rendererDir?: string;
  /** SQLite file; ':memory:' in tests. Defaults to <dataDir>/hall.sqlite. */
  dbFile: string;
  /** Where the install secret lives; omitted in tests (an ephemeral key is used). */
  secretFile?: string;
  clock?: Clock;
  version?: string;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /**
   * Base URL of the printed QR codes when the hall settings name none (`publicUrl`, which wins);
   * default: the loopback listener's address.
   */
  publicUrl?: string;
  /** Where log lines go (stdout by default); tests capture them to prove no personal data leaks. */
  logStream?: NodeJS.WritableStream;
  /** The espeak-ng binary behind the display's fallback voice (`espeak-ng` on the PATH by default). */
  espeakCommand?: string;
  /**
   * Set by the Electron shell (env HALL_SHELL_TOKEN): loopback requests must then carry it in
   * `x-hall-shell` (or a staff or terminal token). Unset: the loopback stays open (Chromium fallback).
   */
  shellToken?: string;
  /** How often a database that refused a write is probed for recovery (default 5 s; tests go faster). */
  storageProbeMs?: number;
}
