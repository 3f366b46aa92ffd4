import type { HallSettings } from '../../contracts/hall-settings';
import type { Db } from '../../db/open';
import { removeService, serviceKeys, setServicePrefix, upsertServices } from '../../db/repositories/services';
import { clearStaleWindowNumbers } from '../../db/repositories/staff';
import { listWindows, retireWindow, upsertWindows } from '../../db/repositories/windows';

/**
 * Stand-in letters for rows that must let go of their prefix: the column is UNIQUE and one
 * character long, and real prefixes are A–Z, so these never collide with one. A retired service
 * keeps its stand-in (its tickets keep their printed numbers); an active one holds it only for
 * the moment between two statements.
 */
const STAND_INS = 'abcdefghijklmnopqrstuvwxyz0123456789αβγδεζηθικλμνξοπρστυφχψω';

export interface LayoutChange {
  services: { removed: string[]; retired: string[] };
  windows: { retired: number[] };
}

/**
 * Makes the service and window tables say what the settings say, inside the caller's
 * transaction: services and windows are inserted or updated, those taken out are retired
 * (or deleted when nothing refers to them), and prefixes may move between services.
 */
export function applyHallLayout(db: Db, settings: HallSettings): LayoutChange {
  const wanted = new Map(settings.services.map((s) => [s.code, s.prefix]));
  const change: LayoutChange = { services: { removed: [], retired: [] }, windows: { retired: [] } };

  for (const row of serviceKeys(db)) {
    if (wanted.has(row.code) || row.retired) continue;
    if (removeService(db, row.code) === 'deleted') change.services.removed.push(row.code);
    else change.services.retired.push(row.code);
  }

  // Free every letter that is about to move (swaps included) before the upsert claims them.
  const letters = new Set(wanted.values());
  const rows = serviceKeys(db);
  const inUse = new Set(rows.map((r) => r.prefix));
  const standIns = [...STAND_INS].filter((c) => !inUse.has(c));
  for (const row of rows) {
    const target = wanted.get(row.code);
    const mustMove = target === undefined ? letters.has(row.prefix) : target !== row.prefix;
    if (!mustMove) continue;
    const standIn = standIns.shift();
    if (standIn === undefined) throw new Error('no stand-in prefix left for retired services');
    setServicePrefix(db, row.code, standIn);
  }
  upsertServices(db, settings.services);

  const numbers = new Set(settings.windows.map((w) => w.number));
  for (const w of listWindows(db)) {
    if (numbers.has(w.number)) continue;
    retireWindow(db, w.id);
    change.windows.retired.push(w.number);
  }
  upsertWindows(db, settings.windows);
  clearStaleWindowNumbers(db, [...numbers]);
  return change;
}
