import { randomUUID } from 'node:crypto';
import { ageBandOf, type CardKind, type IdentityView } from '../../contracts/identity';
import { maskIdNumber, maskName } from '../../hardware/idcard';
import { ageOn, type Clock, localDate } from '../clock/clock';
import type { EventBus } from '../events/event-bus';
import type { IdentityKeyer } from './identity-key';

/** What the host keeps of a card while its holder is at the kiosk: memory only, never persisted. */
export interface CitizenCard {
  kind: CardKind;
  name: string;
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** As printed on the card face (男/女/…), for form prefill (零填表). */
  gender?: string;
  /** Residence address; only the kinds of `CARD_KINDS_WITH_ADDRESS` (hardware/idcard) carry one. */
  address?: string;
}

interface ActiveSession {
  id: string;
  card: CitizenCard;
  readAt: Date;
  /** The kiosk page that held the seat when the card was read: only it may act for the citizen. */
  page: string | null;
}

/**
 * The citizen whose card lies on the reader. One session at a time; it ends when
 * the card is removed, the kiosk says the citizen is done (or idle), or it has
 * lived `maxAgeMs` — then every reference to the personal data is dropped.
 */
export class IdentitySessions {
  private active: ActiveSession | null = null;
  private expiry: NodeJS.Timeout | undefined;
  /**
   * The card still lies on the reader, whether or not its session is over: a visit that ended
   * at the kiosk (完成, 退出, idle) leaves the card there, and the kiosk keeps reminding the
   * citizen to take it until the reader reports it gone (the commonest loss at a hall).
   */
  private onReader = false;

  constructor(
    private readonly o: {
      bus: EventBus;
      clock: Clock;
      timeZone: string;
      keyer: IdentityKeyer;
      /**
       * The keyer of the queue this kiosk issues tickets in: the hall's own, or the one a hall
       * handed over at pairing when this host is its secondary kiosk (asked at each use: the
       * hall link can change while the host runs). Defaults to `keyer`.
       */
      queueKeyer?: () => IdentityKeyer;
      maxAgeMs: number;
      /** The kiosk page holding the seat now (host/identity/kiosk-seat.ts); the card is bound to it. */
      seatHolder?: () => string | null;
    },
  ) {}

  begin(card: CitizenCard): IdentityView {
    this.end();
    const session: ActiveSession = { id: randomUUID(), card, readAt: this.o.clock.now(), page: this.o.seatHolder?.() ?? null };
    this.active = session;
    this.onReader = true;
    this.expiry = setTimeout(() => this.end(), this.o.maxAgeMs);
    this.expiry.unref();
    this.o.bus.publish({ type: 'identity.read', sessionId: session.id });
    return this.toView(session);
  }

  /** Ends the current session (if any) and forgets the card. */
  end(): void {
    clearTimeout(this.expiry);
    const session = this.active;
    if (!session) return;
    this.active = null;
    session.card = { kind: session.card.kind, name: '', idNumber: '', birthDate: '', gender: '', address: '' };
    this.o.bus.publish({ type: 'identity.ended', sessionId: session.id, cardOnReader: this.onReader });
  }

  /**
   * The kiosk seat passed from page `from` (closed, reloaded, crashed) to `to` (the next page in
   * line, or none yet): a card bound to `from` follows the seat, as the kiosk's visit does. Until
   * then no other page may act for the citizen.
   */
  seatPassed(from: string, to: string | null): void {
    if (this.active?.page === from) this.active.page = to;
  }

  /** The kiosk page the current card is bound to; null without a card or when none held the seat at its reading. */
  boundPage(): string | null {
    return this.active?.page ?? null;
  }

  /** The reader no longer has the card (taken off, or the reader is gone): the visit, if any, ends. */
  cardRemoved(): void {
    if (!this.onReader && !this.active) return;
    this.onReader = false;
    this.end();
    this.o.bus.publish({ type: 'identity.card-removed' });
  }

  /** Whether the last card read still lies on the reader (its session may have ended). */
  cardOnReader(): boolean {
    return this.onReader;
  }

  /** The hall settings changed how long a card may stay in memory: the next card follows it. */
  setMaxAge(ms: number): void {
    this.o.maxAgeMs = ms;
  }

  view(): IdentityView | null {
    return this.active ? this.toView(this.active) : null;
  }

  /**
   * The unmasked card of the current holder, or null. ONLY case prefill (host/cases, 零填表)
   * and the appointment match (host/appointments: the central API's salted hash needs the raw
   * number) may use it: the copy goes straight into the case and its outbox entry, or into a
   * hash, never to a response, an event or a log. Everything else uses `view()` or `identityKey()`.
   */
  currentCard(): CitizenCard | null {
    return this.active ? { ...this.active.card } : null;
  }

  /** The current card session's random id (what the pages it captured are held under), or null. */
  sessionId(): string | null {
    return this.active?.id ?? null;
  }

  /** The keyed hash of the current holder's ID number, for per-card queue rules. */
  identityKey(): string | null {
    return this.active ? this.o.keyer.keyOf(this.active.card.idNumber) : null;
  }

  /** The card on the reader as the queue sees it (queue key and age), or null with no card. */
  queueCaller(): { key: string; age: number } | null {
    const session = this.active;
    if (!session) return null;
    const keyer = this.o.queueKeyer?.() ?? this.o.keyer;
    return { key: keyer.keyOf(session.card.idNumber), age: this.ageOf(session) };
  }

  /** Whole years on the hall's local date: the queue's elder rule needs it, the renderer never sees it. */
  private ageOf(s: ActiveSession): number {
    return ageOn(s.card.birthDate, localDate(this.o.clock.now(), this.o.timeZone));
  }

  private toView(s: ActiveSession): IdentityView {
    return {
      sessionId: s.id,
      maskedName: maskName(s.card.name),
      maskedIdNumber: maskIdNumber(s.card.idNumber),
      cardKind: s.card.kind,
      ageBand: ageBandOf(this.ageOf(s)),
      readAt: s.readAt.toISOString(),
    };
  }
}
