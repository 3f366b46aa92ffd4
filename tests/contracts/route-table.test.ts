import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  admitsTerminal,
  API_PREFIX,
  operationList,
  operationPath,
  operations,
  operationUrl,
  parseReply,
} from '../../contracts/api';

/**
 * The route table (contracts/api) on its own: one declaration per operation, consistent with
 * itself, and the only place the API's paths are written for the renderer and the hall link.
 */

const repoRoot = join(import.meta.dirname, '../..');

/** Every source file under `dir` (relative to the repository). */
function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

describe('the route table', () => {
  it('declares each method and path once', () => {
    const routes = operationList.map((op) => `${op.method} ${op.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    expect(operationList.length).toBeGreaterThan(70);
  });

  it('names each operation by its key', () => {
    for (const [name, op] of Object.entries(operations)) expect(op.name).toBe(name);
  });

  it('gives every path parameter a schema, and only path parameters', () => {
    for (const op of operationList) {
      const inPath = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = op.params instanceof z.ZodObject ? Object.keys(op.params.shape).sort() : [];
      expect(declared, `${op.name}: params`).toEqual(inPath);
    }
  });

  it('gives every documented operation its tags and a success reply; hides only two', () => {
    for (const op of operationList.filter((o) => !o.hide)) {
      const statuses = Object.keys(op.responses).map(Number);
      expect(
        statuses.some((s) => s >= 200 && s < 300),
        `${op.name}: success reply`,
      ).toBe(true);
      expect(op.tags?.length ?? 0, `${op.name}: tags`).toBeGreaterThan(0);
    }
    // Only the event stream and the document itself stay out of it.
    expect(
      operationList
        .filter((o) => o.hide)
        .map((o) => o.name)
        .sort(),
    ).toEqual(['events', 'openApi']);
  });

  it('leaves counter work and statistics to the hall on a secondary kiosk', () => {
    // The tags say what the operation is; `secondary` must agree, so a new counter action is never
    // served from a secondary kiosk's own (empty) queue.
    for (const op of operationList.filter((o) => o.tags?.some((t) => t === 'counter' || t === 'stats'))) {
      expect(op.secondary, op.name).toBe('hallOnly');
    }
    // Relayed operations are the kiosk's: its own page calls them without signing in.
    for (const op of operationList.filter((o) => o.secondary === 'relay')) {
      expect(admitsTerminal(op, 'kioskShell'), op.name).toBe(true);
      expect([undefined, 'optional'], op.name).toContain(op.access.staff);
    }
  });

  it('builds request URLs from the declaration', () => {
    expect(operationPath(operations.callTicket, { windowId: 3, ticketId: 12 })).toBe(`${API_PREFIX}/windows/3/tickets/12/call`);
    expect(operationPath(operations.revokeTerminal, { terminalId: 'a/b c' })).toBe(`${API_PREFIX}/pairing/terminals/a%2Fb%20c`);
    expect(operationUrl(operations.ticketProgress, { params: { ticketId: 7 }, query: { k: 'tag+/=' } })).toBe(
      `${API_PREFIX}/tickets/7/progress?k=tag%2B%2F%3D`,
    );
    expect(operationUrl(operations.logs, { query: { level: 'warn', after: undefined, limit: 50 } })).toBe(
      `${API_PREFIX}/logs?level=warn&limit=50`,
    );
    expect(() => operationPath(operations.window, {})).toThrow(/windowId/);
  });

  it('reads a reply with the schema declared for its status', () => {
    const windowOp = operations.window;
    expect(parseReply(windowOp, 200, { nope: true })).toEqual({ ok: false });
    // A status the operation does not declare is not read as its reply.
    expect(parseReply(operations.checkIn, 202, {})).toEqual({ ok: false });
    expect(parseReply(operations.placeSimulatedCard, 204, null)).toEqual({ ok: true, data: null });
  });

  it('is the only place the renderer, the hall link and the shell write the API prefix', () => {
    const files = [...sources('renderer'), ...sources('host/hall-link'), ...sources('electron')];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => readFileSync(join(repoRoot, file), 'utf8').includes(API_PREFIX));
    expect(offenders).toEqual([]);
  });
});
