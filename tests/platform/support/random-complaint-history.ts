import { expect } from 'vitest';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { ComplaintTopic } from '../../../contracts/complaints';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
import type { Platform } from '../../../platform/server';
import { hotlineCall, type ComplaintDesk, type DeskPerson } from './complaint-desk';

/**
 * Months of complaints moved step by step at random hours through the platform's real routes,
 * for the tests that count them two ways (SQL and the whole-complaint reference) and compare:
 * the same history on every run and on both databases. The desk is complaint-desk.ts's.
 */

export const HANDLING_UNITS = ['market-regulation', 'street-xinghe', 'tax'] as const;
export type HandlingUnit = (typeof HANDLING_UNITS)[number];
const HANDLER: Record<HandlingUnit, DeskPerson> = {
  'market-regulation': 'leadHandler',
  tax: 'taxHandler',
  'street-xinghe': 'streetHandler',
};

export const HOUR = 3_600_000;

/** The platform's clock, moved by the test (the platform reads `now`). */
export interface TestClock {
  now: Date;
}

/** A small deterministic generator (mulberry32): the same history on every run and both databases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the generator knows of each complaint it moves, to pick a next step the lifecycle allows. */
interface Tracked {
  number: string;
  state: string;
  lead: HandlingUnit | null;
  coUnits: HandlingUnit[];
  partsDone: Set<HandlingUnit>;
  /** Never touched after its dispatch: its deadlines pass undone. */
  neglected: boolean;
}

/** The desk's two moves every test needs: an action by one of its people, and a hotline call registered. */
export function deskActions(api: Platform, desk: ComplaintDesk) {
  async function act(number: string, who: DeskPerson, action: ComplaintAction): Promise<void> {
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as[who],
      payload: action,
    });
    expect(res.statusCode, `${action.type} by ${who}: ${res.body}`).toBe(200);
  }

  async function hotline(topic: ComplaintTopic, enterprise: string): Promise<string> {
    const payload = { ...hotlineCall, topic, enterprise: { name: enterprise, creditCode: null } };
    const res = await api.app.inject({ method: 'POST', url: '/v1/complaints/hotline', headers: desk.as.intake, payload });
    expect(res.statusCode, res.body).toBe(201);
    return RegisteredComplaint.parse(res.json()).number;
  }
  return { act, hotline };
}

/** The next Beijing midnight after the instant: a step exactly on a period's edge or a deadline. */
export const nextMidnight = (at: Date): Date => {
  const day = 24 * HOUR;
  const shifted = at.getTime() + 8 * HOUR;
  return new Date(Math.floor(shifted / day) * day + day - 8 * HOUR);
};

/**
 * `ticks` moves of the clock from where it stands, each registering a complaint or taking one
 * step of an open one: mostly hours apart, sometimes onto a Beijing midnight or a millisecond
 * either side; some complaints are neglected after their dispatch, so deadlines pass undone.
 */
export async function generateHistory(
  api: Platform,
  desk: ComplaintDesk,
  clock: TestClock,
  seed: number,
  ticks: number,
): Promise<void> {
  const { act, hotline } = deskActions(api, desk);
  const next = random(seed);
  const tick = () => {
    const roll = next();
    if (roll < 0.1) clock.now = nextMidnight(clock.now);
    else if (roll < 0.15) clock.now = new Date(nextMidnight(clock.now).getTime() - 1);
    else if (roll < 0.2) clock.now = new Date(nextMidnight(clock.now).getTime() + 1);
    else clock.now = new Date(clock.now.getTime() + Math.floor(next() * 14 * HOUR) + 60_000);
  };

  /** One step the lifecycle allows for the complaint, taken through the real route. */
  async function advance(c: Tracked): Promise<void> {
    const pick = <T>(items: readonly [T, ...T[]]): T => items[Math.floor(next() * items.length)] ?? items[0];
    const missingParts = c.coUnits.filter((u) => !c.partsDone.has(u));
    switch (c.state) {
      case 'registered':
      case 'sorting': {
        if (next() < 0.05) {
          await act(c.number, 'sorter', { type: 'not_admit', reason: '不属于营商诉求受理范围。' });
          c.state = 'not_admitted';
          return;
        }
        const lead = pick(HANDLING_UNITS);
        const coUnits = HANDLING_UNITS.filter((u) => u !== lead && next() < 0.35);
        await act(c.number, 'sorter', { type: 'dispatch', leadUnit: lead, coUnits, note: null });
        Object.assign(c, { state: 'dispatched', lead, coUnits, partsDone: new Set() });
        return;
      }
      case 'dispatched':
      case 'accepted':
      case 'returned':
        if (c.lead === null) return;
        if (missingParts[0] !== undefined && next() < 0.5) {
          const unit = pick([missingParts[0], ...missingParts.slice(1)]);
          await act(c.number, HANDLER[unit], { type: 'submit_part', text: '本单位意见已提交。' });
          c.partsDone.add(unit);
          return;
        }
        if (c.state === 'dispatched') {
          if (next() < 0.15) {
            await act(c.number, HANDLER[c.lead], { type: 'decline', reason: '不属于本单位职责。' });
            Object.assign(c, { state: 'sorting', lead: null, coUnits: [], partsDone: new Set() });
          } else {
            await act(c.number, HANDLER[c.lead], { type: 'accept' });
            c.state = 'accepted';
          }
          return;
        }
        if (missingParts.length > 0) return;
        await act(c.number, HANDLER[c.lead], { type: 'draft', text: '已核实，答复如下。' });
        c.state = 'drafted';
        return;
      case 'drafted':
        if (c.lead === null) return;
        await act(c.number, HANDLER[c.lead], { type: 'submit' });
        c.state = 'under_review';
        return;
      case 'under_review':
        if (next() < 0.3) {
          await act(c.number, 'reviewer', { type: 'return', reason: '请写明办理时限。' });
          c.state = 'returned';
        } else {
          await act(c.number, 'reviewer', { type: 'approve', note: null });
          c.state = 'approved';
        }
        return;
      case 'approved':
        await act(c.number, 'reviewer', { type: 'close' });
        c.state = 'closed';
        return;
      case 'closed': {
        const level = pick(['very_satisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied'] as const);
        const reason = level === 'dissatisfied' ? '答复未解决问题。' : null;
        await act(c.number, 'intake', { type: 'evaluate', level, reason, comment: null });
        c.state = 'evaluated';
        return;
      }
      default:
        return;
    }
  }

  const tracked: Tracked[] = [];
  for (let i = 0; i < ticks; i++) {
    tick();
    const open = tracked.filter((c) => !['evaluated', 'not_admitted'].includes(c.state) && !(c.neglected && c.lead !== null));
    if (open.length === 0 || next() < 0.25) {
      const topic = next() < 0.3 ? 'policy' : 'approval';
      const number = await hotline(topic, `示例企业${i}有限公司`);
      tracked.push({ number, state: 'registered', lead: null, coUnits: [], partsDone: new Set(), neglected: next() < 0.15 });
    } else {
      const c = open[Math.floor(next() * open.length) % open.length];
      if (c !== undefined && next() < 0.85) await advance(c);
    }
  }
}
