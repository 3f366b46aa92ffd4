import { WeeklyHours, type ServiceSeed } from '../../contracts/config';
import {
  HallSettings,
  type HallSettingsInput,
  type HallSettingsIssue,
  type HallService,
  type HallWindow,
} from '../../contracts/hall-settings';
import type { Db } from '../../db/open';
import { listServices, type ServiceRow } from '../../db/repositories/services';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { listWindows } from '../../db/repositories/windows';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import { queueConflicts, settingsIssues } from './hall-settings-check';
import { applyHallLayout } from './hall-layout';

const KEY = 'hall';

export interface HallSettingsStoreOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  /** The config file's values: read on first boot only. */
  seed: HallSettingsInput;
  /** Today's business day in the hall's time zone: a change is checked against today's queue. */
  businessDay: () => string;
}

/** The refusal of a settings document, every issue with its field path. */
export function settingsInvalid(issues: HallSettingsIssue[]): HostError {
  return new HostError('settings_invalid', '大厅设置有误，请按提示修改', { issues });
}

/**
 * The hall's settings: the config file seeds them on first boot, the technician console owns
 * them afterwards. A change is checked (the document itself, then today's queue), written
 * together with the service and window tables in one transaction, audited, and then announced
 * (`settings.changed`, and the listeners that hand hours, rules and timeouts to the running
 * queue, identity sessions and sign-in), so it takes effect without a restart.
 */
export class HallSettingsStore {
  private current: HallSettings;
  private readonly listeners = new Set<(settings: HallSettings) => void>();

  constructor(private readonly o: HallSettingsStoreOptions) {
    const stored = readSetting(o.db, KEY);
    const parsed = stored === undefined ? undefined : HallSettings.safeParse(stored);
    if (parsed?.success) {
      this.current = parsed.data;
      return;
    }
    // First boot (or a document this build cannot read): what the hall has today.
    const first = firstDocument(o.db, HallSettings.parse(o.seed));
    const issues = settingsIssues(first);
    if (issues.length > 0)
      throw new Error(
        `the config file's hall settings do not hold together: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      );
    o.db.transaction(() => {
      writeSetting(o.db, KEY, first, o.clock.now().toISOString());
      applyHallLayout(o.db, first);
      audit(o.db, o.clock, 'settings.hall_seed', { details: { services: first.services.length, windows: first.windows.length } });
    })();
    this.current = first;
  }

  get(): HallSettings {
    return this.current;
  }

  /** The issues that refuse `next`: the document's own, then today's queue's. [] when it can be applied. */
  check(next: HallSettings): HallSettingsIssue[] {
    const own = settingsIssues(next);
    return own.length > 0 ? own : queueConflicts(this.o.db, next, this.o.businessDay());
  }

  /** Replaces the settings whole and applies them live; throws `settings_invalid` with every issue. */
  update(input: HallSettingsInput, staffId: number | null): HallSettings {
    const next = HallSettings.parse(input);
    this.o.db.transaction(() => this.writeWithin(next, staffId))();
    this.announce(next);
    return next;
  }

  /**
   * Checks and writes `next` inside the caller's transaction (a configuration import writes
   * devices and staff in the same one); the caller calls `announce(next)` after the commit.
   */
  writeWithin(next: HallSettings, staffId: number | null): void {
    const issues = this.check(next);
    if (issues.length > 0) throw settingsInvalid(issues);
    const before = this.current;
    writeSetting(this.o.db, KEY, next, this.o.clock.now().toISOString());
    const layout = applyHallLayout(this.o.db, next);
    audit(this.o.db, this.o.clock, 'settings.hall', {
      staffId,
      details: {
        changed: changedSections(before, next),
        services: next.services.length,
        windows: next.windows.length,
        servicesRemoved: layout.services.removed,
        servicesRetired: layout.services.retired,
        windowsRetired: layout.windows.retired,
      },
    });
  }

  /** After the commit: the running parts follow, and every screen re-reads what it shows. */
  announce(next: HallSettings): void {
    this.current = next;
    for (const listener of this.listeners) listener(next);
    this.o.bus.publish({ type: 'settings.changed', scope: 'hall' });
  }

  /** Called after every change (the queue's hours and rules, timeouts). */
  onChange(listener: (settings: HallSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The top-level parts of the settings that differ (for the audit log and the import summary). */
export function changedSections(a: HallSettings, b: HallSettings): (keyof HallSettings)[] {
  const keys = Object.keys(b) as (keyof HallSettings)[];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

function serviceFromRow(row: ServiceRow): HallService {
  const hours = row.hoursJson === null ? undefined : WeeklyHours.safeParse(JSON.parse(row.hoursJson));
  const service: ServiceSeed = {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    prefix: row.prefix,
    numberStart: row.numberStart,
    numberEnd: row.numberEnd,
    dailyLimit: row.dailyLimit,
    targetWaitMin: row.targetWaitMin,
    materials: row.materials,
    ...(row.slotMinutes !== null && row.slotLimit !== null ? { slotMinutes: row.slotMinutes, slotLimit: row.slotLimit } : {}),
    ...(hours?.success ? { hours: hours.data } : {}),
  };
  return service;
}

/**
 * The first settings document: the config file's, plus the services and windows the database
 * already had (an older version seeded them from an earlier config and never removed any), so
 * upgrading changes nothing a citizen sees.
 */
function firstDocument(db: Db, seed: HallSettings): HallSettings {
  const codes = new Set(seed.services.map((s) => s.code));
  const prefixes = new Set(seed.services.map((s) => s.prefix));
  const extraServices = listServices(db)
    .filter((s) => !codes.has(s.code) && !prefixes.has(s.prefix))
    .map(serviceFromRow);
  const services = [...seed.services, ...extraServices];
  const known = new Set(services.map((s) => s.code));
  const numbers = new Set(seed.windows.map((w) => w.number));
  const extraWindows: HallWindow[] = listWindows(db)
    .filter((w) => !numbers.has(w.number))
    .map((w) => ({ number: w.number, name: w.name, services: w.services.filter((code) => known.has(code)) }))
    .filter((w) => w.services.length > 0);
  return { ...seed, services, windows: [...seed.windows, ...extraWindows] };
}
