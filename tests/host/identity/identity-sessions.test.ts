import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../host/clock/clock';
import { EventBus } from '../../../host/events/event-bus';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import { type CitizenCard, IdentitySessions } from '../../../host/identity/identity-sessions';

const card: CitizenCard = { kind: 'resident', name: '欧阳娜娜', idNumber: '11010519491231002X', birthDate: '1949-12-31' };
const clock: Clock = { now: () => new Date('2026-11-27T02:00:00Z') };

describe('IdentitySessions', () => {
  let bus: EventBus;
  let sessions: IdentitySessions;
  beforeEach(() => {
    vi.useFakeTimers();
    bus = new EventBus();
    sessions = new IdentitySessions({
      bus,
      clock,
      timeZone: 'Asia/Shanghai',
      keyer: IdentityKeyer.ephemeral(),
      maxAgeMs: 60_000,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the kiosk only masked data, with the decade of the age on the hall date', () => {
    const view = sessions.begin(card);
    expect(view).toMatchObject({
      maskedName: '欧阳**',
      maskedIdNumber: '110105********002X',
      ageBand: '70-79',
      cardKind: 'resident',
    });
    expect(JSON.stringify(view)).not.toContain('1949123');
  });

  it('forgets the card when the session ends, and says so on the event bus', () => {
    const types: string[] = [];
    bus.subscribe((e) => types.push(e.type));
    sessions.begin(card);
    expect(sessions.identityKey()).not.toBeNull();
    sessions.end();
    expect(sessions.view()).toBeNull();
    expect(sessions.identityKey()).toBeNull();
    expect(types).toEqual(['identity.read', 'identity.ended']);
  });

  it('ends a forgotten session after its maximum age', () => {
    sessions.begin(card);
    vi.advanceTimersByTime(59_000);
    expect(sessions.view()).not.toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(sessions.view()).toBeNull();
  });

  it('a new card replaces the previous citizen entirely', () => {
    const first = sessions.begin(card);
    const second = sessions.begin({ ...card, name: '李小红', idNumber: '110101199207080028', birthDate: '1992-07-08' });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(sessions.view()?.maskedName).toBe('李**');
  });

  it('keys the same ID number the same way (case-insensitive X), different numbers differently', () => {
    const keyer = IdentityKeyer.ephemeral();
    expect(keyer.keyOf('11010519491231002x')).toBe(keyer.keyOf('11010519491231002X'));
    expect(keyer.keyOf('110101199207080028')).not.toBe(keyer.keyOf('11010519491231002X'));
  });

  /** The events of the bus from now on, with whether the card was still on the reader. */
  const recordEvents = () => {
    const seen: { type: string; cardOnReader?: boolean }[] = [];
    bus.subscribe((e) => seen.push({ type: e.type, ...('cardOnReader' in e ? { cardOnReader: e.cardOnReader } : {}) }));
    return seen;
  };

  it('a visit ended at the kiosk while the card still lies there says the card is on the reader', () => {
    const events = recordEvents();
    sessions.begin(card);
    expect(sessions.cardOnReader()).toBe(true);
    sessions.end();
    expect(sessions.view()).toBeNull();
    expect(sessions.cardOnReader()).toBe(true);
    expect(events).toEqual([{ type: 'identity.read' }, { type: 'identity.ended', cardOnReader: true }]);
  });

  it('taking the card off after the visit ended is announced, so the reminder can go', () => {
    const events = recordEvents();
    sessions.begin(card);
    sessions.end();
    sessions.cardRemoved();
    expect(sessions.cardOnReader()).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['identity.read', 'identity.ended', 'identity.card-removed']);
  });

  it('taking the card off during the visit ends it with no card left behind', () => {
    const events = recordEvents();
    sessions.begin(card);
    sessions.cardRemoved();
    expect(sessions.view()).toBeNull();
    expect(events).toEqual([
      { type: 'identity.read' },
      { type: 'identity.ended', cardOnReader: false },
      { type: 'identity.card-removed' },
    ]);
  });

  it('a session that outlived its maximum age still knows the card is there', () => {
    const events = recordEvents();
    sessions.begin(card);
    vi.advanceTimersByTime(60_000);
    expect(sessions.view()).toBeNull();
    expect(sessions.cardOnReader()).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'identity.ended', cardOnReader: true });
  });

  it('binds the card to the kiosk page holding the seat when it was read; it follows the seat when that page leaves', () => {
    let holder: string | null = 'page-a';
    const bound = new IdentitySessions({
      bus,
      clock,
      timeZone: 'Asia/Shanghai',
      keyer: IdentityKeyer.ephemeral(),
      maxAgeMs: 60_000,
      seatHolder: () => holder,
    });
    bound.begin(card);
    holder = 'page-b';
    expect(bound.boundPage()).toBe('page-a');
    // Another page's hand-over does not move it.
    bound.seatPassed('page-b', 'page-c');
    expect(bound.boundPage()).toBe('page-a');
    bound.seatPassed('page-a', 'page-b');
    expect(bound.boundPage()).toBe('page-b');
    expect(bound.view()).not.toBeNull();
  });
});
