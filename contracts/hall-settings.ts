/**
 * The hall's settings: services, windows, opening hours, queue rules, the hall display
 * and timeouts, edited whole in the technician console and effective at once, without a restart.
 * Seeded from the config file on first boot; afterwards the database copy is the truth.
 * Staff accounts are not part of the document: they live in the staff table (`/staff` routes).
 */
import { z } from 'zod';
import { DisplayOptions, QueuePolicy, ServiceSeed, WeeklyHours, WindowSeed, WorkCalendarConfig } from './config';
import { KioskVoiceVolume } from './kiosk-prompts';
import { PublicUrl } from './public-url';
import { ReviewSettings } from './reviews';

/**
 * The queue rules a hall may change while it runs. The business day's turnover hour
 * (`queue.dailyResetHour`) stays in the config file: moving it mid-day would re-date open
 * tickets and the day's statistics.
 */
export const HallQueueRules = QueuePolicy.omit({ dailyResetHour: true });
export type HallQueueRules = z.infer<typeof HallQueueRules>;

export const HallTimeouts = z.object({
  /**
   * Seconds without a touch before the kiosk's home screen ends the visit (长辈版 gets half as long
   * again). At least 30: the countdown warns for the last 30 seconds.
   */
  kioskIdleSeconds: z.number().int().min(30).max(600).default(60),
  /** Minutes a citizen's card data may stay in the host's memory, even with the card still on the reader. */
  identitySessionMinutes: z.number().int().min(1).max(30).default(5),
  /** Hours a staff sign-in lasts (new sign-ins follow a change; running sessions keep theirs). */
  staffSessionHours: z.number().int().min(1).max(24).default(12),
  /**
   * Days a case that never reached the central API (still pending, or refused for good) is kept,
   * personal data and all, before the host deletes it. At least 30, so that a long outage of the
   * provincial link does not wipe what citizens filed; at most a year.
   */
  personalDataRetentionDays: z.number().int().min(30).max(365).default(90),
  /**
   * Seconds without a touch before a window evaluator closes an open rating unrecorded and goes
   * back to its idle screen (the citizen left). At least 15: time to read the five levels.
   */
  evaluatorIdleSeconds: z.number().int().min(15).max(600).default(60),
});
export type HallTimeouts = z.infer<typeof HallTimeouts>;

/**
 * When the manager's live floor (现场) raises its alerts. A ticket's alert needs no setting: it
 * waits past the target of its service (`services[].targetWaitMin`).
 */
export const HallAlertThresholds = z.object({
  /** Minutes a window with someone signed in may stay paused (暂停) before the floor alerts. */
  windowPausedMinutes: z.number().int().min(1).max(240).default(15),
  /** Minutes the oldest record owed to the central API may wait before the floor says the sync is stuck. */
  syncStuckMinutes: z.number().int().min(1).max(1440).default(10),
});
export type HallAlertThresholds = z.infer<typeof HallAlertThresholds>;

/** The kiosks' voice: a quiet hall turns it down (or off) for every kiosk at once. */
export const KioskVoiceSettings = z.object({
  /**
   * Volume of the kiosks' spoken guidance, 0–100 % (0: silent), for the browser's voice and the
   * host's audio alike. The citizen's own 关闭语音 still silences the kiosk for their visit.
   */
  volumePercent: KioskVoiceVolume.default(100),
});
export type KioskVoiceSettings = z.infer<typeof KioskVoiceSettings>;

export const HallSettings = z.object({
  hallName: z.string().trim().min(1).max(64),
  /** In the order the kiosk lists them; a prefix letter each, so at most 26. */
  services: z.array(ServiceSeed).min(1).max(26),
  windows: z.array(WindowSeed).max(200),
  /** The hall's opening hours; a service may have its own (`services[].hours`). */
  hours: WeeklyHours,
  queue: HallQueueRules.prefault({}),
  display: DisplayOptions.prefault({}),
  calendar: WorkCalendarConfig.prefault({}),
  timeouts: HallTimeouts.prefault({}),
  /**
   * Where a citizen's phone reaches the hall (its Wi-Fi or internet address): every printed and
   * shown QR code names it (contracts/public-url.ts). Unset: this machine's own address, which
   * only the machine itself can open.
   */
  publicUrl: PublicUrl.nullable().default(null),
  /** 差评整改回访: working days to rectify and answer a 差评 (counted on `calendar`). */
  reviews: ReviewSettings.prefault({}),
  alerts: HallAlertThresholds.prefault({}),
  kioskVoice: KioskVoiceSettings.prefault({}),
});
export type HallSettings = z.infer<typeof HallSettings>;
export type HallSettingsInput = z.input<typeof HallSettings>;
export type HallService = HallSettings['services'][number];
export type HallWindow = HallSettings['windows'][number];

/** Why the host refused a settings document that is well-formed but does not hold together. */
export const HallSettingsReason = z.enum([
  /** Two entries share a key that must be unique (service code or prefix, window number, device id, staff number). */
  'duplicate',
  /** A window (or staff member) names a service (window) the settings do not have. */
  'unknown_service',
  'unknown_window',
  /** The number range ends at or before its start. */
  'number_range',
  /** A per-slot limit needs both its minutes and its ticket count. */
  'slot_pair',
  /** An opening period ends at or before it starts, or overlaps the one before it. */
  'period_order',
  'period_overlap',
  /** A date is both a holiday and an extra working day. */
  'calendar_conflict',
  /** A service taken out still has tickets waiting, called or held today. */
  'open_tickets',
  /** A window taken out has someone signed in, a citizen at it, or tickets transferred to it. */
  'window_in_use',
  /** Today's numbers with this letter belong to another service: the numbers would collide. */
  'prefix_used_today',
  /** Lowering the first number after numbers were issued today would issue a number twice. */
  'number_start_lowered',
  /** The importing account cannot disable itself or change its own role. */
  'self_change',
]);
export type HallSettingsReason = z.infer<typeof HallSettingsReason>;

/**
 * One refusal: `path` is the field as a dotted path in the submitted document
 * (`services.2.prefix`, `hall.windows.0.services.1` in an import), `values` fill the message.
 */
export const HallSettingsIssue = z.object({
  path: z.string(),
  reason: HallSettingsReason,
  message: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type HallSettingsIssue = z.infer<typeof HallSettingsIssue>;

/** `details` of a `settings_invalid` error. */
export const HallSettingsIssues = z.object({ issues: z.array(HallSettingsIssue) });
export type HallSettingsIssues = z.infer<typeof HallSettingsIssues>;

/** What every screen may know of the hall settings without signing in (the kiosk's idle timer). */
export const HallInfo = z.object({
  hallName: z.string(),
  kioskIdleSeconds: z.number().int().positive(),
  /** The age from which a card takes an elder's priority ticket (the kiosk explains the rule). */
  elderAge: z.number().int().positive(),
  /** How long a window evaluator keeps an untouched rating open (hall settings `timeouts`). */
  evaluatorIdleSeconds: z.number().int().positive(),
  /** The kiosks' voice volume, 0–100 % (hall settings `kioskVoice`); 100 from a hall host that predates it. */
  kioskVoiceVolume: KioskVoiceVolume.default(100),
});
export type HallInfo = z.infer<typeof HallInfo>;
