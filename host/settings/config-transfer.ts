import type { StaffPrincipal } from '../../contracts/auth';
import type { DeviceConfig } from '../../contracts/config';
import {
  CONFIG_EXPORT_FORMAT,
  type ConfigExport,
  type ExportedStaff,
  type HallSection,
  type ImportChanges,
  type ConfigExportFile,
  type ImportResult,
} from '../../contracts/config-transfer';
import type { HallSettingsIssue } from '../../contracts/hall-settings';
import type { TerminalSettings } from '../../contracts/terminal-settings';
import type { Db } from '../../db/open';
import { deleteDevice, upsertDevice } from '../../db/repositories/devices';
import { insertStaff, listStaff, updateStaff, type StaffRow } from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import { generatePin } from '../auth/pin-hash';
import { grantPath, isConfirmedRole, mayManage } from '../auth/role-rules';
import type { StaffAccounts } from '../auth/staff-accounts';
import type { StaffAuth } from '../auth/staff-auth';
import type { Clock } from '../clock/clock';
import type { DeviceManager } from '../devices/device-manager';
import { issue, under } from './hall-settings-check';
import { changedSections, settingsInvalid, type HallSettingsStore } from './hall-settings';
import type { TerminalSettingsStore } from './terminal-settings';

export interface ConfigTransferDeps {
  db: Db;
  clock: Clock;
  hallId: string;
  hall: HallSettingsStore;
  devices: DeviceManager;
  terminal: TerminalSettingsStore;
  auth: Pick<StaffAuth, 'hashPin' | 'endAllSessions'>;
  /** Supervisor and technician arrive as grants a second supervisor confirms, as in the staff section. */
  accounts: Pick<StaffAccounts, 'requestGrant'>;
}

/**
 * The hall's configuration as one file, and that file applied to a host. Nothing secret goes
 * out (no PIN hash, central API token, pairing or terminal token, install secret), so nothing
 * secret comes in: imported accounts keep the PIN they have here, new ones get a generated PIN
 * shown once.
 */
export class ConfigTransfer {
  constructor(private readonly d: ConfigTransferDeps) {}

  export(): ConfigExportFile {
    return {
      format: CONFIG_EXPORT_FORMAT,
      version: 1,
      exportedAt: this.d.clock.now().toISOString(),
      hallId: this.d.hallId,
      hall: this.d.hall.get(),
      devices: this.d.devices.list().devices.map((d) => d.config),
      terminal: this.d.terminal.get(),
      staff: listStaff(this.d.db).map(exportedStaff),
    };
  }

  /** What importing `file` would change; throws `settings_invalid` (paths into the file) when it cannot be applied. */
  plan(file: ConfigExport, actor: StaffPrincipal): ImportResult {
    const issues = this.issues(file, actor);
    if (issues.length > 0) throw settingsInvalid(issues);
    return this.summary(file, actor);
  }

  /** Applies `file`: hall settings, devices and staff in one transaction, then the running parts follow. */
  async apply(file: ConfigExport, actor: StaffPrincipal): Promise<ImportResult> {
    const before = this.plan(file, actor);
    // PINs are hashed before the transaction: scrypt is asynchronous, a transaction is not.
    const pins = await Promise.all(
      before.staff.added.map(async (staffNo) => {
        const pin = generatePin();
        return { staffNo, pin, pinHash: await this.d.auth.hashPin(pin) };
      }),
    );
    const { db, clock } = this.d;
    db.transaction(() => {
      this.d.hall.writeWithin(file.hall, actor.id);
      this.writeDevices(file.devices);
      this.writeStaff(file.staff, actor, new Map(pins.map((p) => [p.staffNo, p.pinHash])));
      audit(db, clock, 'config.import', {
        staffId: actor.id,
        details: {
          sourceHallId: file.hallId,
          hall: before.hall,
          services: counts(before.services),
          windows: counts(before.windows),
          devices: counts(before.devices),
          staff: counts(before.staff),
          terminal: before.terminalChanged,
        },
      });
    })();
    this.d.hall.announce(file.hall);
    await this.d.devices.reload();
    // The file never carries the update feed or the backup setting: this machine keeps its own.
    if (before.terminalChanged)
      this.d.terminal.update(this.withOwnFeed(file), { staffId: actor.id, atMachine: false, backupFolderHere: false });
    return { ...before, applied: true, oneTimePins: pins.map(({ staffNo, pin }) => ({ staffNo, pin })) };
  }

  /** The file's terminal settings with this machine's update feed and backup setting (they change only at the machine). */
  private withOwnFeed(file: ConfigExport): TerminalSettings {
    const own = this.d.terminal.get();
    return { ...file.terminal, updates: own.updates, backup: own.backup };
  }

  private issues(file: ConfigExport, actor: StaffPrincipal): HallSettingsIssue[] {
    const issues = under('hall', this.d.hall.check(file.hall));
    const deviceIds = new Set<string>();
    file.devices.forEach((device, i) => {
      if (deviceIds.has(device.id))
        issues.push(issue(['devices', i, 'id'], 'duplicate', 'another device has this id', { id: device.id }));
      deviceIds.add(device.id);
    });
    const windows = new Set(file.hall.windows.map((w) => w.number));
    const staffNos = new Set<string>();
    file.staff.forEach((s, i) => {
      if (staffNos.has(s.staffNo))
        issues.push(issue(['staff', i, 'staffNo'], 'duplicate', 'another account has this staff number', { staffNo: s.staffNo }));
      staffNos.add(s.staffNo);
      if (s.windowNumber !== null && !windows.has(s.windowNumber))
        issues.push(issue(['staff', i, 'windowNumber'], 'unknown_window', 'no such window', { number: s.windowNumber }));
      // Like PATCH /staff/:id: nobody locks themselves out by importing a file.
      if (s.staffNo === actor.staffNo && (!s.enabled || s.role !== actor.role))
        issues.push(
          issue(['staff', i, s.enabled ? 'role' : 'enabled'], 'self_change', 'the importing account cannot change itself'),
        );
    });
    return issues;
  }

