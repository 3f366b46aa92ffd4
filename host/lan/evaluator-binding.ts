import type { EvaluatorSelf } from '../../contracts/evaluator';
import type { Terminal } from '../../contracts/pairing';
import type { Db } from '../../db/open';
import { setEvaluatorWindow, terminalById } from '../../db/repositories/terminals';
import { findWindowByNumber } from '../../db/repositories/windows';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';

/** Refuses a window number the hall does not have (a typo at pairing would bind the pad to nothing). */
export function mustBeWindow(db: Db, windowNumber: number): void {
  if (!findWindowByNumber(db, windowNumber)) throw new HostError('window_unknown', `大厅没有 ${windowNumber} 号窗口`);
}

/**
 * Which window each rating pad (terminal kind `evaluator`) belongs to. A pad names its window when
 * it is paired (the /pair page); a technician may move it later. The event stream asks `windowOf`
 * at each rating request, so a pad moved or revoked stops receiving that window's tokens at once.
 */
export class EvaluatorBinding {
  constructor(
    private readonly o: {
      db: Db;
      clock: Clock;
      /** A terminal as the technician's list shows it (Pairing.terminal). */
      listed: (terminalId: string) => Terminal | undefined;
    },
  ) {}

  /** The window number of a live evaluator; null for a revoked one, another kind, or an unbound pad. */
  windowOf(terminalId: string): number | null {
    const row = terminalById(this.o.db, terminalId);
    if (!row || row.kind !== 'evaluator' || row.revokedAt !== null) return null;
    return row.windowNumber;
  }

  /** What the pad's idle screen shows of itself. */
  self(terminalId: string): EvaluatorSelf {
    const row = terminalById(this.o.db, terminalId);
    if (!row || row.kind !== 'evaluator') throw new HostError('not_found', '没有这个评价器');
    const window = row.windowNumber === null ? undefined : findWindowByNumber(this.o.db, row.windowNumber);
    return { terminalId: row.id, name: row.name, windowNumber: row.windowNumber, windowName: window?.name ?? null };
  }

  /** Moves a live pad to the window `windowNumber` (technician `staffId`), audited; the pad as listed afterwards. */
  bind(terminalId: string, windowNumber: number, staffId: number): Terminal {
    const { db, clock } = this.o;
    db.transaction(() => {
      const row = terminalById(db, terminalId);
      if (!row) throw new HostError('not_found', '没有这个终端');
      if (row.kind !== 'evaluator') throw new HostError('invalid_request', '只有窗口评价器绑定窗口');
      if (row.revokedAt !== null) throw new HostError('invalid_state', '该终端已撤销，请重新配对');
      mustBeWindow(db, windowNumber);
      setEvaluatorWindow(db, terminalId, windowNumber);
      audit(db, clock, 'pairing.window', { staffId, details: { terminalId, from: row.windowNumber, to: windowNumber } });
    })();
    const bound = this.o.listed(terminalId);
    if (!bound) throw new HostError('not_found', '没有这个终端');
    return bound;
  }
}
