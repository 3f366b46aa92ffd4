import { TerminalSettings, type TerminalSettingsInput } from '../../contracts/terminal-settings';
import type { Db } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { EventBus } from '../events/event-bus';

const KEY = 'terminal';

/**
 * This terminal's settings: the config file seeds them on first boot, the technician console
 * owns them afterwards. Every change is validated, audited, stored, then announced
 * (`settings.changed`) so screens and the hall link follow at once, without a restart.
 */
export class TerminalSettingsStore {
  private current: TerminalSettings;
  private readonly listeners = new Set<(settings: TerminalSettings) => void>();

  constructor(private readonly o: { db: Db; clock: Clock; bus: EventBus; seed: TerminalSettingsInput }) {
    const stored = readSetting(o.db, KEY);
    const parsed = stored === undefined ? undefined : TerminalSettings.safeParse(stored);
    if (parsed?.success) this.current = parsed.data;
    else {
      // First boot (or a document an older version cannot read): the config file's values.
      this.current = TerminalSettings.parse(o.seed);
      writeSetting(o.db, KEY, this.current, o.clock.now().toISOString());
    }
  }

  get(): TerminalSettings {
    return this.current;
  }

  /** Replaces the settings whole; throws a ZodError (a 400 at the API) when they are invalid. */
  update(input: TerminalSettingsInput, staffId: number | null): TerminalSettings {
    const next = TerminalSettings.parse(input);
    this.o.db.transaction(() => {
      writeSetting(this.o.db, KEY, next, this.o.clock.now().toISOString());
      audit(this.o.db, this.o.clock, 'settings.terminal', {
        staffId,
        details: { role: next.role, hallLinked: next.hallUrl !== null },
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
}