  /** What `file` would change here (a dry run's answer). */
  private summary(file: ConfigExport, actor: StaffPrincipal): ImportResult {
    const hall = this.d.hall.get();
    const sections = changedSections(hall, file.hall).filter((k): k is HallSection => k !== 'services' && k !== 'windows');
    const staffHere = listStaff(this.d.db);
    const staffChanges = diff(
      new Map(staffHere.map((s) => [s.staffNo, exportedStaff(s)])),
      new Map(file.staff.map((s) => [s.staffNo, s])),
    );
    // Accounts missing from the file are disabled, except the importer's own and those already disabled.
    const active = new Set(staffHere.filter((s) => s.active).map((s) => s.staffNo));
    staffChanges.removed = staffChanges.removed.filter((no) => no !== actor.staffNo && active.has(no));
    return {
      applied: false,
      sourceHallId: file.hallId,
      hall: sections,
      services: diff(new Map(hall.services.map((s) => [s.code, s])), new Map(file.hall.services.map((s) => [s.code, s]))),
      windows: diff(
        new Map(hall.windows.map((w) => [String(w.number), w])),
        new Map(file.hall.windows.map((w) => [String(w.number), w])),
      ),
      devices: diff(
        new Map(this.d.devices.list().devices.map((d) => [d.config.id, d.config])),
        new Map(file.devices.map((d) => [d.id, d])),
      ),
      staff: staffChanges,
      terminalChanged: JSON.stringify(this.d.terminal.get()) !== JSON.stringify(this.withOwnFeed(file)),
      oneTimePins: [],
    };
  }

  private writeDevices(devices: readonly DeviceConfig[]): void {
    const now = this.d.clock.now().toISOString();
    const keep = new Set(devices.map((d) => d.id));
    for (const { config } of this.d.devices.list().devices) if (!keep.has(config.id)) deleteDevice(this.d.db, config.id);
    for (const device of devices)
      upsertDevice(this.d.db, { id: device.id, kind: device.kind, configJson: JSON.stringify(device) }, now);
  }

  private writeStaff(staff: readonly ExportedStaff[], actor: StaffPrincipal, newPinHashes: ReadonlyMap<string, string>): void {
    const { db } = this.d;
    const here = new Map(listStaff(db).map((s) => [s.staffNo, s]));
    for (const s of staff) {
      const existing = here.get(s.staffNo);
      // A file gives no role above the importer's own: supervisor and technician wait for a second supervisor.
      const path = grantPath(actor.role, s.role);
      if (!existing) {
        const pinHash = newPinHashes.get(s.staffNo);
        if (pinHash === undefined) throw new Error(`no PIN prepared for ${s.staffNo}`);
        const direct = path === 'direct';
        const row = insertStaff(db, {
          staffNo: s.staffNo,
          name: s.name,
          role: s.role,
          pinHash,
          active: s.enabled && direct,
          windowNumber: s.windowNumber,
        });
        if (path === 'confirmed' && isConfirmedRole(s.role) && s.enabled) this.d.accounts.requestGrant(row, s.role, true, actor);
        continue;
      }
      const raises = s.role !== existing.role && isConfirmedRole(s.role);
      // Nor does it change the role of an account of the importer's rank or above.
      const keepsRole = raises || (s.role !== existing.role && !mayManage(actor.role, existing.role));
      const enables = s.enabled && !existing.active && isConfirmedRole(s.role);
      const row =
        updateStaff(db, existing.id, {
          name: s.name,
          ...(keepsRole ? {} : { role: s.role }),
          active: enables ? false : s.enabled,
          windowNumber: s.windowNumber,
        }) ?? existing;
      if ((raises || enables) && path === 'confirmed' && isConfirmedRole(s.role))
        this.d.accounts.requestGrant(row, s.role, enables, actor);
      if (existing.active && !s.enabled) this.d.auth.endAllSessions(existing.id);
    }
    const listed = new Set(staff.map((s) => s.staffNo));
    for (const existing of here.values()) {
      if (listed.has(existing.staffNo) || existing.staffNo === actor.staffNo || !existing.active) continue;
      updateStaff(db, existing.id, { active: false });
      this.d.auth.endAllSessions(existing.id);
    }
  }
}

function exportedStaff(s: StaffRow): ExportedStaff {
  return { staffNo: s.staffNo, name: s.name, role: s.role, windowNumber: s.windowNumber, enabled: s.active };
}

/** Keys only in `after` (added), in both but different (changed), only in `before` (removed). */
function diff<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): ImportChanges {
  const changes: ImportChanges = { added: [], changed: [], removed: [] };
  for (const [key, value] of after) {
    const old = before.get(key);
    if (old === undefined) changes.added.push(key);
    else if (JSON.stringify(old) !== JSON.stringify(value)) changes.changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.removed.push(key);
  return changes;
}

const counts = (c: ImportChanges) => ({ added: c.added.length, changed: c.changed.length, removed: c.removed.length });
