import type { CreateHallRequest, Hall, UpdateHallRequest } from '../../contracts/platform-halls';
import type { Sql } from '../db/sql';
import { insertAudit } from '../store/district-audit';
import { anyHallRegistered, hallById, insertHall, listHalls, updateHall, type HallRow } from '../store/halls';
import { DEMO_DISTRICT } from './demo-district';

function toHall(row: HallRow): Hall {
  return {
    hallId: row.hallId,
    name: row.name,
    level: row.level,
    address: row.address,
    hours: row.hours,
    windows: row.windows,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CreateHallOutcome = { kind: 'created'; hall: Hall } | { kind: 'exists' };

/** The district's halls: registered, changed, deactivated (never deleted: their records name them). */
export class HallService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<Hall[]> {
    return (await listHalls(this.sql)).map(toHall);
  }

  async get(hallId: string): Promise<Hall | undefined> {
    const row = await hallById(this.sql, hallId);
    return row && toHall(row);
  }

  async exists(hallId: string): Promise<boolean> {
    return (await hallById(this.sql, hallId)) !== undefined;
  }

  /** Registers a hall; `actor` (a district username, or `admin-token`) is audited with it. */
  create(request: CreateHallRequest, actor: string): Promise<CreateHallOutcome> {
    return this.sql.transaction(async (tx): Promise<CreateHallOutcome> => {
      const now = this.now();
      const row = await insertHall(tx, { ...request, createdAt: now, updatedAt: now });
      if (row === undefined) return { kind: 'exists' };
      await insertAudit(tx, { at: now, actor, action: 'hall.create', subject: `hall:${row.hallId}`, detail: { name: row.name } });
      return { kind: 'created', hall: toHall(row) };
    });
  }

  /** Changes the fields given; `undefined` for a hall that is not registered. Locked, so two edits never mix. */
  update(hallId: string, fields: UpdateHallRequest, actor: string): Promise<Hall | undefined> {
    return this.sql.transaction(async (tx) => {
      const row = await hallById(tx, hallId, true);
      if (row === undefined) return undefined;
      const now = this.now();
      // The names of the fields changed, not their values: an address is not a log line's business.
      const changed = Object.keys(fields).filter((key) => fields[key as keyof UpdateHallRequest] !== undefined);
      await insertAudit(tx, { at: now, actor, action: 'hall.update', subject: `hall:${hallId}`, detail: { changed } });
      return toHall(
        await updateHall(tx, {
          ...row,
          name: fields.name ?? row.name,
          level: fields.level ?? row.level,
          address: fields.address ?? row.address,
          hours: fields.hours ?? row.hours,
          windows: fields.windows ?? row.windows,
          active: fields.active ?? row.active,
          updatedAt: now,
        }),
      );
    });
  }

  /**
   * Registers the demo district (services/demo-district.ts) when no hall is registered yet. Two
   * instances starting together both may insert: each hall goes in once (ON CONFLICT DO NOTHING).
   */
  seedDemoDistrict(): Promise<void> {
    return this.sql.transaction(async (tx) => {
      if (await anyHallRegistered(tx)) return;
      const now = this.now();
      for (const hall of DEMO_DISTRICT) await insertHall(tx, { ...hall, createdAt: now, updatedAt: now });
    });
  }
}
