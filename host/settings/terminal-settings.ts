import { z } from 'zod';
import { TerminalSettings, type TerminalSettingsInput } from '../../contracts/terminal-settings';
import type { Db } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';

const KEY = 'terminal';

/** The feed of a stored document, read only to audit its removal. */
const StoredFeed = z.object({ updates: z.object({ url: z.string() }) });

/** Who changes the settings, and from where. */
export interface TerminalSettingsActor {
  staffId: number | null;
  /**
   * The request came from this machine's own Electron shell (loopback and its per-boot header,
   * host/lan/shell-guard.ts `fromOwnShell`): only then may the update feed change.
   */
  atMachine: boolean;
  /**
   * The request may change the backup folder (where the whole database, personal data included,
   * is copied every night): this machine's own shell window, or, on a host no shell runs
   * (`npm run host`), a request from this machine itself (loopback). Never a LAN browser.
   */
  backupFolderHere: boolean;
}

/**
 * This terminal's settings: the config file seeds them on first boot, the technician console
 * owns them afterwards. Every change is validated, audited, stored, then announced
 * (`settings.changed`) so screens and the hall link follow at once, without a restart.
 *
 * The update feed decides what program the shell installs, so it changes only at the machine
 * itself, and each change is audited (old → new) in the same transaction as the write.
 */
export class TerminalSettingsStore {
  private current: TerminalSettings;
  private readonly listeners = new Set<(settings: TerminalSettings) => void>();

  constructor(private readonly o: { db: Db; clock: Clock; bus: EventBus; seed: TerminalSettingsInput }) {
    const stored = readSetting(o.db, KEY);
    const parsed = stored === undefined ? undefined : TerminalSettings.safeParse(stored);
    const kept = parsed === undefined || parsed.success ? null : this.dropInsecureFeed(stored);
    if (parsed?.success) this.current = parsed.data;
    else if (kept !== null) this.current = kept;
    else {
      // First boot (or a document an older version cannot read): the config file's values.
      this.current = TerminalSettings.parse(o.seed);
      writeSetting(o.db, KEY, this.current, o.clock.now().toISOString());
    }
  }

  get(): TerminalSettings {
    return this.current;
  }

  /**
   * Replaces the settings whole; throws a ZodError (a 400 at the API) when they are invalid, and
   * `update_feed_local_only` when the feed would change from anywhere but the machine itself.
   */
  update(input: TerminalSettingsInput, actor: TerminalSettingsActor): TerminalSettings {
    const next = TerminalSettings.parse(input);
    const from = this.current.updates.url;
    const to = next.updates.url;
    if (from !== to && !actor.atMachine)
      throw new HostError('update_feed_local_only', '更新地址只能在本机（终端程序窗口）修改', { setting: 'updates.url' });
    const folderFrom = this.current.backup.folder;
    const folderTo = next.backup.folder;
    if (folderFrom !== folderTo && !actor.backupFolderHere)
      throw new HostError('backup_folder_local_only', '备份文件夹只能在本机修改', { setting: 'backup.folder' });
    this.o.db.transaction(() => {
      writeSetting(this.o.db, KEY, next, this.o.clock.now().toISOString());
      audit(this.o.db, this.o.clock, 'settings.terminal', {
        staffId: actor.staffId,
        details: { role: next.role, hallLinked: next.hallUrl !== null },
      });
      if (from !== to) audit(this.o.db, this.o.clock, 'settings.update_feed', { staffId: actor.staffId, details: { from, to } });
      if (folderFrom !== folderTo)
        audit(this.o.db, this.o.clock, 'settings.backup_folder', {
          staffId: actor.staffId,
          details: { from: folderFrom, to: folderTo },
        });
    })();
    this.current = next;
    this.o.bus.publish({ type: 'settings.changed', scope: 'terminal' });
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Called after every change (the hall link re-targets itself). */
  onChange(listener: (settings: TerminalSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Settings stored by an older version whose only fault is an http: feed (allowed then): the rest
   * is kept, the feed dropped (the shell would refuse it anyway), audited.
   */
  private dropInsecureFeed(stored: unknown): TerminalSettings | null {
    if (typeof stored !== 'object' || stored === null) return null;
    const parsed = TerminalSettings.safeParse({ ...stored, updates: {} });
    if (!parsed.success) return null;
    const old = StoredFeed.safeParse(stored);
    this.o.db.transaction(() => {
      writeSetting(this.o.db, KEY, parsed.data, this.o.clock.now().toISOString());
      audit(this.o.db, this.o.clock, 'settings.update_feed', {
        details: { from: old.success ? old.data.updates.url : null, to: null, reason: 'not https' },
      });
    })();
    return parsed.data;
  }
}
