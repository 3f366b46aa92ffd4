/**
 * This terminal's own settings, edited in the technician console and effective at once:
 * its role, the hall it belongs to (`hallUrl`; none = this host is the hall), kiosk options, and
 * what the Electron shell uses: the A4 printer and the update feed.
 * Seeded from the config file on first boot; afterwards the database copy is the truth.
 */
import { z } from 'zod';
import { BackupOptions } from './backups';
import { isLoopbackHost } from './loopback';

export const TerminalRole = z.enum(['kiosk', 'counter', 'display', 'technician']);
export type TerminalRole = z.infer<typeof TerminalRole>;

/** The kiosk's home tiles (renderer/kiosk/flows/registry.ts). */
export const KioskFlowId = z.enum(['ticket', 'checkin', 'case', 'progress', 'complaint', 'evaluate', 'guide', 'steward']);
export type KioskFlowId = z.infer<typeof KioskFlowId>;

export const KioskOptions = z.object({
  /** Start every visit in 长辈版 (large print), e.g. at a community centre. */
  elderModeDefault: z.boolean().default(false),
  /** Voice guidance on at the start of every visit (the citizen can mute it). */
  voiceDefault: z.boolean().default(true),
  /** Tiles this kiosk does not offer (a community kiosk may have no 企业开办). */
  hiddenFlows: z.array(KioskFlowId).max(7).default([]),
});
export type KioskOptions = z.infer<typeof KioskOptions>;

/** A hall host's address as a terminal reaches it: http(s), no path, query or credentials. */
export const HallUrl = z
  .url({ protocol: /^https?$/ })
  .refine((value) => {
    // Refinements run even when the URL check above failed: never throw on a non-URL.
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.username === '' && url.password === '' && (url.pathname === '/' || url.pathname === '') && url.search === '';
  }, 'the hall host address only, e.g. https://192.168.1.10:7443')
  // Tokens and the hall's queue key travel on this link: never in clear across the LAN.
  .refine(
    (value) => !URL.canParse(value) || new URL(value).protocol === 'https:' || isLoopbackHost(new URL(value).hostname),
    'the hall host over https (plain http only to this machine), e.g. https://192.168.1.10:7443',
  )
  .transform((value) => new URL(value).origin);

/** A system printer's name as the OS lists it (CUPS queue, Windows printer name). */
const PrinterName = z.string().trim().min(1).max(128);

/** Printing under the Electron shell: A4 documents (case receipts) go to this system printer. */
export const PrintingOptions = z.object({
  /** None: the shell prints no A4 copy (it still saves a PDF). */
  a4Printer: PrinterName.nullable().default(null),
});
export type PrintingOptions = z.infer<typeof PrintingOptions>;

/**
 * Where the Electron shell looks for updates (electron-updater's generic provider). https only:
 * the shell installs nothing but signed releases anyway (electron/shell-updates.ts), and https
 * keeps a LAN attacker from choosing which one it sees. Changed only at the machine itself
 * (host/settings/terminal-settings.ts).
 */
export const UpdateOptions = z.object({
  /** The https folder holding release.json (+ .sig) and latest.yml; none: this terminal never updates itself. */
  url: z
    .url({ protocol: /^https$/, error: 'the update feed (updates.url) must be an https: address' })
    .refine(
      (value) => URL.canParse(value) && new URL(value).username === '' && new URL(value).password === '',
      'no credentials in the URL',
    )
    .nullable()
    .default(null),
});
export type UpdateOptions = z.infer<typeof UpdateOptions>;

export const TerminalSettings = z.object({
  role: TerminalRole.default('kiosk'),
  /** How this terminal appears in the hall's terminal list. */
  name: z.string().trim().min(1).max(64).default('自助终端'),
  /** The hall host whose queue this terminal uses; null when this host is the hall. */
  hallUrl: HallUrl.nullable().default(null),
  kiosk: KioskOptions.prefault({}),
  printing: PrintingOptions.prefault({}),
  updates: UpdateOptions.prefault({}),
  /** This machine's nightly backup of its database (contracts/backups.ts); the folder changes only at the machine. */
  backup: BackupOptions.prefault({}),
});
export type TerminalSettings = z.infer<typeof TerminalSettings>;
export type TerminalSettingsInput = z.input<typeof TerminalSettings>;

/** The stored settings as the API returns them (validated on the way in, so no transform here). */
export const TerminalSettingsView = z.object({
  role: TerminalRole,
  name: z.string(),
  hallUrl: z.string().nullable(),
  kiosk: z.object({ elderModeDefault: z.boolean(), voiceDefault: z.boolean(), hiddenFlows: z.array(KioskFlowId) }),
  printing: z.object({ a4Printer: z.string().nullable() }),
  updates: z.object({ url: z.string().nullable() }),
  backup: z.object({ folder: z.string().nullable(), time: z.string(), keepDays: z.number().int() }),
});
export type TerminalSettingsView = z.infer<typeof TerminalSettingsView>;
