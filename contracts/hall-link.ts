/**
 * Secondary terminals: a host whose `hallUrl` names another host uses that hall's
 * queue through it. Two sides: the hall's `/terminal/*` routes, open only to paired host
 * terminals (token, whatever their address), and the secondary's own link status and pairing.
 */
import { z } from 'zod';
import { CheckInRequest } from './appointments';
import { IssueTicketResponse, ServiceCode } from './queue';

/** The card at a secondary kiosk as the hall's queue sees it: key under the hall's queue keyer, and age. */
export const QueueCaller = z.object({ key: z.string().min(16).max(128), age: z.number().int().min(0).max(150) }).nullable();
export type QueueCaller = z.infer<typeof QueueCaller>;

export const TerminalIssueTicketRequest = z.object({ serviceCode: ServiceCode, caller: QueueCaller });
export type TerminalIssueTicketRequest = z.infer<typeof TerminalIssueTicketRequest>;

export const TerminalStewardRequest = z.object({ caller: QueueCaller });
export type TerminalStewardRequest = z.infer<typeof TerminalStewardRequest>;

/** The hall's steward ticket; `existing`: the card already held one (the kiosk does not print it again). */
export const TerminalStewardTicket = IssueTicketResponse.extend({ existing: z.boolean() });
export type TerminalStewardTicket = z.infer<typeof TerminalStewardTicket>;

/** A secondary kiosk asks for the open ticket its card holder holds for a service (to reprint it). */
export const TerminalMyTicketRequest = z.object({ serviceCode: ServiceCode, caller: QueueCaller.unwrap() });
export type TerminalMyTicketRequest = z.infer<typeof TerminalMyTicketRequest>;

/** What the secondary's printer made of a ticket the hall issued (recorded on the hall's ticket). */
export const TerminalPrintReport = z.object({ printed: z.boolean() });
export type TerminalPrintReport = z.infer<typeof TerminalPrintReport>;

/**
 * Check-in at a secondary kiosk: the booking tag (HMAC of the ID number under the hall's
 * matching key, what the central API sends) and the queue caller are computed there; the ID
 * number stays there.
 */
export const TerminalCheckInRequest = z.object({
  request: CheckInRequest,
  holder: z.object({ idTag: z.string().regex(/^[0-9a-f]{64}$/), caller: QueueCaller.unwrap() }).nullable(),
});
export type TerminalCheckInRequest = z.infer<typeof TerminalCheckInRequest>;

/** What a host terminal learns at pairing besides its token. */
export const HallIdentity = z.object({
  hallId: z.string(),
  hallName: z.string(),
  /** Secret of the hall's queue keyer (base64url): the same card, the same queue key at every kiosk. */
  queueKey: z.string().min(40).max(64),
  /**
   * The hall's appointment-matching key (base64url), so a card checks in at any kiosk of the
   * hall. Absent from pairings made before keyed tags: such a kiosk checks in by code only until
   * it is paired again.
   */
  matchingKey: z.string().min(40).max(64).optional(),
});
export type HallIdentity = z.infer<typeof HallIdentity>;

export const HallLinkState = z.enum(['hall', 'unpaired', 'connecting', 'online', 'offline']);
export type HallLinkState = z.infer<typeof HallLinkState>;

/**
 * This host's link to its hall. `hall`: this host is the hall (no hallUrl). `unpaired`: a hallUrl
 * but no token yet (or the hall revoked it). `online`/`offline`: whether the hall answers now.
 */
export const HallLinkStatus = z.object({
  state: HallLinkState,
  hallUrl: z.string().nullable(),
  hallName: z.string().nullable(),
  /** When the state last changed. */
  since: z.iso.datetime(),
  lastError: z.string().nullable(),
  /** The hall CA this host pinned at pairing (a technician compares it with the hall's console); null over loopback http. */
  caFingerprint: z.string().nullable(),
});
export type HallLinkStatus = z.infer<typeof HallLinkStatus>;

export const PairWithHallRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'expected the six-digit code') });
export type PairWithHallRequest = z.infer<typeof PairWithHallRequest>;
